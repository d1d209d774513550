package io.github.paiworkspacefake.server.internal.http;

import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.EofException;

/**
 * What the web server refuses before any route runs: the URI rules every connector applies, and the client faults
 * found only while a body is read. Jetty's own answers are {@link JettyJsonErrorHandler}'s, the connectors
 * {@link FakeHttpServer}'s, and routes and their errors {@link FakeHttpApi}'s.
 */
public final class JettyEdge {

    /**
     * Javalin's lenient URI rules (ambiguous separators such as {@code %2F} reach the routes, which answer them), but
     * no {@code %u} UTF-16 escapes and no malformed or overlong UTF-8: Jetty refuses those itself, in JSON.
     */
    public static final UriCompliance URI_COMPLIANCE = UriCompliance.LEGACY.without(
            "PAI_FAKE",
            UriCompliance.Violation.UTF16_ENCODINGS,
            UriCompliance.Violation.BAD_UTF8_ENCODING,
            UriCompliance.Violation.TRUNCATED_UTF8_ENCODING,
            UriCompliance.Violation.BAD_PERCENT_ENCODING);

    private JettyEdge() {}

    /**
     * The client's fault behind a failure to read a request body, if it is one: a malformed chunk, a body shorter
     * than its Content-Length, a stream that ended early. Its HTTP status (4xx) and a message for the error body.
     */
    public static Optional<ClientFault> clientFault(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                String reason = http.getReason() == null ? "the request is malformed" : http.getReason();
                return Optional.of(new ClientFault(http.getCode(), "The request could not be read: " + reason + "."));
            }
            if (cause instanceof EofException) {
                return Optional.of(new ClientFault(400, "The request ended before its body was complete."));
            }
        }
        return Optional.empty();
    }

    /** A request the client got wrong, found only while reading it. */
    public record ClientFault(int status, String message) {

        /** The error body's code for the status: too large for 413 and 431, a bad request otherwise. */
        ErrorCode errorCode() {
            return status == 413 || status == 431 ? ErrorCode.REQUEST_TOO_LARGE : ErrorCode.BAD_REQUEST;
        }
    }
}
