package io.github.paiworkspacefake.benchmarks.pertest;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** The reference: a WireMock server with one stub, started before and stopped after every test. */
class WireMockTest {

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(WireMock.get(WireMock.urlPathMatching("/api/v1/workspaces/.*"))
                .willReturn(WireMock.aResponse()
                        .withHeader("Content-Type", "application/json;charset=utf-8")
                        .withBody(TestRequests.ANSWER)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @RepeatedTest(BodyTimes.TESTS)
    void getWorkspace() {
        BodyTimes.bodyStarts();
        assertThat(TestRequests.getWorkspace("http://127.0.0.1:" + server.port())
                        .statusCode())
                .isEqualTo(200);
        BodyTimes.bodyEnds();
    }
}
