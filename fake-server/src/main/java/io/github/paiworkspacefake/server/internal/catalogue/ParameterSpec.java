package io.github.paiworkspacefake.server.internal.catalogue;

/**
 * One request parameter of an operation.
 *
 * @param name        its wire name
 * @param location    where it travels
 * @param type        its type: query parameters are strings on the wire, read as this type
 * @param constraints its rules
 * @param encoding    how a list travels in the query string, or {@link Encoding#NONE}
 * @param example     the reference's example value, or null
 * @param sensitive   whether its value is a secret (a password, a key, a token): the request journal and the request
 *                    log never show it
 */
public record ParameterSpec(
        String name,
        Location location,
        TypeSpec type,
        Constraints constraints,
        Encoding encoding,
        String example,
        boolean sensitive) {

    /** Where a parameter travels. */
    public enum Location {
        PATH,
        QUERY,
        BODY
    }

    /** How a list-valued query parameter is written. */
    public enum Encoding {
        /** A single value. */
        NONE,
        /** A string that the reference says holds comma-separated values. */
        COMMA_SEPARATED,
        /** A list the SDK joins with commas ("simple" style). */
        SIMPLE,
        /** A list or map the SDK writes as a JSON string ("json" style). */
        JSON
    }

    /** Whether it is a list of values in the query string. */
    public boolean isListInQuery() {
        return encoding == Encoding.COMMA_SEPARATED || encoding == Encoding.SIMPLE;
    }
}
