package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotTest {

    private static final String SEED = """
            {"workspaces": [
              {"WorkspaceId": "7001", "WorkspaceName": "team_ws", "Description": "团队", "EnvTypes": ["dev", "prod"],
               "Status": "ENABLED", "GmtCreateTime": "2021-01-21T17:12:35.232Z", "IsDefault": true},
              {"WorkspaceName": "other_account_ws",
               "Owner": {"AccountId": "1999000000000009", "UserName": "someone"}}
            ]}
            """;

    @Test
    void loadsWorkspacesAndTheDefault() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            fake.load(SEED);
            ApiClient api = new ApiClient(fake.baseUrl());

            JsonNode team = api.get("/api/v1/workspaces/7001").body();
            assertThat(team.get("WorkspaceName").asText()).isEqualTo("team_ws");
            assertThat(team.get("Description").asText()).isEqualTo("团队");
            assertThat(team.get("GmtCreateTime").asText()).isEqualTo("2021-01-21T17:12:35.232Z");
            assertThat(team.get("IsDefault").asBoolean()).isTrue();
            assertThat(api.get("/api/v1/defaultWorkspaces")
                            .body()
                            .get("WorkspaceId")
                            .asText())
                    .isEqualTo("7001");
            assertThat(fake.workspaces())
                    .extracting(w -> w.owner().accountId())
                    .containsExactlyInAnyOrder(Account.DEFAULT.accountId(), "1999000000000009");
        }
    }

    @Test
    void snapshotRoundTripsTheWholeState() {
        try (PaiWorkspaceFake built = PaiWorkspaceFake.builder().build().start();
                PaiWorkspaceFake restored = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(built.baseUrl());
            String id = api.createWorkspace("built_by_test");
            api.post("/api/v1/defaultWorkspaces", "{\"Description\":\"默认\"}");
            built.setStatus(id, WorkspaceStatus.DISABLED);

            restored.load(built.snapshot());

            assertThat(restored.workspaces()).isEqualTo(built.workspaces());
            assertThat(restored.defaultWorkspace()).isEqualTo(built.defaultWorkspace());
            assertThat(restored.snapshot()).isEqualTo(built.snapshot());
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json|not valid JSON",
                "{\"workspaces\":{}}|\"workspaces\" array",
                "{\"workspaces\":[{\"Description\":\"d\"}]}|workspaces[0].WorkspaceName: required",
                "{\"workspaces\":[{\"WorkspaceName\":\"a\",\"Status\":\"SLEEPING\"}]}|workspaces[0].Status",
                "{\"workspaces\":[{\"WorkspaceName\":\"a\",\"GmtCreateTime\":\"yesterday\"}]}|workspaces[0].GmtCreateTime",
                "{\"workspaces\":[{\"WorkspaceName\":\"a\",\"Colour\":\"red\"}]}|unknown member \"Colour\"",
                "{\"workspaces\":[{\"WorkspaceName\":\"a\",\"IsDefault\":true},{\"WorkspaceName\":\"b\",\"IsDefault\":true}]}|second IsDefault",
                "{\"workspaces\":[{\"WorkspaceName\":\"a\"},{\"WorkspaceName\":\"a\"}]}|appears twice"
            })
    void invalidSeedsAreRefusedWithTheProblemNamedAndNothingStored(String json, String message) {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build()) {
            assertThatThrownBy(() -> fake.load(json))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(message);
            assertThat(fake.workspaces()).isEmpty();
        }
    }

    @Test
    void seedFileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("broken-seed.json"), "{\"workspaces\":[{}]}");
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build()) {
            assertThatThrownBy(() -> fake.load(seed))
                    .hasMessageContaining("broken-seed.json")
                    .hasMessageContaining("WorkspaceName");
            assertThatThrownBy(() -> fake.load(dir.resolve("missing.json"))).hasMessageContaining("missing.json");
        }
    }

    @Test
    void adminApiDumpsAndRestoresSnapshots() {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().adminApi(true).build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            api.createWorkspace("kept_in_snapshot");
            String snapshot = api.get("/__admin/snapshot").body().toString();
            api.createWorkspace("after_snapshot");

            assertThat(api.put("/__admin/snapshot", "").status()).isEqualTo(400);
            api.put("/__admin/snapshot", snapshot);

            assertThat(fake.workspaces()).extracting(Workspace::workspaceName).containsExactly("kept_in_snapshot");
            ApiClient.Reply bad = api.put("/__admin/snapshot", "{\"workspaces\":[{}]}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(fake.workspaces()).hasSize(1);
        }
    }
}
