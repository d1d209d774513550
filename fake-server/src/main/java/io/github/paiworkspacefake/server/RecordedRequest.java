package io.github.paiworkspacefake.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A request the fake received, for verify-style assertions: {@code fake.requests(Operation.CreateWorkspace)}.
 * Secrets are masked: the signature in {@code Authorization} (of both V3 and the legacy ROA scheme), and any header
 * whose name mentions a secret, token or password; an AccessKeySecret is never sent, so never recorded. A final
 * class rather than a record, so that fields can be added without breaking users' code.
 */
public final class RecordedRequest {

    /** What {@link #signatureScheme()} reports for the legacy ROA signature, {@code Authorization: acs AK:sig}. */
    public static final String ROA_SCHEME = "ROA";

    private final Operation operation;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, String> headers;
    private final String body;
    private final int status;
    private final Instant time;
    private final String requestId;
    private final String answer;
    private final Duration latency;
    private final String errorCode;
    private final String reason;

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
        this.answer = Objects.requireNonNull(builder.answer, "answer");
        this.latency = Objects.requireNonNull(builder.latency, "latency");
        this.errorCode = builder.errorCode;
        this.reason = builder.reason;
    }

    /** Starts describing a recorded request; the fake records its own, tests may build one to compare with. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to describe one that differs in some of them. */
    public Builder toBuilder() {
        return new Builder()
                .operation(operation)
                .method(method)
                .path(path)
                .query(query)
                .headers(headers)
                .body(body)
                .status(status)
                .time(time)
                .requestId(requestId)
                .answer(answer)
                .latency(latency)
                .errorCode(errorCode)
                .reason(reason);
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

    /** The HTTP status answered; 0 when the connection was dropped without an answer (an injected fault). */
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

    /**
     * The body answered, as UTF-8 text (JSON, before any compression); empty when nothing was answered (a dropped
     * connection) and for older requests whose answers the journal no longer keeps: it keeps the answers of the most
     * recent requests, up to 32 MiB of them in all, so that a long run of large listings cannot fill the heap.
     */
    public String answer() {
        return answer;
    }

    /** How long the fake took, from the request's arrival until its answer was written (injected delays included). */
    public Duration latency() {
        return latency;
    }

    /** The {@code Code} of the error body answered, or null when the request succeeded. */
    public String errorCode() {
        return errorCode;
    }

    /**
     * Why the request was not served as the API would serve it, or null when it was: no operation has its method and
     * path (and, where one is near, which), or a fault test code injected answered it or dropped its connection.
     */
    public String reason() {
        return reason;
    }

    /**
     * The signature scheme of its {@code Authorization} header: the V3 algorithm it names, such as
     * {@code ACS3-HMAC-SHA256}; {@value #ROA_SCHEME} for the legacy {@code acs AccessKeyId:Signature}; another
     * scheme's first word as sent; null when the request carries no {@code Authorization}. Read from the header, so
     * also for a signature the fake refused or did not check.
     */
    public String signatureScheme() {
        String authorization = headers.get("authorization");
        if (authorization == null || authorization.isBlank()) {
            return null;
        }
        String scheme = firstWord(authorization);
        return scheme.equals("acs") ? ROA_SCHEME : scheme;
    }

    /**
     * The AccessKeyId its {@code Authorization} header names: V3's {@code Credential=}, or the legacy ROA header's
     * {@code acs AccessKeyId:}; null when it names none.
     */
    public String accessKeyId() {
        String authorization = headers.get("authorization");
        if (authorization == null) {
            return null;
        }
        String stripped = authorization.strip();
        String scheme = firstWord(stripped);
        String rest = stripped.substring(scheme.length()).strip();
        if (scheme.equals("acs")) {
            int colon = rest.indexOf(':');
            return colon > 0 ? rest.substring(0, colon) : null;
        }
        if (scheme.toUpperCase(Locale.ROOT).startsWith("ACS3-")) {
            for (String part : rest.split(",", -1)) {
                String item = part.strip();
                if (item.startsWith("Credential=") && item.length() > "Credential=".length()) {
                    return item.substring("Credential=".length());
                }
            }
        }
        return null;
    }

    private static String firstWord(String text) {
        String stripped = text.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
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
                && requestId.equals(that.requestId)
                && answer.equals(that.answer)
                && latency.equals(that.latency)
                && Objects.equals(errorCode, that.errorCode)
                && Objects.equals(reason, that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                operation, method, path, query, headers, body, status, time, requestId, answer, latency, errorCode,
                reason);
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
                + (errorCode == null ? "" : " " + errorCode) + ", operation=" + operation + ", requestId=" + requestId
                + "]";
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
        private String answer = "";
        private Duration latency = Duration.ZERO;
        private String errorCode;
        private String reason;

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

        /** The HTTP status answered, 0 for none. */
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

        /** The body answered, as UTF-8 text; empty (the default) for none. */
        public Builder answer(String value) {
            this.answer = value;
            return this;
        }

        /** How long answering took; zero by default. */
        public Builder latency(Duration value) {
            this.latency = value;
            return this;
        }

        /** The error body's {@code Code}, or null (the default) for a success. */
        public Builder errorCode(String value) {
            this.errorCode = value;
            return this;
        }

        /** Why it was not served as the API would serve it, or null (the default). */
        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        /** The recorded request. */
        public RecordedRequest build() {
            return new RecordedRequest(this);
        }
    }
}
