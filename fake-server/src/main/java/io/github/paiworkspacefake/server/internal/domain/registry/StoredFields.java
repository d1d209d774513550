package io.github.paiworkspacefake.server.internal.domain.registry;

import io.github.paiworkspacefake.server.internal.domain.resources.Labels;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored resource's members read by their types. What a request stored always has its declared type; a seed file
 * may put anything in {@code Fields}, so a member of the wrong type reads as absent rather than breaking an answer.
 */
public final class StoredFields {

    private StoredFields() {}

    /** A string member, or null. */
    public static String text(Resource resource, String name) {
        return resource.field(name) instanceof String value ? value : null;
    }

    /** A whole-number member, or null. */
    public static Long number(Resource resource, String name) {
        Object value = resource.field(name);
        if (value instanceof Long || value instanceof Integer || value instanceof java.math.BigInteger) {
            try {
                return value instanceof java.math.BigInteger big ? big.longValueExact() : ((Number) value).longValue();
            } catch (ArithmeticException tooLarge) {
                return null;
            }
        }
        return null;
    }

    /** An object member (a map as sent), or null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Resource resource, String name) {
        return resource.field(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** Labels {@code [{Key, Value}]} in order; items without a string {@code Key} are left out. */
    public static List<Map<String, Object>> labels(Resource resource, String name) {
        return labels(resource.field(name));
    }

    /** A stored value read as labels {@code [{Key, Value}]}, in order; anything else reads as none. */
    public static List<Map<String, Object>> labels(Object stored) {
        List<Map<String, Object>> labels = new ArrayList<>();
        if (stored instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> label && label.get("Key") instanceof String key) {
                    Object value = label.get("Value");
                    labels.add(Labels.of(key, value instanceof String text ? text : null));
                }
            }
        }
        return labels;
    }

    /** The labels as an ordered map of key to value, for the typed Java API. */
    public static Map<String, String> labelMap(List<Map<String, Object>> labels) {
        Map<String, String> map = new LinkedHashMap<>();
        labels.forEach(label -> map.put((String) label.get("Key"), (String) label.get("Value")));
        return map;
    }
}
