package io.github.paiworkspacefake.server;

import java.util.List;

/**
 * The features enabled for the fake's account, as ListFeatures answers them (such as
 * {@code PaiConsole:IntegrateWithWorkspace}): none by default.
 */
public final class Features {

    /** What the fake does for this class. */
    interface Control {
        void set(String name, boolean enabled);

        List<String> enabled();
    }

    private final Control control;

    Features(Control control) {
        this.control = control;
    }

    /** Enables these features; one already enabled stays so. */
    public void enable(String... names) {
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a feature name must not be blank");
            }
            control.set(name, true);
        }
    }

    /** Disables these features; one not enabled is no change. */
    public void disable(String... names) {
        for (String name : names) {
            control.set(name, false);
        }
    }

    /** The enabled features, in the order they were enabled. */
    public List<String> enabled() {
        return control.enabled();
    }
}
