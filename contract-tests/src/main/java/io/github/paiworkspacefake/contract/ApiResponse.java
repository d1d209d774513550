package io.github.paiworkspacefake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * An implementation's answer exactly as received: the operation and request it answers, status, request-id header
 * and raw body.
 */
record ApiResponse(String operation, String request, int status, Optional<String> requestIdHeader, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as JSON, or an assertion failure naming the operation when it is not JSON. */
    JsonNode json() {
        try {
            return JSON.readTree(body.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(operation + ": the body is not JSON (HTTP " + status + "): " + abbreviated());
        }
    }

    /** The operations the suite calls whose success answers name the request id {@code requestId} (the SDK's spelling). */
    static final Set<String> LOWER_CAMEL_REQUEST_ID_OPERATIONS = Set.of("ChangeResourceGroup", "AcceptDataworksEvent");

    /**
     * The member that carries the request id in this answer: {@code RequestId}, except in the success answers of
     * ChangeResourceGroup and AcceptDataworksEvent, whose SDK models read {@code requestId}. Errors use the ROA error
     * body's {@code RequestId}.
     */
    String requestIdMember() {
        return LOWER_CAMEL_REQUEST_ID_OPERATIONS.contains(operation) && status >= 200 && status < 300
                ? "requestId"
                : "RequestId";
    }

    /** The body's request id (see {@link #requestIdMember()}) when it is a JSON object with that member as a string. */
    Optional<String> requestId() {
        try {
            JsonNode id = JSON.readTree(body.getBytes(StandardCharsets.UTF_8)).get(requestIdMember());
            return id != null && id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }

    String abbreviated() {
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }

    @Override
    public String toString() {
        return operation + " (" + request + ") -> HTTP " + status + " " + abbreviated();
    }
}
