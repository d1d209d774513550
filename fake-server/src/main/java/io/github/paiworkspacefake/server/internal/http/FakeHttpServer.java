package io.github.paiworkspacefake.server.internal.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.servlet.JavalinServlet;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The one web server of a JVM that every fake shares: started on first use, on daemon threads, with the routes
 * declared once. Each fake gets its own connector, on its own port and address; a request is answered by the fake
 * whose connector it arrived on. Every connector is served by one selector that the server starts once: opening a
 * connector binds its port and hands the port to that selector, without waiting for any thread; closing one releases
 * its port at once: its open connections are reset (no socket is left in TIME_WAIT) and nothing answers there
 * afterwards. Closing waits for the selector once, since only the selector can let go of a socket it watches; the
 * connections' endpoints are cleaned up by the selector after that. Neither logs anything (Jetty's connectors log a
 * line at INFO when they start and stop, which a test classpath with a logging backend would show for every fake).
 */
public final class FakeHttpServer {

    /** The region of error bodies for requests no fake can be told for, such as unreadable ones. */
    private static final String DEFAULT_REGION_ID = "cn-hangzhou";

    /** The longest a close waits for the selector to let go of a fake's sockets. */
    private static final long RELEASE_WAIT_SECONDS = 30;

    private static FakeHttpServer shared;

    private final Server server;
    private final SharedSelector selector;
    private final HttpConfiguration http;
    private final Map<Connector, FakeHttpApi> apis = new ConcurrentHashMap<>();
    /** Each fake's listening channel, for the selector to tell which fake a new connection reached. */
    private final Map<SelectableChannel, FakeConnector> listening = new ConcurrentHashMap<>();

