package io.github.paiworkspacefake.server.internal.http;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.function.Function;

/**
 * What the fake keeps about one request while it answers it: the fake it reached, its request id, the operation it
 * asked for, whether it has been answered and with what (the answer's bytes, kept by reference for the journal, an
 * error's code, why it was not served as usual). Kept as the request's one attribute, made on first use, which also
 * sends the request id in the {@code x-acs-request-id} header. Every route's handler, exception mapping and error
 * handler uses it first, so every answer carries that header without a before-handler, whose path Javalin would
 * match against every request.
 */
final class Exchange {

    private static final String ATTRIBUTE = "pai.exchange";

    private final FakeHttpApi api;
    private final String requestId;
    private Operation operation;
    private boolean answered;
    private byte[] answer;
    private String errorCode;
    private String reason;
    private boolean dropped;

    private Exchange(FakeHttpApi api, String requestId) {
        this.api = api;
        this.requestId = requestId;
    }

    /**
     * The request's exchange; the first call finds the fake with {@code apiOf}, draws the request id and sets its
     * response header.
     */
    static Exchange of(Context ctx, Function<Context, FakeHttpApi> apiOf) {
        Exchange exchange = ctx.attribute(ATTRIBUTE);
        if (exchange == null) {
            exchange = new Exchange(apiOf.apply(ctx), RequestIds.next());
            ctx.attribute(ATTRIBUTE, exchange);
            ctx.header(RequestIds.HEADER, exchange.requestId);
        }
        return exchange;
    }

    /** The fake the request reached. */
    FakeHttpApi api() {
        return api;
    }

    String requestId() {
        return requestId;
    }

    /** The operation a route matched, or null when none did. */
    Operation operation() {
        return operation;
    }

    void operation(Operation matched) {
        this.operation = matched;
    }

    /** Whether the request's answer, success or error, has been written. */
    boolean answered() {
        return answered;
    }

    /** The bytes answered, or null when nothing was. */
    byte[] answerBytes() {
        return answer;
    }

    /** The error body's code answered, or null. */
    String errorCode() {
        return errorCode;
    }

    void errorCode(String code) {
        this.errorCode = code;
    }

    /** Why the request was not served as the API would serve it, or null. */
    String reason() {
        return reason;
    }

    void reason(String why) {
        this.reason = why;
    }

    /** Whether its connection was dropped without an answer. */
    boolean dropped() {
        return dropped;
    }

    void dropped(String why) {
        this.dropped = true;
        this.reason = why;
    }

    /** Notes that the route itself has written the answer, as a stream. */
    void answeredByRoute() {
        answered = true;
    }

    /**
     * Writes the request's one answer, unless it has one already. The bytes go to the response's stream rather than to
     * {@code ctx.result}: Javalin copies a result through a new 8 KB buffer, which cost a GetWorkspace a tenth of its
     * time. Javalin's compression still applies, as the stream is its own, and Jetty still sends a Content-Length.
     */
    void answer(Context ctx, int status, byte[] json) {
        answer(ctx, status, Json.MEDIA_TYPE, json);
    }

    /** {@link #answer(Context, int, byte[])} of another media type (the admin console's pages). */
    void answer(Context ctx, int status, String contentType, byte[] body) {
        if (answered) {
            return;
        }
        answered = true;
        answer = body;
        ctx.status(status).contentType(contentType);
        try {
            ctx.outputStream().write(body);
        } catch (IOException clientGone) {
            // the client closed the connection: there is no one left to answer
        }
    }
}
