package io.github.paiworkspacefake.server.internal.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.paiworkspacefake.server.internal.catalogue.FieldSpec;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.catalogue.TypeSpec;
import io.github.paiworkspacefake.server.internal.domain.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's render stage: writes an {@link Answer} as the operation's success body. The request id comes first,
 * spelled as the operation's model spells it; then every member the catalogue declares for the answer, in the
 * catalogue's order, with its declared type, nested objects likewise; nulls are left out. A member the catalogue does
 * not declare is never written; with {@value #CHECK_PROPERTY} set to {@code true} (as in this project's tests) it is
 * an error, which catches a misspelt member.
 */
public final class AnswerRenderer {

    /** The system property that makes an undeclared answer member an error. */
    public static final String CHECK_PROPERTY = "paiworkspacefake.checkAnswers";

    private static final boolean CHECK = Boolean.getBoolean(CHECK_PROPERTY);

    private AnswerRenderer() {}

    /** The success body of {@code operation} for {@code answer}. */
    public static byte[] render(OperationSpec operation, String requestId, Answer answer) {
        String requestIdField = operation.requestIdField();
        return Json.document(json -> {
            json.writeStringField(requestIdField, requestId);
            Map<String, Object> members = answer.members();
            if (CHECK) {
                check(operation.name(), operation.response(), members, requestIdField);
            }
            for (FieldSpec field : operation.response()) {
                if (field.name().equals(requestIdField)) {
                    continue;
                }
                Object value = members.get(field.name());
                if (value != null) {
                    json.writeFieldName(field.name());
                    write(json, field.type(), value, operation.name() + "." + field.name());
                }
            }
        });
    }

    /**
     * Writes {@code members} as one JSON object of the {@code declared} fields, in their order and with their types,
     * nested objects likewise; nulls and undeclared members are left out. The shape of an answer without its request
     * id, or of one item of a listing: what the admin console shows of a stored item.
     */
    public static void writeObject(JsonGenerator json, List<FieldSpec> declared, Map<?, ?> members) throws IOException {
        json.writeStartObject();
        for (FieldSpec field : declared) {
            Object member = members.get(field.name());
            if (member != null) {
                json.writeFieldName(field.name());
                write(json, field.type(), member, field.name());
            }
        }
        json.writeEndObject();
    }

    /** Writes a value of no declared shape as it is: maps, lists, numbers, booleans, times in the API's format. */
    public static void writePlain(JsonGenerator json, Object value) throws IOException {
        plain(json, value);
    }

    private static void write(JsonGenerator json, TypeSpec type, Object value, String where) throws IOException {
        switch (type.kind()) {
            case STRING -> json.writeString(text(value));
            case INTEGER -> {
                if (value instanceof BigInteger big) {
                    json.writeNumber(big);
                } else if (value instanceof Number number) {
                    json.writeNumber(number.longValue());
                } else {
                    json.writeNumber(Long.parseLong(value.toString()));
                }
            }
            case NUMBER -> {
                if (value instanceof BigDecimal decimal) {
                    json.writeNumber(decimal);
                } else if (value instanceof Number number) {
                    json.writeNumber(number.doubleValue());
                } else {
                    json.writeNumber(new BigDecimal(value.toString()));
                }
            }
            case BOOLEAN ->
                json.writeBoolean(value instanceof Boolean flag ? flag : Boolean.parseBoolean(value.toString()));
            case ARRAY -> {
                json.writeStartArray();
                for (Object item : (Collection<?>) value) {
                    if (item == null) {
                        json.writeNull();
                    } else {
                        write(json, type.items(), item, where + "[]");
                    }
                }
                json.writeEndArray();
            }
            case OBJECT -> {
                if (type.fields().isEmpty()) {
                    plain(json, value);
                    return;
                }
                Map<?, ?> members = (Map<?, ?>) value;
                if (CHECK) {
                    check(where, type.fields(), members, null);
                }
                json.writeStartObject();
                for (FieldSpec field : type.fields()) {
                    Object member = members.get(field.name());
                    if (member != null) {
                        json.writeFieldName(field.name());
                        write(json, field.type(), member, where + "." + field.name());
                    }
                }
                json.writeEndObject();
            }
            default -> plain(json, value);
        }
    }

    /** A value of an undeclared shape (a map of the SDK's {@code Map<String, ?>}), written as it is. */
    private static void plain(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                json.writeFieldName(String.valueOf(member.getKey()));
                plain(json, member.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                plain(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal);
        } else if (value instanceof BigInteger big) {
            json.writeNumber(big);
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Number number) {
            json.writeNumber(number.longValue());
        } else {
            json.writeString(text(value));
        }
    }

    private static String text(Object value) {
        if (value instanceof Instant instant) {
            return Json.timestamp(instant);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value.toString();
    }

    private static void check(String where, List<FieldSpec> declared, Map<?, ?> members, String requestIdField) {
        for (Object name : members.keySet()) {
            boolean known = declared.stream().anyMatch(field -> field.name().equals(name));
            if (!known || name.equals(requestIdField)) {
                throw new IllegalStateException("the answer of " + where + " has member " + name
                        + ", which the catalogue does not declare (declared: "
                        + declared.stream().map(FieldSpec::name).toList() + ")");
            }
        }
    }
}
