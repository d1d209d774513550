package io.github.paiworkspacefake.server.internal.pipeline;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.internal.catalogue.Constraints;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.catalogue.ParameterSpec;
import io.github.paiworkspacefake.server.internal.catalogue.TypeSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.JsonBody;
import io.github.paiworkspacefake.server.internal.domain.QueryParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's parse and validate stages: reads an operation's path, query and body parameters by the types the
 * catalogue declares and checks every declared rule (required, type, enum, length, pattern, range), answering the
 * first problem as {@code 400 MissingParameter} or {@code 400 InvalidParameter} naming the parameter. Then refuses a
 * parameter the behaviour does not honour, unless the fake is lenient.
 */
public final class CallParser {

    private CallParser() {}

    /**
     * A call of {@code binding}'s operation from these request parts, acting as the account's own user, or the API's
     * error for the first problem.
     */
    public static Call parse(
            OperationSpec operation,
            Binding binding,
            RequestParts request,
            Account caller,
            String requestId,
            FakeState fake,
            boolean lenient) {
        return parse(operation, binding, request, caller, caller.accountId(), requestId, fake, lenient);
    }

    /**
     * A call of {@code binding}'s operation from these request parts, acting as user {@code userId} of the caller's
     * account, or the API's error for the first problem.
     */
    public static Call parse(
            OperationSpec operation,
            Binding binding,
            RequestParts request,
            Account caller,
            String userId,
            String requestId,
            FakeState fake,
            boolean lenient) {
        Map<String, Object> values = new HashMap<>();
        QueryParameters query = null;
        JsonBody body = null; // read only by an operation with body members
        for (ParameterSpec parameter : operation.parameters()) {
            String name = parameter.name();
            Constraints rules = parameter.constraints();
            switch (parameter.location()) {
                case PATH -> {
                    String value = request.pathParameters().get(name);
                    checkString(name, value, rules);
                    values.put(name, value);
                }
                case QUERY -> {
                    if (query == null) {
                        query = QueryParameters.parse(request.rawQuery());
                    }
                    // an empty value counts as not given, but for a boolean, which must be true or false
                    Optional<String> given =
                            parameter.type().kind() == TypeSpec.Kind.BOOLEAN ? query.given(name) : query.optional(name);
                    if (given.isEmpty()) {
                        requireAbsentAllowed(name, rules);
                    } else {
                        values.put(name, queryValue(parameter, given.get()));
                    }
                }
                case BODY -> {
                    if (body == null) {
                        body = BodyValues.body(request);
                    }
                    BodyValues.read(body, name, parameter.type(), rules, values);
                }
            }
        }
        if (!lenient) {
            binding.unhonoured().forEach((name, reason) -> {
                if (values.containsKey(name)) {
                    throw new ApiException(
                            ErrorCode.UNSUPPORTED_PARAMETER,
                            "pai-workspace-fake does not honour parameter \"" + name + "\" of " + operation.name()
                                    + ": " + reason + " Leave it out, or start the fake lenient to have it ignored.");
                }
            });
        }
        return new Call(operation, values, caller, userId, requestId, fake);
    }

    static void requireAbsentAllowed(String name, Constraints rules) {
        if (rules.required()) {
            throw ApiException.missing(name);
        }
    }

    // ---- query parameters: strings on the wire, read as the declared type

    private static Object queryValue(ParameterSpec parameter, String text) {
        String name = parameter.name();
        TypeSpec type = parameter.type();
        Constraints rules = parameter.constraints();
        if (parameter.encoding() == ParameterSpec.Encoding.JSON) {
            return BodyValues.fromJsonText(name, type, rules, text);
        }
        if (parameter.isListInQuery()) {
            List<String> items = new ArrayList<>();
            for (String item : text.split(",", -1)) {
                String trimmed = item.trim();
                if (!trimmed.isEmpty()) {
                    checkEnum(name, trimmed, rules);
                    items.add(trimmed);
                }
            }
            return type.kind() == TypeSpec.Kind.ARRAY ? List.copyOf(items) : text;
        }
        return switch (type.kind()) {
            case INTEGER -> wholeNumber(name, text, type, rules);
            case NUMBER -> decimal(name, text);
            case BOOLEAN ->
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw ApiException.invalid(name, "it must be true or false, got \"" + text + "\".");
                };
            default -> {
                checkString(name, text, rules);
                yield text;
            }
        };
    }

    static long wholeNumber(String name, String text, TypeSpec type, Constraints rules) {
        long min = rules.minimum() != null ? rules.minimum() : type.isInt64() ? Long.MIN_VALUE : Integer.MIN_VALUE;
        long max = rules.maximum() != null ? rules.maximum() : type.isInt64() ? Long.MAX_VALUE : Integer.MAX_VALUE;
        try {
            long number = Long.parseLong(text.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid(
                name, "it must be a whole number from " + min + " to " + max + ", got \"" + text + "\".");
    }

    static BigDecimal decimal(String name, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "it must be a number, got \"" + text + "\".");
        }
    }

    // ---- the rules of a string

    static void checkString(String name, String value, Constraints rules) {
        if (value == null || value.isEmpty()) {
            requireAbsentAllowed(name, rules);
            return;
        }
        checkEnum(name, value, rules);
        int length = value.codePointCount(0, value.length());
        Integer min = rules.minLength();
        Integer max = rules.maxLength();
        if ((min != null && length < min) || (max != null && length > max)) {
            String range = min != null && max != null
                    ? "it must be " + min + " to " + max + " characters long"
                    : max != null
                            ? "it can be up to " + max + " characters long"
                            : "it must be at least " + min + " characters long";
            throw ApiException.invalid(name, range + ", got " + length + ".");
        }
        if (rules.pattern() != null && !rules.pattern().matcher(value).matches()) {
            String wanted = rules.patternText() != null
                    ? rules.patternText()
                    : "match " + rules.pattern().pattern();
            throw ApiException.invalid(name, "it must " + wanted + ", got \"" + value + "\".");
        }
    }

    static void checkEnum(String name, String value, Constraints rules) {
        if (!rules.enumValues().isEmpty() && !rules.enumValues().contains(value)) {
            throw ApiException.invalid(
                    name,
                    "it must be one of " + String.join(", ", rules.enumValues()) + " (case-sensitive), got \"" + value
                            + "\".");
        }
    }
}
