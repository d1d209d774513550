package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A request the fake received, for verify-style assertions: {@code fake.requests(Operation.CreateWorkspace)}.
 * Secrets are masked: the signature in {@code Authorization}, and any header whose name mentions a secret,
 * token or password. A final class rather than a record, so that fields can be added without breaking users' code.
 */
public final class RecordedRequest {

    private final Operation operation;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, String> headers;
    private final String body;
    private final int status;
    private final Instant time;
    private final String requestId;

    private RecordedRequest(Builder builder) {
        this.operation = builder.operation;
        this.method = Objects.requireNonNull(builder.method, "method");
        this.path = Objects.requireNonNull(builder.path, "path");
        this.query = builder.query;
        this.headers = Map.copyOf(builder.headers);
        this.body = Objects.requireNonNull(builder.body, "body");
        this.status = builder.status;
        this.time = Objects.requireNonNull(builder.time, "time");
        this.requestId = Objects.requireNonNull(builder.requestId, "requestId");
    }

    /** Starts describing a recorded request; the fake records its own, tests may build one to compare with. */
    public static Builder builder() {
        return new Builder();
    }

    /** The operation served, or null when no route matched. */
    public Operation operation() {
        return operation;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The path as received. */
    public String path() {
        return path;
    }

    /** The query string as received, or null. */
    public String query() {
        return query;
    }

    /** The request headers, names in lower case, secrets masked. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The body as UTF-8 text. */
    public String body() {
        return body;
    }

    /** The HTTP status answered. */
    public int status() {
        return status;
    }

    /** When it arrived, on the fake's clock. */
    public Instant time() {
        return time;
    }

    /** The RequestId answered. */
    public String requestId() {
        return requestId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedRequest that
                && status == that.status
                && operation == that.operation
                && method.equals(that.method)
                && path.equals(that.path)
                && Objects.equals(query, that.query)
                && headers.equals(that.headers)
                && body.equals(that.body)
                && time.equals(that.time)
                && requestId.equals(that.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operation, method, path, query, headers, body, status, time, requestId);
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
                + ", operation=" + operation + ", requestId=" + requestId + "]";
    }

    /** Settings of a {@link RecordedRequest}. */
    public static final class Builder {
        private Operation operation;
        private String method;
        private String path;
        private String query;
        private Map<String, String> headers = Map.of();
        private String body = "";
        private int status;
        private Instant time;
        private String requestId;

        private Builder() {}

        /** The operation served, or null when no route matched. */
        public Builder operation(Operation value) {
            this.operation = value;
            return this;
        }

        /** The HTTP method. */
        public Builder method(String value) {
            this.method = value;
            return this;
        }

        /** The path as received. */
        public Builder path(String value) {
            this.path = value;
            return this;
        }

        /** The query string as received, or null. */
        public Builder query(String value) {
            this.query = value;
            return this;
        }

        /** The headers, names in lower case, secrets masked. */
        public Builder headers(Map<String, String> value) {
            this.headers = Objects.requireNonNull(value, "headers");
            return this;
        }

        /** The body as UTF-8 text. */
        public Builder body(String value) {
            this.body = value;
            return this;
        }

        /** The HTTP status answered. */
        public Builder status(int value) {
            this.status = value;
            return this;
        }

        /** When it arrived. */
        public Builder time(Instant value) {
            this.time = value;
            return this;
        }

        /** The RequestId answered. */
        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        /** The recorded request. */
        public RecordedRequest build() {
            return new RecordedRequest(this);
        }
    }
}
