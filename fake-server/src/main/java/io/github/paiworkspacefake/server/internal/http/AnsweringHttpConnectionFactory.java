package io.github.paiworkspacefake.server.internal.http;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, except that a request the client cut short (its end of stream came after the request
 * line, before the headers ended) is answered before the connection closes. Jetty writes its 400 for such a request
 * on another thread while the reading thread already shuts the connection down, so the answer was lost; here the
 * reading thread waits, briefly, until the answer has been written.
 */
public final class AnsweringHttpConnectionFactory extends HttpConnectionFactory {

    /** The longest the reading thread waits for the answer to a cut-short request. */
    private static final long ANSWER_WAIT_MILLIS = 5_000;

    public AnsweringHttpConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        AnsweringHttpConnection connection = new AnsweringHttpConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** A connection whose reader waits for the answer to a bad request that ended the stream. */
    private static final class AnsweringHttpConnection extends HttpConnection {

        private volatile CountDownLatch answer;

        AnsweringHttpConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected RequestHandler newRequestHandler() {
            return new AnsweringRequestHandler();
        }

        @Override
        protected HttpStreamOverHTTP1 newHttpStream(String method, String uri, HttpVersion version) {
            return new SignallingStream(method, uri, version);
        }

        private void answered() {
            CountDownLatch latch = answer;
            if (latch != null) {
                latch.countDown();
            }
        }

        /** Parser events; a bad message at the end of the stream waits for its answer to be written. */
        private final class AnsweringRequestHandler extends RequestHandler {

            @Override
            public void badMessage(HttpException failure) {
                if (!getParser().isAtEOF()) {
                    super.badMessage(failure);
                    return;
                }
                CountDownLatch latch = new CountDownLatch(1);
                answer = latch;
                super.badMessage(failure);
                try {
                    latch.await(ANSWER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    answer = null;
                }
            }
        }

        /** An exchange that tells the waiting reader when its answer is complete, or has failed. */
        private final class SignallingStream extends HttpStreamOverHTTP1 {

            SignallingStream(String method, String uri, HttpVersion version) {
                super(method, uri, version);
            }

            @Override
            public void succeeded() {
                try {
                    super.succeeded();
                } finally {
                    answered();
                }
            }

            @Override
            public void failed(Throwable failure) {
                try {
                    super.failed(failure);
                } finally {
                    answered();
                }
            }
        }
    }
}
