package io.github.paiworkspacefake.server.internal.domain;

/**
 * Every error the fake answers with: the HTTP status and the {@code Code} string of the error body.
 * {@code 100400027} is the service's published not-found code; the others follow Alibaba Cloud's common
 * codes where the product publishes none (see README, "Errors").
 */
public enum ErrorCode {
    MISSING_PARAMETER(400, "MissingParameter"),
    INVALID_PARAMETER(400, "InvalidParameter"),
    WORKSPACE_NAME_TAKEN(409, "WorkspaceNameAlreadyExists"),
    WORKSPACE_NOT_FOUND(404, "100400027"),
    DEFAULT_WORKSPACE_NOT_FOUND(404, "100400027"),
    DEFAULT_WORKSPACE_EXISTS(409, "100400009"),
    MEMBER_NOT_FOUND(404, "100600006"),
    MEMBER_EXISTS(409, "MemberAlreadyExists"),
    RESOURCE_EXISTS(409, "ResourceAlreadyExists"),
    OWNER_NOT_DELETABLE(400, "100600017"),
    API_NOT_FOUND(404, "InvalidApi.NotFound"),
    UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaType"),
    REQUEST_TOO_LARGE(413, "RequestEntityTooLarge"),
    BAD_REQUEST(400, "BadRequest"),
    WORKSPACE_QUOTA_EXCEEDED(400, "QuotaExceeded.Workspace"),
    ADMIN_FORBIDDEN(403, "Forbidden.AdminApi"),
    INCOMPLETE_SIGNATURE(400, "IncompleteSignature"),
    ACCESS_KEY_NOT_FOUND(404, "InvalidAccessKeyId.NotFound"),
    SIGNATURE_DOES_NOT_MATCH(400, "SignatureDoesNotMatch"),
    TIMESTAMP_FORMAT(400, "InvalidTimeStamp.Format"),
    TIMESTAMP_EXPIRED(400, "InvalidTimeStamp.Expired"),
    SIGNATURE_NONCE_USED(400, "SignatureNonceUsed"),
    UNSUPPORTED_PARAMETER(400, "UnsupportedParameter"),
    NOT_IMPLEMENTED(501, "NotImplemented"),
    INTERNAL_ERROR(500, "InternalError"),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailable");

    private final int status;
    private final String code;

    ErrorCode(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
