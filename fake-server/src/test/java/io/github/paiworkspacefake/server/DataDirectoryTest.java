package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fake with a data directory keeps everything a client or test code changed, and the id sequences, across a close
 * and a new fake on the same directory; the directory is one fake's at a time.
 */
class DataDirectoryTest {

    @TempDir
    Path dir;

    private PaiWorkspaceFake durable() {
        return PaiWorkspaceFake.builder()
                .adminApi(true)
                .dataDirectory(dir)
                .build()
                .start();
    }

    private static ApiClient.Reply createMember(ApiClient api, String workspaceId, String userId, String role) {
        return api.post(
                "/api/v1/workspaces/" + workspaceId + "/members",
                "{\"Members\":[{\"UserId\":\"" + userId + "\",\"Roles\":[\"" + role + "\"]}]}");
    }

    @Test
    void everyChangeAClientMadeIsThereAfterARestart() {
        String before;
        String kept;
        String removed;
        try (PaiWorkspaceFake fake = durable()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            fake.addUser("210000000000000001", "alice");
            kept = api.createWorkspace("kept_ws");
            removed = api.createWorkspace("removed_ws");
            assertThat(api.put("/api/v1/workspaces/" + kept, "{\"DisplayName\":\"Kept\",\"Description\":\"updated\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(createMember(api, kept, "210000000000000001", "PAI.AlgoDeveloper")
                            .status())
                    .isEqualTo(200);
            assertThat(api.post("/api/v1/defaultWorkspaces", "{\"Description\":\"mine\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(api.method("DELETE", "/api/v1/workspaces/" + removed).status())
                    .isEqualTo(200);
            assertThat(fake.dataDirectory()).contains(dir.toAbsolutePath().normalize());
            assertThat(fake.resumed()).isFalse();
            before = fake.snapshot();
        }

        try (PaiWorkspaceFake restarted = durable()) {
            ApiClient api = new ApiClient(restarted.baseUrl());

            assertThat(restarted.resumed()).isTrue();
            assertThat(restarted.snapshot()).isEqualTo(before);
            JsonNode workspace = api.get("/api/v1/workspaces/" + kept).body();
            assertThat(workspace.get("DisplayName").asText()).isEqualTo("Kept");
            assertThat(workspace.get("Description").asText()).isEqualTo("updated");
            assertError(api.get("/api/v1/workspaces/" + removed), 404, "100400027");
            assertThat(api.get("/api/v1/defaultWorkspaces")
                            .body()
                            .get("Description")
                            .asText())
                    .isEqualTo("mine");
            assertThat(api.get("/api/v1/workspaces/" + kept + "/members")
                            .body()
                            .get("TotalCount")
                            .asInt())
                    .isEqualTo(2);
            assertThat(restarted.users(restarted.account()))
                    .extracting(User::userName)
                    .contains("alice");
        }
    }

    @Test
    void idsContinueAfterARestartAsIfTheFakeHadNotStopped() {
        String first;
        try (PaiWorkspaceFake fake = durable()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            first = api.createWorkspace("first_ws");
            String second = api.createWorkspace("second_ws");
            fake.deleteWorkspace(second);
            fake.deleteWorkspace(first);
        }

        try (PaiWorkspaceFake restarted = durable()) {
            String next = new ApiClient(restarted.baseUrl()).createWorkspace("after_restart");

            assertThat(Long.parseLong(next)).isEqualTo(Long.parseLong(first) + 2);
        }
    }

    @Test
    void resetLoadRestoreAndStatusChangesAreKept() {
        try (PaiWorkspaceFake fake = durable()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            api.createWorkspace("gone_after_reset");
            assertThat(api.post("/__admin/reset", "{}").status()).isEqualTo(200);
            fake.load("{\"workspaces\":[{\"WorkspaceId\":\"7001\",\"WorkspaceName\":\"loaded_ws\"}]}");
            fake.setStatus("7001", WorkspaceStatus.FAILURE);
        }
        try (PaiWorkspaceFake restarted = durable()) {
            assertThat(restarted.workspaces()).singleElement().satisfies(workspace -> {
                assertThat(workspace.workspaceName()).isEqualTo("loaded_ws");
                assertThat(workspace.status()).isEqualTo(WorkspaceStatus.FAILURE);
            });
            ApiClient api = new ApiClient(restarted.baseUrl());
            assertThat(api.put(
                                    "/__admin/snapshot",
                                    "{\"workspaces\":[{\"WorkspaceId\":\"8001\",\"WorkspaceName\":\"restored_ws\"}]}")
                            .status())
                    .isEqualTo(200);
        }
        try (PaiWorkspaceFake again = durable()) {
            assertThat(again.workspaces()).extracting(Workspace::workspaceId).containsExactly("8001");
        }
    }

    @Test
    void aSecondFakeOnTheSameDirectoryIsRefusedUntilTheFirstIsClosed() {
        try (PaiWorkspaceFake first = durable()) {
            assertThatThrownBy(
                            () -> PaiWorkspaceFake.builder().dataDirectory(dir).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another fake of this JVM")
                    .hasMessageContaining(dir.resolve("lock").toString());
            first.addWorkspace(Workspace.builder("still_served").build());
        }
        try (PaiWorkspaceFake second = durable()) {
            assertThat(second.workspaces()).extracting(Workspace::workspaceName).containsExactly("still_served");
        }
    }

    @Test
    void aClosedFakeRefusesChangesItCouldNoLongerKeep() {
        PaiWorkspaceFake fake = durable();
        fake.close();

        assertThatThrownBy(() -> fake.addWorkspace(Workspace.builder("too_late").build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released");
        assertThat(fake.workspaces()).isEmpty();
    }

    @Test
    void theDirectoryHoldsOneGenerationAndItsCheckpointLoadsIntoAnInMemoryFake() throws Exception {
        String before;
        try (PaiWorkspaceFake fake = durable()) {
            fake.load("{\"workspaces\":[{\"WorkspaceId\":\"7001\",\"WorkspaceName\":\"loaded_ws\"}]}");
            before = fake.snapshot();
        }
        List<String> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.map(path -> path.getFileName().toString()).sorted().toList();
        }
        assertThat(files).hasSize(3).contains("lock");
        assertThat(files).anySatisfy(name -> assertThat(name).matches("state-\\d{20}\\.json"));
        assertThat(files).anySatisfy(name -> assertThat(name).matches("log-\\d{20}\\.wal"));
        Path checkpoint = dir.resolve(
                files.stream().filter(n -> n.startsWith("state-")).findFirst().orElseThrow());

        try (PaiWorkspaceFake inMemory = PaiWorkspaceFake.builder().build()) {
            inMemory.load(checkpoint);
            assertThat(inMemory.snapshot()).isEqualTo(before);
            assertThat(inMemory.dataDirectory()).isEmpty();
        }
    }
}
