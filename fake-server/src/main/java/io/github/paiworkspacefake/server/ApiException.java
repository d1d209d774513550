package io.github.paiworkspacefake.server;

/** A request the service refuses, answered with the service's error body. */
final class ApiException extends RuntimeException {

    private final ErrorCode errorCode;

    ApiException(ErrorCode errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    ErrorCode errorCode() {
        return errorCode;
    }

    static ApiException missing(String parameter) {
        return new ApiException(ErrorCode.MISSING_PARAMETER,
                "The input parameter \"" + parameter + "\" that is mandatory for processing this request is not supplied.");
    }

    static ApiException invalid(String parameter, String why) {
        return new ApiException(ErrorCode.INVALID_PARAMETER,
                "The specified value of parameter \"" + parameter + "\" is not valid: " + why);
    }
}
