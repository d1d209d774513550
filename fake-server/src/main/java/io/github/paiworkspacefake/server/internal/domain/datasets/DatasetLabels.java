package io.github.paiworkspacefake.server.internal.domain.datasets;

import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.resources.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules of a dataset's or a version's labels ({@code [{Key, Value}]}): a key of 1 to 128 characters that does
 * not start with {@code aliyun}, {@code acs}, {@code http://} or {@code https://} (CreateDatasetLabels), neither key
 * nor value holding {@code =} or {@code ,} (the Label model), a value of at most 128 characters.
 */
final class DatasetLabels {

    private static final int MAX_LENGTH = 128;
    private static final List<String> RESERVED_PREFIXES = List.of("aliyun", "acs", "http://", "https://");

    private DatasetLabels() {}

    /**
     * The labels as sent, checked, one per key in the order sent (a key given twice keeps its last value); an empty
     * list for none.
     */
    static List<Map<String, Object>> checked(String parameter, List<Map<String, Object>> labels) {
        if (labels == null) {
            return List.of();
        }
        for (Map<String, Object> label : labels) {
            Object key = label.get("Key");
            if (!(key instanceof String text) || text.isEmpty()) {
                throw ApiException.missing(parameter + ".Key");
            }
            check(parameter + ".Key", text);
            String lower = text.toLowerCase(Locale.ROOT);
            for (String prefix : RESERVED_PREFIXES) {
                if (lower.startsWith(prefix)) {
                    throw ApiException.invalid(
                            parameter + ".Key", "a label key cannot start with " + prefix + ", got \"" + text + "\".");
                }
            }
            Object value = label.get("Value");
            if (value != null) {
                check(parameter + ".Value", value.toString());
            }
        }
        return Labels.merge(List.of(), withValues(labels));
    }

    private static List<Map<String, Object>> withValues(List<Map<String, Object>> labels) {
        List<Map<String, Object>> complete = new ArrayList<>(labels.size());
        for (Map<String, Object> label : labels) {
            Object value = label.get("Value");
            complete.add(Labels.of((String) label.get("Key"), value == null ? "" : value.toString()));
        }
        return complete;
    }

    private static void check(String name, String text) {
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw ApiException.invalid(name, "it can be up to " + MAX_LENGTH + " characters long, got " + length + ".");
        }
        if (text.contains("=") || text.contains(",")) {
            throw ApiException.invalid(name, "it cannot hold = or , (got \"" + text + "\").");
        }
    }
}
