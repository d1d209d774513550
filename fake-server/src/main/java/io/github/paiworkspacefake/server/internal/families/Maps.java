package io.github.paiworkspacefake.server.internal.families;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered maps for answers' nested objects. */
final class Maps {

    private Maps() {}

    /** A map of name, value pairs in the order given; null values are left out. */
    static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return map;
    }
}
