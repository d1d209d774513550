package io.github.paiworkspacefake.benchmarks.pertest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** The reference: okhttp's {@code mockwebserver3.MockWebServer} started before and closed after every test. */
class MockWebServerTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json;charset=utf-8")
                .body(new String(TestRequests.ANSWER, StandardCharsets.UTF_8))
                .build());
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @RepeatedTest(BodyTimes.TESTS)
    void getWorkspace() {
        BodyTimes.bodyStarts();
        assertThat(TestRequests.getWorkspace("http://127.0.0.1:" + server.getPort())
                        .statusCode())
                .isEqualTo(200);
        BodyTimes.bodyEnds();
    }
}
