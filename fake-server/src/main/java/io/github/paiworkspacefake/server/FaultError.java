package io.github.paiworkspacefake.server;

/** Errors the fake can be told to answer with, in the real service's format, for testing retry code. */
public enum FaultError {
    /** 400 {@code Throttling.User}: Alibaba Cloud's flow-control error. */
    THROTTLING(400, "Throttling.User", "Request was denied due to user flow control."),
    /** 500 {@code InternalError}. */
    INTERNAL_ERROR(
            500, "InternalError", "The request processing has failed due to some unknown error, exception or failure."),
    /** 503 {@code ServiceUnavailable}. */
    SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");

    private final int status;
    private final String code;
    private final String message;

    FaultError(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The error body's {@code Code}. */
    public String code() {
        return code;
    }

    /** The error body's {@code Message}. */
    public String message() {
        return message;
    }
}
