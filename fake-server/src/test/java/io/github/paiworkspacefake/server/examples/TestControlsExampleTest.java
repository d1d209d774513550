package io.github.paiworkspacefake.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.FaultError;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/test-controls.md's examples of faults, lifecycle and the journal, run. */
class TestControlsExampleTest {

    @Test
    void faults() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            // docs:begin faults
            fake.faults()
                    .failNext(Operation.CreateWorkspace, 2, FaultError.THROTTLING); // next 2 calls: 400 Throttling.User
            fake.faults().failNext(Operation.GetWorkspace, 1, FaultError.SERVICE_UNAVAILABLE); // 503 ServiceUnavailable
            fake.faults().delay(Operation.GetWorkspace, Duration.ofMillis(500)); // every call waits 500 ms
            fake.faults().dropNext(Operation.GetDefaultWorkspace, 1); // connection closed, no answer
            // docs:end faults
            assertThat(new ApiClient(fake.baseUrl()).postWorkspace("ws_demo").status())
                    .isEqualTo(400);
            fake.faults().clear();
        }
    }

    @Test
    void lifecycle() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            String id = new ApiClient(fake.baseUrl()).createWorkspace("ws_demo");
            // docs:begin lifecycle
            fake.enableAfterReads(id, 3); // INITIALIZING; ENABLED from the 3rd GetWorkspace/GetDefaultWorkspace on
            fake.enableAfter(id, Duration.ofSeconds(30)); // INITIALIZING; ENABLED once the fake's clock is 30 s on
            fake.setStatus(id, WorkspaceStatus.FAILURE); // creation failed
            PaiWorkspaceFake.builder()
                    .initialStatus(WorkspaceStatus.INITIALIZING); // every new workspace starts INITIALIZING
            // docs:end lifecycle
            assertThat(fake.workspace(id).orElseThrow().status()).isEqualTo(WorkspaceStatus.FAILURE);
        }
    }

    @Test
    void journal() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            new ApiClient(fake.baseUrl()).createWorkspace("ws_demo");
            // docs:begin journal
            assertThat(fake.requests(Operation.CreateWorkspace))
                    .singleElement()
                    .satisfies(r -> assertThat(r.body()).contains("\"WorkspaceName\":\"ws_demo\""));
            fake.requests(); // everything, oldest first; unknown routes have operation null
            fake.clearRequests();
            // docs:end journal
            assertThat(fake.requests()).isEmpty();
        }
    }
}
