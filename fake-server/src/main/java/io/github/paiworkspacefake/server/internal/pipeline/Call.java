package io.github.paiworkspacefake.server.internal.pipeline;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.Caller;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request to an operation, parsed and validated by the catalogue's declaration: every value a behaviour reads
 * here already has its declared type and kept its declared rules. Values are Java values: {@link String}, {@link Long},
 * {@link java.math.BigDecimal}, {@link Boolean}, lists and maps (objects in the order sent).
 */
public final class Call {

    private final OperationSpec operation;
    private final Map<String, Object> values;
    private final Account caller;
    private final String userId;
    private final String requestId;
    private final FakeState fake;

    Call(
            OperationSpec operation,
            Map<String, Object> values,
            Account caller,
            String userId,
            String requestId,
            FakeState fake) {
        this.operation = operation;
        this.values = values;
        this.caller = caller;
        this.userId = userId;
        this.requestId = requestId;
        this.fake = fake;
    }

    /** The operation called. */
    public OperationSpec operation() {
        return operation;
    }

    /** The account the request acts as. */
    public Account caller() {
        return caller;
    }

    /**
     * The user of the caller's account the request acts as: the account's own user (whose {@code UserId} is the
     * account id) unless the request was signed with an AccessKey of one of the account's RAM users.
     */
    public String userId() {
        return userId;
    }

    /** Who the request acts as: the caller's account and its user {@link #userId()}. */
    public Caller requester() {
        return new Caller(caller, userId);
    }

    /** The request id the answer carries. */
    public String requestId() {
        return requestId;
    }

    /** The state of the fake the request reached. */
    public FakeState fake() {
        return fake;
    }

    /** Whether the request gave this parameter (an empty string in the query counts as not given). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A path parameter: always given. */
    public String path(String name) {
        Object value = values.get(name);
        if (!(value instanceof String text)) {
            throw new IllegalStateException(operation.name() + " has no path parameter " + name);
        }
        return text;
    }

    /** A string parameter, if given. */
    public Optional<String> string(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    /** A string parameter the behaviour needs: given and not empty, or a {@code MissingParameter} error. */
    public String requiredString(String name) {
        return string(name).filter(value -> !value.isEmpty()).orElseThrow(() -> ApiException.missing(name));
    }

    /** An integer parameter, if given. */
    public Optional<Long> number(String name) {
        Object value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(((Number) value).longValue());
    }

    /** An integer parameter, or {@code fallback} when not given. */
    public long number(String name, long fallback) {
        return number(name).orElse(fallback);
    }

    /** A boolean parameter, if given. */
    public Optional<Boolean> flag(String name) {
        return Optional.ofNullable((Boolean) values.get(name));
    }

    /** A boolean parameter; false when not given. */
    public boolean isTrue(String name) {
        return flag(name).orElse(false);
    }

    /**
     * A list of strings: an array, or a query parameter of comma-separated values (each trimmed, empty ones left
     * out).
     */
    @SuppressWarnings("unchecked")
    public Optional<List<String>> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(Arrays.stream(text.split(","))
                    .map(String::trim)
                    .filter(item -> !item.isEmpty())
                    .toList());
        }
        return Optional.of((List<String>) value);
    }

    /** An array of objects, each with its declared members. */
    @SuppressWarnings("unchecked")
    public Optional<List<Map<String, Object>>> objects(String name) {
        return Optional.ofNullable((List<Map<String, Object>>) values.get(name));
    }

    /** An object or map, its members in the order sent. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> object(String name) {
        return Optional.ofNullable((Map<String, Object>) values.get(name));
    }

    /** Any parameter's value, as parsed. */
    public Optional<Object> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Every given parameter and its value. */
    public Map<String, Object> values() {
        return values;
    }
}
