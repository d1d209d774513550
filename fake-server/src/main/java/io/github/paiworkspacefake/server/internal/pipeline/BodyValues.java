package io.github.paiworkspacefake.server.internal.pipeline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.internal.catalogue.Constraints;
import io.github.paiworkspacefake.server.internal.catalogue.FieldSpec;
import io.github.paiworkspacefake.server.internal.catalogue.TypeSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.JsonBody;
import io.github.paiworkspacefake.server.internal.domain.JsonTrees;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body half of {@link CallParser}: JSON values read by their declared types, with their rules. Apart from the
 * query and path half so that a request without a body never loads jackson-databind.
 */
final class BodyValues {

    private BodyValues() {}

    /**
     * The body as one JSON object. A body that declares a media type other than JSON is refused before it is read;
     * an empty one is a missing parameter, as the official SDKs send at least {@code {}} to an operation with body
     * members.
     */
    static JsonBody body(RequestParts request) {
        JsonBody.requireJsonContentType(request.contentType(), false);
        return JsonBody.parse(request.body().get());
    }

    /** Reads member {@code name} of the body into {@code values}, or fails on its first broken rule. */
    static void read(JsonBody body, String name, TypeSpec type, Constraints rules, Map<String, Object> values) {
        JsonNode given = body.member(name);
        if (given == null || given.isNull() || isEmptyText(given)) {
            CallParser.requireAbsentAllowed(name, rules);
            if (given != null && given.isTextual() && type.kind() == TypeSpec.Kind.STRING) {
                values.put(name, ""); // an empty string is a string member's value; of any other type it is absent
            }
        } else {
            values.put(name, bodyValue(name, type, rules, given));
        }
    }

    /** A query parameter the SDK writes as a JSON string. */
    static Object fromJsonText(String name, TypeSpec type, Constraints rules, String text) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JacksonException e) {
            throw ApiException.invalid(name, "it must be JSON, got \"" + text + "\".");
        }
        return bodyValue(name, type, rules, node);
    }

    private static boolean isEmptyText(JsonNode node) {
        return node.isTextual() && node.textValue().isEmpty();
    }

    static Object bodyValue(String name, TypeSpec type, Constraints rules, JsonNode node) {
        switch (type.kind()) {
            case STRING -> {
                if (!node.isTextual()) {
                    throw wrongType(name, type, node);
                }
                CallParser.checkString(name, node.textValue(), rules);
                return node.textValue();
            }
            case INTEGER -> {
                if (node.isIntegralNumber()) {
                    long min = rules.minimum() != null
                            ? rules.minimum()
                            : type.isInt64() ? Long.MIN_VALUE : Integer.MIN_VALUE;
                    long max = rules.maximum() != null
                            ? rules.maximum()
                            : type.isInt64() ? Long.MAX_VALUE : Integer.MAX_VALUE;
                    if (!node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
                        throw ApiException.invalid(
                                name, "it must be a whole number from " + min + " to " + max + ", got " + node + ".");
                    }
                    return node.longValue();
                }
                if (node.isTextual()) { // as the service's JSON reader, a number may come as a string
                    return CallParser.wholeNumber(name, node.textValue(), type, rules);
                }
                throw wrongType(name, type, node);
            }
            case NUMBER -> {
                if (node.isNumber()) {
                    return node.decimalValue();
                }
                if (node.isTextual()) {
                    return CallParser.decimal(name, node.textValue());
                }
                throw wrongType(name, type, node);
            }
            case BOOLEAN -> {
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                if (node.isTextual()
                        && (node.textValue().equals("true") || node.textValue().equals("false"))) {
                    return Boolean.valueOf(node.textValue());
                }
                throw wrongType(name, type, node);
            }
            case ARRAY -> {
                if (!node.isArray()) {
                    throw wrongType(name, type, node);
                }
                List<Object> items = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    items.add(item(name, type.items(), rules, item));
                }
                return items;
            }
            case OBJECT -> {
                if (!node.isObject()) {
                    throw wrongType(name, type, node);
                }
                return type.fields().isEmpty() ? JsonTrees.plain(node) : declaredMembers(type.fields(), node);
            }
            case MAP -> {
                if (!node.isObject()) {
                    throw wrongType(name, type, node);
                }
                return JsonTrees.plain(node);
            }
            default -> {
                return JsonTrees.plain(node);
            }
        }
    }

    /** An array's item: its type is checked, and an object item's declared members with their rules. */
    private static Object item(String name, TypeSpec type, Constraints arrayRules, JsonNode item) {
        if (type.kind() == TypeSpec.Kind.STRING) {
            if (!item.isTextual()) {
                throw ApiException.invalid(name, "every item must be a string, got " + JsonBody.describe(item) + ".");
            }
            CallParser.checkEnum(name, item.textValue(), arrayRules);
            return item.textValue();
        }
        if (type.kind() == TypeSpec.Kind.OBJECT) {
            if (!item.isObject()) {
                throw ApiException.invalid(name, "every item must be an object, got " + JsonBody.describe(item) + ".");
            }
            return type.fields().isEmpty() ? JsonTrees.plain(item) : declaredMembers(type.fields(), item);
        }
        return bodyValue(name, type, Constraints.NONE, item);
    }

    /** An object's declared members, checked; members it does not declare are left out. */
    private static Map<String, Object> declaredMembers(List<FieldSpec> fields, JsonNode object) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            JsonNode given = object.get(field.name());
            if (given == null || given.isNull() || isEmptyText(given)) {
                CallParser.requireAbsentAllowed(field.name(), field.constraints());
                if (given != null && given.isTextual() && field.type().kind() == TypeSpec.Kind.STRING) {
                    members.put(field.name(), "");
                }
                continue;
            }
            members.put(field.name(), bodyValue(field.name(), field.type(), field.constraints(), given));
        }
        return members;
    }

    private static ApiException wrongType(String name, TypeSpec type, JsonNode node) {
        return ApiException.invalid(name, "it must be " + type.describe() + ", got " + JsonBody.describe(node) + ".");
    }
}