    private FakeHttpServer() {
        QueuedThreadPool threads = new QueuedThreadPool(200, 2, 60_000);
        threads.setName("pai-workspace-fake");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        server = new Server(threads, new ScheduledExecutorScheduler("pai-workspace-fake-scheduler", true), null);
        selector = new SharedSelector(threads, server.getScheduler());
        server.addBean(selector, true);
        http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setUriCompliance(JettyEdge.URI_COMPLIANCE);
        Javalin app = Javalin.create(config -> FakeHttpApi.declare(config, this::apiOf));
        ServletContextHandler context = new ServletContextHandler();
        // Javalin's plain servlet: the Jetty one it would start itself also sets up WebSockets, which no fake serves
        context.addServlet(new ServletHolder(new JavalinServlet(app.unsafe)), "/*");
        JettyJsonErrorHandler errors = new JettyJsonErrorHandler(this::regionOf);
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
     * thread and no selector of its own (the shared selector accepts), sharing the server's threads, scheduler and
     * buffers.
     */
    public ServerConnector open(FakeHttpApi api, String host, int port) {
        FakeConnector connector = new FakeConnector(new AnsweringHttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        apis.put(connector, api);
        server.addConnector(connector);
        try {
            connector.start();
        } catch (Exception e) {
            stopQuietly(connector);
            server.removeConnector(connector);
            apis.remove(connector);
            throw new IllegalStateException("could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return connector;
    }

    /** Stops answering on a fake's connector and releases its port; its open connections are reset. */
    public void close(ServerConnector connector) {
        FakeConnector fake = (FakeConnector) connector;
        int port = fake.getLocalPort();
        // the selector starts on the sockets while this thread stops the connector
        Release release = selector.release(fake);
        try {
            fake.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop listening on port " + port, e);
        } finally {
            server.removeConnector(fake);
            release.await(port);
            apis.remove(fake);
        }
    }

    private static void stopQuietly(ServerConnector connector) {
        try {
            connector.stop();
        } catch (Exception | LinkageError alreadyFailed) {
            // the start failure is the one to report
        }
    }

    /** Makes closing a socket reset its connection, so no socket is left in TIME_WAIT and its port is free at once. */
    private static void noLinger(NetworkChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException alreadyClosed) {
            // closing is all that is left to do
        }
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

    private String regionOf(Request request) {
        FakeHttpApi api = request == null
                ? null
                : apis.get(request.getConnectionMetaData().getConnector());
        return api == null ? DEFAULT_REGION_ID : api.regionId();
    }

    /**
     * A fake's connector: its own port and connection factory, Jetty's HTTP/1.1 as a {@link ServerConnector} serves
     * it, but no selector of its own. Starting it binds the port and registers it with the {@link SharedSelector};
     * that selector creates the endpoints and connections of the fake's connections through it.
     */
    private final class FakeConnector extends ServerConnector {

        private final ConnectionFactory http;

        FakeConnector(ConnectionFactory http) {
            super(server, null, null, null, 0, 1, http);
            this.http = http;
            // the shared selector lives as long as the server: this connector neither starts nor stops it
            unmanage(getSelectorManager());
        }

        /**
         * Binds the port and hands it to the shared selector. Not ServerConnector's start, which would start a
         * selector of its own, lease it a thread and log a line at INFO for every connector: with a logging backend
         * on a test classpath, two lines in the log for every test's fake.
         */
        @Override
        protected void doStart() throws IOException {
            open();
            ServerSocketChannel channel = (ServerSocketChannel) getTransport();
            try {
                channel.configureBlocking(false);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            selector.acceptor(channel);
        }

        /** Forgets the port, which {@link SharedSelector#release} has closed; logs nothing either. */
        @Override
        protected void doStop() {
            close();
        }

        /** The one factory this connector was made with (ServerConnector's start would look it up). */
        @Override
        public ConnectionFactory getDefaultConnectionFactory() {
            return http;
        }

        /** Not shutting down while it runs, so its connections stay persistent (ServerConnector's start sets this). */
        @Override
        public boolean isShutdown() {
            return !isRunning();
        }

        /** The shared selector instead of one of this connector's own (called by ServerConnector's constructor). */
        @Override
        protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
            return selector;
        }

        @Override
        public void open() throws IOException {
            super.open();
            listening.put((SelectableChannel) getTransport(), this);
        }

        @Override
        public void close() {
            Object transport = getTransport();
            super.close();
            if (transport instanceof SelectableChannel channel) {
                listening.remove(channel);
            }
        }

        /** A new connection to this connector's port: set up as a ServerConnector sets up its own. */
        void accepted(SocketChannel channel) throws IOException {
            channel.configureBlocking(false);
            configure(channel.socket());
            selector.accept(channel, this);
        }

        @Override
        protected SocketChannelEndPoint newEndPoint(
                SocketChannel channel, ManagedSelector selectSet, SelectionKey key) {
            FakeEndPoint endPoint = new FakeEndPoint(channel, selectSet, key, getScheduler(), this);
            endPoint.setIdleTimeout(getIdleTimeout());
            return endPoint;
        }

        void endPointOpened(EndPoint endPoint) {
            onEndPointOpened(endPoint);
        }

        void endPointClosed(EndPoint endPoint) {
            onEndPointClosed(endPoint);
        }
    }

    /** A connection's endpoint that knows which fake's connector it belongs to. */
    private static final class FakeEndPoint extends SocketChannelEndPoint {
        private final FakeConnector connector;

        FakeEndPoint(
                SocketChannel channel,
                ManagedSelector selector,
                SelectionKey key,
                Scheduler scheduler,
                FakeConnector connector) {
            super(channel, selector, key, scheduler);
            this.connector = connector;
        }
    }

    /**
     * The one selector every fake's connector uses: it accepts on each fake's port and watches every connection,
     * telling them apart by the connector each was accepted for. One selector, as each connector had before.
     */
    private final class SharedSelector extends SelectorManager {

        /** The fake whose port the selector thread is accepting on (set by doAccept, read by accepted). */
        private FakeConnector accepting;

        /** The thread closing released endpoints, which runs their clean-up itself (see {@link #execute}). */
        private volatile Thread inline;

        SharedSelector(Executor executor, Scheduler scheduler) {
            super(executor, scheduler, 1);
        }

        @Override
        protected ManagedSelector newSelector(int id) {
            return new ReleasingSelector(this, id);
        }

        /**
         * Runs a task of the selector on the thread pool, except the clean-up of endpoints that {@link Release}
         * closes: the selector's thread runs that itself, rather than waking a pooled thread for each connection of a
         * closed fake.
         */
        @Override
        protected void execute(Runnable task) {
            if (inline == Thread.currentThread()) {
                task.run();
            } else {
                super.execute(task);
            }
        }

        /** Closes the endpoints of {@code released}, their clean-up on this thread. */
        void closeEndPoints(List<Release> released) {
            inline = Thread.currentThread();
            try {
                released.forEach(Release::closeEndPoints);
            } finally {
                inline = null;
            }
        }

        @Override
        protected SelectableChannel doAccept(SelectableChannel server) throws IOException {
            SelectableChannel channel = super.doAccept(server);
            accepting = channel == null ? null : listening.get(server);
            return channel;
        }

        @Override
        protected void accepted(SelectableChannel channel) throws IOException {
            FakeConnector connector = accepting;
            accepting = null;
            if (connector == null) {
                if (channel instanceof SocketChannel socket) {
                    noLinger(socket);
                }
                channel.close();
                return;
            }
            connector.accepted((SocketChannel) channel);
        }

        @Override
        protected EndPoint newEndPoint(SelectableChannel channel, ManagedSelector selector, SelectionKey key) {
            return ((FakeConnector) key.attachment()).newEndPoint((SocketChannel) channel, selector, key);
        }

        @Override
        public Connection newConnection(SelectableChannel channel, EndPoint endPoint, Object attachment)
                throws IOException {
            FakeConnector connector = (FakeConnector) attachment;
            return connector.getDefaultConnectionFactory().newConnection(connector, endPoint);
        }

        @Override
        protected void endPointOpened(EndPoint endPoint) {
            super.endPointOpened(endPoint);
            ((FakeEndPoint) endPoint).connector.endPointOpened(endPoint);
        }

        @Override
        protected void endPointClosed(EndPoint endPoint) {
            ((FakeEndPoint) endPoint).connector.endPointClosed(endPoint);
            super.endPointClosed(endPoint);
        }

        /**
         * Asks the selector to reset every connection of {@code connector}, stop accepting on its port and close it;
         * {@link Release#await} returns once the selector has let go of those sockets (the JDK closes a socket a
         * selector watches only when that selector selects again).
         */
        Release release(FakeConnector connector) {
            Release release = new Release(connector);
            ((ReleasingSelector) chooseSelector()).release(release);
            return release;
        }
    }

    /** What closing one fake asks of the selector: its sockets reset and closed, then a select to let go of them. */
    private static final class Release {
        private final FakeConnector connector;
        /** The fake's port, taken before the connector stops and forgets it. */
        private final Object listener;

        private final CountDownLatch done = new CountDownLatch(1);
        /** The fake's endpoints whose sockets were reset; Jetty is told they are closed once the closer goes on. */
        private final List<EndPoint> endPoints = new ArrayList<>();

        Release(FakeConnector connector) {
            this.connector = connector;
            this.listener = connector.getTransport();
        }

        /** Waits until the selector has let go of the fake's sockets. */
        void await(int port) {
            try {
                if (!done.await(RELEASE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the selector did not release port " + port + " in time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while releasing port " + port, e);
            }
        }

        /**
         * On the selector's thread: resets the fake's connections and closes its port. Only the sockets are closed
         * here (without lingering, so each connection is reset); their endpoints are closed by {@link #closeEndPoints}
         * once the closing thread has been let go.
         */
        void apply(Selector nio) {
            List<SelectionKey> keys = new ArrayList<>(nio.keys());
            for (SelectionKey key : keys) {
                SelectableChannel channel = key.channel();
                Object attachment = key.attachment();
                if (attachment instanceof FakeEndPoint endPoint && endPoint.connector == connector) {
                    endPoints.add(endPoint);
                    resetSocket(key, channel);
                } else if (attachment == connector || channel == listener) {
                    // accepted but not yet an endpoint, or the port itself
                    resetSocket(key, channel);
                }
            }
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (!endPoints.contains(endPoint)) {
                    endPoints.add(endPoint);
                    if (endPoint.getTransport() instanceof SocketChannel socket) {
                        noLinger(socket);
                        closeQuietly(socket);
                    }
                }
            }
            if (listener instanceof ServerSocketChannel channel) {
                closeQuietly(channel);
            }
        }

        /** Jetty's side of the reset connections: their endpoints and connections closed, as after a peer's reset. */
        void closeEndPoints() {
            endPoints.forEach(EndPoint::close);
        }

        private static void resetSocket(SelectionKey key, SelectableChannel channel) {
            if (channel instanceof SocketChannel socket) {
                noLinger(socket);
            }
            key.cancel();
            closeQuietly(channel);
        }

        private static void closeQuietly(SelectableChannel channel) {
            try {
                channel.close();
            } catch (IOException alreadyClosed) {
                // nothing left to release
            }
        }
    }

    /**
     * Jetty's selector, except that after a {@link Release} it selects once without waiting: that select lets go of
     * the released sockets (the JDK closes a registered socket only then), and the closing thread is told so.
     */
    private static final class ReleasingSelector extends ManagedSelector {
        private final SharedSelector manager;
        /** Releases applied since the last select; only the selector's thread touches this list. */
        private final List<Release> applied = new ArrayList<>();

        ReleasingSelector(SharedSelector manager, int id) {
            super(manager, id);
            this.manager = manager;
        }

        void release(Release release) {
            submit(nio -> {
                try {
                    release.apply(nio);
                } finally {
                    applied.add(release);
                }
            });
        }

        @Override
        protected int nioSelect(Selector nio, boolean now) throws IOException {
            if (applied.isEmpty()) {
                return super.nioSelect(nio, now);
            }
            List<Release> released = new ArrayList<>(applied);
            applied.clear();
            try {
                // not the usual blocking select after this one: selectNow clears a wake-up that an update submitted
                // meanwhile may have made, so the selector goes round once more and applies such updates first
                return nio.selectNow();
            } finally {
                released.forEach(release -> release.done.countDown());
                manager.closeEndPoints(released);
            }
        }
    }
}
