package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.internal.catalogue.ErrorSpec;

/** A request the service refuses, answered with the service's error body. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(ErrorCode errorCode, String message) {
        this(errorCode.status(), errorCode.code(), message);
    }

    public ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** The error a catalogue entry declares, such as a family's not-found answer. */
    public static ApiException of(ErrorSpec error) {
        return new ApiException(error.status(), error.code(), error.message());
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** The error body's {@code Code}. */
    public String code() {
        return code;
    }

    public static ApiException missing(String parameter) {
        return new ApiException(
                ErrorCode.MISSING_PARAMETER,
                "The input parameter \"" + parameter
                        + "\" that is mandatory for processing this request is not supplied.");
    }

    public static ApiException invalid(String parameter, String why) {
        return new ApiException(
                ErrorCode.INVALID_PARAMETER,
                "The specified value of parameter \"" + parameter + "\" is not valid: " + why);
    }
}
