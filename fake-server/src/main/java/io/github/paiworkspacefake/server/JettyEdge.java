package io.github.paiworkspacefake.server;

import io.javalin.config.JavalinConfig;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The web server under the API: the listening connector, its threads, and the answers Jetty gives itself before any
 * route runs (malformed request lines, headers and URIs, oversized headers, unknown methods, cut-short requests),
 * all in the service's JSON error format. Routes and their errors are {@link WorkspaceHttpApi}'s.
 */
final class JettyEdge {

    /**
     * Javalin's lenient URI rules (ambiguous separators such as {@code %2F} reach the routes, which answer them), but
     * no {@code %u} UTF-16 escapes and no malformed or overlong UTF-8: Jetty refuses those itself, in JSON.
     */
    static final UriCompliance URI_COMPLIANCE = UriCompliance.LEGACY.without("PAI_FAKE",
            UriCompliance.Violation.UTF16_ENCODINGS, UriCompliance.Violation.BAD_UTF8_ENCODING,
            UriCompliance.Violation.TRUNCATED_UTF8_ENCODING, UriCompliance.Violation.BAD_PERCENT_ENCODING);

    private JettyEdge() {
    }

    /** Listens on {@code host:port} (0 picks a free port) and answers every request Jetty refuses in JSON. */
    static void configure(JavalinConfig config, String host, int port, String regionId) {
        config.jetty.threadPool = threadPool();
        config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(URI_COMPLIANCE));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyJsonErrorHandler(regionId)));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyJsonErrorHandler(regionId)));
        config.jetty.addConnector((server, httpConfiguration) -> {
            ServerConnector connector = new ServerConnector(server, new AnsweringHttpConnectionFactory(httpConfiguration));
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        });
    }

    /**
     * The client's fault behind a failure to read a request body, if it is one: a malformed chunk, a body shorter
     * than its Content-Length, a stream that ended early. Its HTTP status (4xx) and a message for the error body.
     */
    static Optional<ClientFault> clientFault(Throwable failure) {
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
    record ClientFault(int status, String message) {

        /** The error body's code for the status: too large for 413 and 431, a bad request otherwise. */
        ErrorCode errorCode() {
            return status == 413 || status == 431 ? ErrorCode.REQUEST_TOO_LARGE : ErrorCode.BAD_REQUEST;
        }
    }

    /**
     * Few threads started up front (a fake is started per test, and each idle thread costs start-up time), enough
     * allowed for load tests; virtual threads are not used so Java 17 users get the same behaviour.
     */
    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(200, 2, 60_000);
        pool.setName("pai-workspace-fake");
        pool.setReservedThreads(0);
        return pool;
    }
}
