package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.Map;

/**
 * A request the fake received, for verify-style assertions: {@code fake.requests(Operation.CreateWorkspace)}.
 * Secrets are masked: the signature in {@code Authorization}, and any header whose name mentions a secret,
 * token or password.
 *
 * @param operation  the operation served, or null when no route matched
 * @param method     the HTTP method
 * @param path       the path as received
 * @param query      the query string as received, or null
 * @param headers    the request headers, names in lower case, secrets masked
 * @param body       the body as UTF-8 text
 * @param status     the HTTP status answered
 * @param time       when it arrived, on the fake's clock
 * @param requestId  the RequestId answered
 */
public record RecordedRequest(Operation operation, String method, String path, String query, Map<String, String> headers,
                              String body, int status, Instant time, String requestId) {

    /** Copies the headers so a record cannot change. */
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }
}
