package io.github.paiworkspacefake.server.internal.http;

import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import io.github.paiworkspacefake.server.internal.domain.Json;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages replaced by the API's JSON error body, for what fails before a route runs: malformed
 * request lines, headers and percent-encoding, oversized headers (431) and URIs (414), ambiguous paths, unsupported
 * versions. Every method gets the body, not only GET, POST and HEAD as in Jetty's own handler.
 */
public final class JettyJsonErrorHandler extends ErrorHandler {

    /** Journals a request the web server refused, in the journal of the fake it reached. */
    @FunctionalInterface
    public interface Refusals {
        void refused(Request request, int status, String requestId, byte[] body, String errorCode, String reason);
    }

    private final Function<Request, String> regionOf;
    private final Refusals refusals;

    /**
     * @param regionOf the region of the fake a request reached (a null request when none is known)
     * @param refusals where a refused request whose fake is known is journaled
     */
    public JettyJsonErrorHandler(Function<Request, String> regionOf, Refusals refusals) {
        this.regionOf = regionOf;
        this.refusals = refusals;
    }

    /** Every answer carries the error body, whatever the method: {@code PUT}, {@code PRI} or {@code BREW} alike. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String requestId = RequestIds.next();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.MEDIA_TYPE);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        byte[] body = body(regionOf.apply(request), requestId, code, message);
        try {
            refusals.refused(
                    request,
                    code,
                    requestId,
                    body,
                    errorCode(code).code(),
                    "The web server refused it before any route: HTTP " + code + ": " + reason(message) + ".");
        } catch (RuntimeException unjournaled) {
            // the answer matters more than its journal entry
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    // Jetty 12.1 still calls this for requests it cannot parse (it has no replacement yet); without it those answers
    // would be Jetty's own HTML instead of the API's JSON error body.
    @SuppressWarnings("removal")
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = RequestIds.next();
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Json.MEDIA_TYPE));
        fields.put(RequestIds.HEADER, requestId);
        return ByteBuffer.wrap(body(regionOf.apply(null), requestId, status, reason));
    }

    private static byte[] body(String regionId, String requestId, int status, String reason) {
        return ErrorBody.render(requestId, regionId, errorCode(status), "HTTP " + status + ": " + reason(reason));
    }

    private static ErrorCode errorCode(int status) {
        return switch (status) {
            case 404 -> ErrorCode.API_NOT_FOUND;
            case 413, 431 -> ErrorCode.REQUEST_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 500 -> ErrorCode.INTERNAL_ERROR;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> ErrorCode.BAD_REQUEST;
        };
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "The request could not be processed." : reason;
    }
}
