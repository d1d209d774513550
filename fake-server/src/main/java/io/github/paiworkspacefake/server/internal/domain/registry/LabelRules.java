package io.github.paiworkspacefake.server.internal.domain.registry;

import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.resources.Labels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules of a label ({@code Label} in the reference): a key of up to 128 bytes and a value of up to 128 bytes,
 * neither containing {@code =} or {@code ,}; the key is required, the value optional.
 */
public final class LabelRules {

    /** The most bytes (UTF-8) of a label key or value. */
    public static final int MAX_BYTES = 128;

    private LabelRules() {}

    /** The labels sent as parameter {@code parameter}, checked, as {@code [{Key, Value}]} in the order sent. */
    public static List<Map<String, Object>> checked(String parameter, List<Map<String, Object>> sent) {
        List<Map<String, Object>> labels = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Map<String, Object> label = sent.get(i);
            String where = parameter + "[" + i + "]";
            Object key = label.get("Key");
            if (!(key instanceof String text) || text.isEmpty()) {
                throw ApiException.missing(where + ".Key");
            }
            check(where + ".Key", text);
            Object value = label.get("Value");
            if (value instanceof String valueText) {
                check(where + ".Value", valueText);
            }
            labels.add(Labels.of(text, value));
        }
        return labels;
    }

    /** The keys of a {@code LabelKeys} parameter: required, comma-separated, each non-empty. */
    public static List<String> keys(String parameter, java.util.Optional<List<String>> given) {
        List<String> keys = given.orElseThrow(() -> ApiException.missing(parameter));
        if (keys.isEmpty()) {
            throw ApiException.missing(parameter);
        }
        return keys;
    }

    private static void check(String name, String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.invalid(name, "it can be up to " + MAX_BYTES + " bytes long.");
        }
        if (text.contains("=") || text.contains(",")) {
            throw ApiException.invalid(name, "it cannot contain \"=\" or \",\", got \"" + text + "\".");
        }
    }
}
