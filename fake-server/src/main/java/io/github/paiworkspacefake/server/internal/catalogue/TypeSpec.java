package io.github.paiworkspacefake.server.internal.catalogue;

import java.util.List;

/**
 * The JSON type of a parameter or answer field, as the catalogue declares it: a scalar, an array of items, an object
 * with declared fields, or a map whose members are not declared (an SDK {@code Map<String, ?>}).
 *
 * @param kind   what it is
 * @param format {@code int32}, {@code int64}, {@code float}, or null
 * @param items  an array's items
 * @param fields an object's declared fields, in the catalogue's order
 * @param values a map's values
 */
public record TypeSpec(Kind kind, String format, TypeSpec items, List<FieldSpec> fields, TypeSpec values) {

    /** The JSON kinds the catalogue knows. */
    public enum Kind {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        OBJECT,
        MAP,
        ARRAY,
        ANY
    }

    public static final TypeSpec ANY = new TypeSpec(Kind.ANY, null, null, List.of(), null);

    /** Whether an integer of this type may hold {@code long} values (int64), not only {@code int} ones. */
    public boolean isInt64() {
        return !"int32".equals(format);
    }

    /** Described for messages: {@code a string}, {@code an array}, {@code an integer}. */
    public String describe() {
        return switch (kind) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case OBJECT, MAP -> "an object";
            case ARRAY -> "an array";
            case ANY -> "any JSON value";
        };
    }
}
