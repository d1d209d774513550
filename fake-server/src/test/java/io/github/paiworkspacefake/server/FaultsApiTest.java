package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.testsupport.ApiClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultsApiTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void failsTheNextCallsWithTheChosenErrorThenServesAgain() {
        String id = api.createWorkspace("flaky");
        fake.faults().failNext(Operation.GetWorkspace, 2, FaultError.SERVICE_UNAVAILABLE);

        ApiClient.Reply first = api.get("/api/v1/workspaces/" + id);
        ApiClient.Reply second = api.get("/api/v1/workspaces/" + id);
        ApiClient.Reply third = api.get("/api/v1/workspaces/" + id);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.body().get("Code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(first.body().get("RequestId").asText()).isEqualTo(first.requestIdHeader());
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void failsWithAnErrorOfOnesOwnInTheApisFormat() {
        fake.faults().failNext(Operation.GetDefaultWorkspace, 1, 429, "Throttling.Api", "Request was denied.");

        ApiClient.Reply refused = api.get("/api/v1/defaultWorkspaces");

        assertError(refused, 429, "Throttling.Api");
        assertThat(refused.body().get("Message").asText()).isEqualTo("Request was denied.");
        assertError(api.get("/api/v1/defaultWorkspaces"), 404, "100400027");
    }

    @Test
    void refusesAnErrorOfOnesOwnThatIsNoError() {
        assertThatThrownBy(() -> fake.faults().failNext(Operation.GetWorkspace, 1, 302, "Moved", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("400 to 599");
        assertThatThrownBy(() -> fake.faults().failNext(Operation.GetWorkspace, 1, 500, " ", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.faults().failNext(Operation.GetWorkspace, 1, 500, "C", "m".repeat(1025)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clearsOneOperationsFaultsAndLeavesTheOthers() {
        fake.faults()
                .failNext(Operation.GetDefaultWorkspace, 1, FaultError.INTERNAL_ERROR)
                .delay(Operation.GetDefaultWorkspace, Duration.ofSeconds(5))
                .failNext(Operation.ListWorkspaces, 1, FaultError.INTERNAL_ERROR);

        fake.faults().clear(Operation.GetDefaultWorkspace);

        long started = System.nanoTime();
        assertError(api.get("/api/v1/defaultWorkspaces"), 404, "100400027");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertError(api.get("/api/v1/workspaces"), 500, "InternalError");
    }

    @Test
    void throttlingUsesAlibabasCode() {
        fake.faults().failNext(Operation.CreateWorkspace, 1, FaultError.THROTTLING);

        assertError(
                api.post(
                        "/api/v1/workspaces",
                        "{\"WorkspaceName\":\"throttled\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"),
                400,
                "Throttling.User");
        assertThat(fake.workspaces()).isEmpty();
    }

    @Test
    void faultsApplyOnlyToTheirOperation() {
        fake.faults().failNext(Operation.CreateDefaultWorkspace, 1, FaultError.INTERNAL_ERROR);

        assertThat(api.post(
                                "/api/v1/workspaces",
                                "{\"WorkspaceName\":\"unaffected\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/defaultWorkspaces", "{}").status()).isEqualTo(500);
    }

    @Test
    void dropsTheConnectionWithoutAnAnswer() throws IOException {
        fake.faults().dropNext(Operation.GetDefaultWorkspace, 1);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fake.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write("GET /api/v1/defaultWorkspaces HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().readAllBytes()).isEmpty();
        }
        assertThat(api.get("/api/v1/defaultWorkspaces").status()).isEqualTo(404);
    }

    @Test
    void aDroppedCallFailsTheClient() {
        fake.faults().dropNext(Operation.GetDefaultWorkspace, 2);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v1/defaultWorkspaces"))
                .build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void addsLatency() {
        fake.faults().delay(Operation.GetDefaultWorkspace, Duration.ofMillis(300));

        long start = System.nanoTime();
        api.get("/api/v1/defaultWorkspaces");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void clearAndResetRemoveFaults() {
        fake.faults().failNext(Operation.GetDefaultWorkspace, 5, FaultError.INTERNAL_ERROR);
        fake.faults().clear();
        assertThat(api.get("/api/v1/defaultWorkspaces").status()).isEqualTo(404);

        fake.faults().failNext(Operation.GetDefaultWorkspace, 5, FaultError.INTERNAL_ERROR);
        fake.reset();
        assertThat(api.get("/api/v1/defaultWorkspaces").status()).isEqualTo(404);
    }
}
