package io.github.paiworkspacefake.benchmarks.pertest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** The reference: the JDK's {@code HttpServer} started before and stopped after every test. */
class JdkHttpServerTest {

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/workspaces/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(200, TestRequests.ANSWER.length);
            exchange.getResponseBody().write(TestRequests.ANSWER);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @RepeatedTest(BodyTimes.TESTS)
    void getWorkspace() {
        BodyTimes.bodyStarts();
        assertThat(TestRequests.getWorkspace(
                                "http://127.0.0.1:" + server.getAddress().getPort())
                        .statusCode())
                .isEqualTo(200);
        BodyTimes.bodyEnds();
    }
}
