package io.github.paiworkspacefake.server.internal.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Between jackson-databind's trees and plain Java values (maps in order, lists, strings, numbers, booleans, times),
 * for request bodies and snapshots. Apart from {@link Json} so that an answer to a read never loads jackson-databind.
 */
public final class JsonTrees {

    private JsonTrees() {}

    /** Plain Java values (maps, lists, strings, numbers, booleans, times) as a JSON tree; times in the API's format. */
    public static JsonNode tree(Object value) {
        if (value instanceof Instant instant) {
            return Json.mapper().getNodeFactory().textNode(Json.timestamp(instant));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = Json.object();
            map.forEach((name, member) -> node.set(String.valueOf(name), tree(member)));
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode node = Json.mapper().createArrayNode();
            list.forEach(item -> node.add(tree(item)));
            return node;
        }
        return Json.mapper().valueToTree(value);
    }

    /** Any JSON value as plain Java values, objects in the order sent. */
    public static Object plain(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    members.put(member.getKey(), plain(member.getValue()));
                }
                yield members;
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>(node.size());
                node.forEach(item -> items.add(plain(item)));
                yield items;
            }
            case STRING -> node.textValue();
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    yield node.decimalValue();
                }
                yield node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
            }
            case BOOLEAN -> node.booleanValue();
            default -> null;
        };
    }
}
