package io.github.paiworkspacefake.server;

import java.util.List;
import java.util.Objects;

/**
 * The resource quotas of the fake's account, as ListQuotas answers them: none by default. Other accounts' quotas are
 * set through seeds (resources of type {@code Quota} with their {@code AccountId}).
 */
public final class Quotas {

    /** What the fake does for this class. */
    interface Control {
        Quota add(Quota quota);

        List<Quota> all();
    }

    private final Control control;

    Quotas(Control control) {
        this.control = control;
    }

    /** Adds a quota; returns it with its id. A name or id the account has already is an {@link IllegalStateException}. */
    public Quota add(Quota quota) {
        return control.add(Objects.requireNonNull(quota, "quota"));
    }

    /** The account's quotas, oldest first. */
    public List<Quota> all() {
        return control.all();
    }
}
