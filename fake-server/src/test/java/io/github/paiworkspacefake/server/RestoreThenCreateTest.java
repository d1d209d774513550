package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A create after any restore succeeds: new ids never collide with ids already stored, however they got there. */
class RestoreThenCreateTest {

    /** Two workspaces and a default made by a fake of its own, with the ids a fresh fake would hand out next. */
    private static String snapshotOfAnotherFake() {
        try (PaiWorkspaceFake other = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(other.baseUrl());
            api.createWorkspace("first_ws");
            api.createWorkspace("second_ws");
            api.post("/api/v1/defaultWorkspaces", "{}");
            assertThat(other.workspaces())
                    .extracting(Workspace::workspaceId)
                    .containsExactly("100001", "100002", "100003");
            return other.snapshot();
        }
    }

    @Test
    void createAfterLoadingASnapshotGetsAFreshId() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            fake.load(snapshotOfAnotherFake());
            ApiClient api = new ApiClient(fake.baseUrl());

            ApiClient.Reply created = api.post(
                    "/api/v1/workspaces",
                    "{\"WorkspaceName\":\"after_load\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}");

            assertThat(created.status()).isEqualTo(200);
            assertThat(created.body().get("WorkspaceId").asText()).isEqualTo("100004");
            assertThat(fake.workspaces()).hasSize(4);
        }
    }

    @Test
    void createAfterPuttingASnapshotGetsAFreshId() {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().adminApi(true).build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            assertThat(api.put("/__admin/snapshot", snapshotOfAnotherFake()).status())
                    .isEqualTo(200);

            List<Integer> statuses = List.of(
                    api.post(
                                    "/api/v1/workspaces",
                                    "{\"WorkspaceName\":\"after_put\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}")
                            .status(),
                    api.post(
                                    "/api/v1/workspaces",
                                    "{\"WorkspaceName\":\"after_put_2\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}")
                            .status());

            assertThat(statuses).containsOnly(200);
            assertThat(fake.workspaces())
                    .extracting(Workspace::workspaceId)
                    .doesNotHaveDuplicates()
                    .hasSize(5);
        }
    }

    @Test
    void createDefaultAfterRestoreGetsAFreshIdAndName() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            fake.load("{\"workspaces\":[{\"WorkspaceId\":\"100001\",\"WorkspaceName\":\"default_100001\","
                    + "\"Owner\":{\"AccountId\":\"1999000000000009\"},\"IsDefault\":true}]}");
            ApiClient api = new ApiClient(fake.baseUrl());

            ApiClient.Reply created = api.post("/api/v1/defaultWorkspaces", "{}");

            assertThat(created.status()).isEqualTo(200);
            assertThat(fake.defaultWorkspace())
                    .get()
                    .extracting(Workspace::workspaceName)
                    .isEqualTo("default_100002");
        }
    }

    @Test
    void createAfterAddingAWorkspaceWithTheNextIdGetsAnother() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            fake.addWorkspace(
                    Workspace.builder("squatter").workspaceId("100001").build());
            fake.addWorkspace(
                    Workspace.builder("far_ahead").workspaceId("100007").build());
            ApiClient api = new ApiClient(fake.baseUrl());

            String id = api.createWorkspace("after_add");

            assertThat(id).isEqualTo("100008");
        }
    }

    @Test
    void aCustomGeneratorThatRepeatsAStoredIdIsAskedAgain() {
        Iterator<String> ids = List.of("ws-1", "ws-1", "ws-2").iterator();
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().idGenerator(ids::next).build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());

            assertThat(api.createWorkspace("one")).isEqualTo("ws-1");
            assertThat(api.createWorkspace("two")).isEqualTo("ws-2");
        }
    }

    @Test
    void aUsersOwnWorkspaceWithTheGeneratedNameNeverBlocksTheDefault() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            api.createWorkspace("default_100002"); // takes 100001; the default would be named default_100002

            ApiClient.Reply created = api.post("/api/v1/defaultWorkspaces", "{}");

            assertThat(created.status()).isEqualTo(200);
            Workspace defaultWorkspace = fake.defaultWorkspace().orElseThrow();
            assertThat(defaultWorkspace.workspaceId())
                    .isEqualTo(created.body().get("WorkspaceId").asText());
            assertThat(defaultWorkspace.workspaceName())
                    .isEqualTo("default_" + defaultWorkspace.workspaceId())
                    .isNotEqualTo("default_100002");
            assertThat(fake.workspaces()).hasSize(2);
        }
    }
}
