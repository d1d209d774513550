package io.github.paiworkspacefake.server.internal.domain;

/** A request the service refuses, answered with the service's error body. */
public final class ApiException extends RuntimeException {

    private final ErrorCode errorCode;

    public ApiException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
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
