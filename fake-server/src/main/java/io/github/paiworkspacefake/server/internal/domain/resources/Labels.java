package io.github.paiworkspacefake.server.internal.domain.resources;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Labels as the API holds them: {@code [{Key, Value}]}, in the order sent, one per key. */
public final class Labels {

    /** The member that holds a resource's labels. */
    public static final String FIELD = "Labels";

    private Labels() {}

    /** A label. */
    public static Map<String, Object> of(String key, Object value) {
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("Key", key);
        label.put("Value", value);
        return label;
    }

    /**
     * {@code current} with {@code added} set: a key already there takes the new value where it stands, a new key is
     * appended, in the order sent; a key given twice keeps its last value.
     */
    public static List<Map<String, Object>> merge(List<Map<String, Object>> current, List<Map<String, Object>> added) {
        List<Map<String, Object>> labels = new ArrayList<>();
        current.forEach(label -> labels.add(of((String) label.get("Key"), label.get("Value"))));
        for (Map<String, Object> label : added) {
            Object key = label.get("Key");
            int at = indexOf(labels, key);
            if (at >= 0) {
                labels.set(at, of((String) key, label.get("Value")));
            } else {
                labels.add(of((String) key, label.get("Value")));
            }
        }
        return List.copyOf(labels);
    }

    /** {@code current} without the labels of these keys; keys it lacks are ignored. */
    public static List<Map<String, Object>> remove(List<Map<String, Object>> current, Collection<String> keys) {
        return current.stream()
                .filter(label -> !keys.contains(label.get("Key")))
                .toList();
    }

    /** Whether a label of this key is among them. */
    public static boolean has(List<Map<String, Object>> labels, String key) {
        return indexOf(labels, key) >= 0;
    }

    private static int indexOf(List<Map<String, Object>> labels, Object key) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).get("Key").equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
