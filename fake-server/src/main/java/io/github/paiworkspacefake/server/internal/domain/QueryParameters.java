package io.github.paiworkspacefake.server.internal.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of one request, read by the rules every operation shares: a parameter is given at most once,
 * an empty value counts as not given, and {@code Verbose} is {@code true} or {@code false} in any case.
 */
public final class QueryParameters {

    private final Map<String, List<String>> values;

    public QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Reads a raw query string form style ({@code +} is a space); a query that is not validly percent-encoded UTF-8
     * is an invalid parameter, as no parameter in it can be read.
     */
    public static QueryParameters parse(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParameters(values);
    }

    private static String decode(String text) {
        try {
            String decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
            if (decoded.indexOf('\uFFFD') >= 0 && text.indexOf('\uFFFD') < 0) {
                throw new IllegalArgumentException("not UTF-8");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new ApiException(
                    ErrorCode.INVALID_PARAMETER, "The query string is not validly percent-encoded UTF-8: " + text);
        }
    }

    /** The parameter's value; empty when absent or empty; a repeated parameter is an invalid parameter. */
    public Optional<String> optional(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        if (given.size() > 1) {
            throw ApiException.invalid(name, "it must be given once.");
        }
        return given.stream().findFirst().filter(value -> !value.isEmpty());
    }

    /** The parameter's value as given, empty included; a repeated parameter is an invalid parameter. */
    public Optional<String> given(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        if (given.size() > 1) {
            throw ApiException.invalid(name, "it must be given once.");
        }
        return given.stream().findFirst();
    }

    /** {@code Verbose}: absent means false; otherwise exactly one {@code true} or {@code false}, in any case. */
    public boolean verbose() {
        List<String> given = values.getOrDefault("Verbose", List.of());
        if (given.isEmpty()) {
            return false;
        }
        if (given.size() > 1) {
            throw ApiException.invalid("Verbose", "it must be given once.");
        }
        return switch (given.get(0).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid("Verbose", "it must be true or false, got \"" + given.get(0) + "\".");
        };
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    public long number(String name, long min, long max, long fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid(
                name, "it must be a whole number from " + min + " to " + max + ", got \"" + value.get() + "\".");
    }

    /** One of {@code allowed}, spelled exactly (values are case-sensitive), or {@code fallback} when absent. */
    public String oneOf(String name, List<String> allowed, String fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!allowed.contains(value.get())) {
            throw ApiException.invalid(
                    name,
                    "it must be one of " + String.join(", ", allowed) + " (case-sensitive), got \"" + value.get()
                            + "\".");
        }
        return value.get();
    }
}
