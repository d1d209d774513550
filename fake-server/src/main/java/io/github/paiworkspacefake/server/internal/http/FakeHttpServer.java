package io.github.paiworkspacefake.server.internal.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.servlet.JavalinServlet;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The one web server of a JVM that every fake shares: started on first use, on daemon threads, with the routes
 * declared once. Each fake gets its own connector, on its own port and address; a request is answered by the fake
 * whose connector it arrived on. Opening a connector costs a bind, not a server start, and closing one releases its
 * port at once: its open connections are reset (no socket is left in TIME_WAIT) and nothing answers there afterwards.
 */
public final class FakeHttpServer {

    /** The region of error bodies for requests no fake can be told for, such as unreadable ones. */
    private static final String DEFAULT_REGION_ID = "cn-hangzhou";

    private static FakeHttpServer shared;

    private final Server server;
    private final Map<Connector, FakeHttpApi> apis = new ConcurrentHashMap<>();

    private FakeHttpServer() {
        QueuedThreadPool threads = new QueuedThreadPool(200, 2, 60_000);
        threads.setName("pai-workspace-fake");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        server = new Server(threads, new ScheduledExecutorScheduler("pai-workspace-fake-scheduler", true), null);
        Javalin app = Javalin.create(config -> FakeHttpApi.declare(config, this::apiOf));
        ServletContextHandler context = new ServletContextHandler();
        // Javalin's plain servlet: the Jetty one it would start itself also sets up WebSockets, which no fake serves
        context.addServlet(new ServletHolder(new JavalinServlet(app.unsafe)), "/*");
        JettyJsonErrorHandler errors = new JettyJsonErrorHandler(this::regionOf, this::refused);
        context.setErrorHandler(errors);
        server.setErrorHandler(errors);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("The fake's web server could not start: " + e.getMessage(), e);
        }
    }

    /** The server every fake of this JVM shares, started on first use. */
    public static synchronized FakeHttpServer shared() {
        if (shared == null) {
            shared = new FakeHttpServer();
        }
        return shared;
    }

    /**
     * Starts answering {@code api}'s requests on {@code host:port} (0 picks a free port): a connector with no acceptor
     * thread of its own (its selector accepts), sharing the server's threads, scheduler and buffers.
     */
    public ServerConnector open(FakeHttpApi api, String host, int port) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setUriCompliance(JettyEdge.URI_COMPLIANCE);
        ServerConnector connector =
                new ServerConnector(server, null, null, null, 0, 1, new AnsweringHttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        apis.put(connector, api);
        server.addConnector(connector);
        try {
            connector.start();
        } catch (Exception e) {
            server.removeConnector(connector);
            apis.remove(connector);
            throw new IllegalStateException("could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return connector;
    }

    /** Stops answering on a fake's connector and releases its port; its open connections are reset. */
    public void close(ServerConnector connector) {
        try {
            connector.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop listening on port " + connector.getLocalPort(), e);
        } finally {
            connector.getConnectedEndPoints().forEach(FakeHttpServer::reset);
            server.removeConnector(connector);
            apis.remove(connector);
        }
    }

    /** Closes a connection without lingering, so its port is free again at once. */
    private static void reset(EndPoint endPoint) {
        if (endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException | RuntimeException alreadyClosed) {
                // closing below is all that is left to do
            }
        }
        endPoint.close();
    }

    /** The fake a request reached: the one whose connector it arrived on. */
    private FakeHttpApi apiOf(Context ctx) {
        Connector connector = ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData()
                .getConnector();
        FakeHttpApi api = apis.get(connector);
        if (api == null) {
            throw new IllegalStateException("no fake listens on " + connector);
        }
        return api;
    }

    /** Journals a request the web server refused before any route, in the journal of the fake it reached. */
    private void refused(Request request, int status, String requestId, byte[] body, String errorCode, String reason) {
        FakeHttpApi api = request == null
                ? null
                : apis.get(request.getConnectionMetaData().getConnector());
        if (api != null) {
            api.recordRefused(request, status, requestId, body, errorCode, reason);
        }
    }

    private String regionOf(Request request) {
        FakeHttpApi api = request == null
                ? null
                : apis.get(request.getConnectionMetaData().getConnector());
        return api == null ? DEFAULT_REGION_ID : api.regionId();
    }
}
