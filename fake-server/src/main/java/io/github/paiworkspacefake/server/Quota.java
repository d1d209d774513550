package io.github.paiworkspacefake.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A resource quota of an account, as ListQuotas answers it and workspace resources refer to it.
 *
 * @param id          its {@code Id}; null when adding lets the fake make one ({@code quota...})
 * @param name        its {@code Name}, unique in the account
 * @param displayName its {@code DisplayName}
 * @param mode        {@code isolate} (subscription) or {@code share} (pay-as-you-go)
 * @param productCode such as {@code PAI_share} or {@code PAI_isolate}
 * @param quotaType   such as {@code PAI}
 * @param cardType    {@code CPU} or {@code GPU}
 * @param specs       its specifications, name to value, such as {@code cu -> 11500}, answered in this map's order
 */
public record Quota(
        String id,
        String name,
        String displayName,
        String mode,
        String productCode,
        String quotaType,
        String cardType,
        Map<String, String> specs) {

    public Quota {
        Objects.requireNonNull(name, "name");
        specs = Collections.unmodifiableMap(new LinkedHashMap<>(specs == null ? Map.of() : specs));
    }

    /** A pay-as-you-go PAI quota of this name, with an id the fake makes: the usual one. */
    public static Quota named(String name) {
        return new Quota(null, name, name, "share", "PAI_share", "PAI", "GPU", Map.of());
    }
}
