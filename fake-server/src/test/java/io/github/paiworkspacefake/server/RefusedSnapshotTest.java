package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.testsupport.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loading a seed and putting a snapshot are all-or-nothing: the whole input is checked first, also against what is
 * stored, and a refused one names the problem and leaves the state exactly as it was.
 */
class RefusedSnapshotTest {

    private static final String OTHER = "1999000000000009";

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().adminApi(true).maxWorkspaces(4).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    /** The state every test starts from: two workspaces, one of them the default, and an armed fault. */
    private String stored() {
        fake.load("""
                {"workspaces": [
                  {"WorkspaceId": "7001", "WorkspaceName": "kept_ws", "IsDefault": true},
                  {"WorkspaceId": "7002", "WorkspaceName": "other_kept", "Owner": {"AccountId": "1999000000000009"}}
                ]}""");
        fake.faults().failNext(Operation.GetDefaultWorkspace, 1, FaultError.THROTTLING);
        return fake.snapshot();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a WorkspaceId twice|{\"workspaces\":[{\"WorkspaceId\":\"8001\",\"WorkspaceName\":\"a_ws\"},{\"WorkspaceId\":\"8001\",\"WorkspaceName\":\"b_ws\"}]}|workspaces[1]: WorkspaceId \"8001\" appears twice",
                "a name twice for one account|{\"workspaces\":[{\"WorkspaceName\":\"a_ws\"},{\"WorkspaceName\":\"a_ws\",\"Owner\":{\"AccountId\":\"1557000000000001\"}}]}|workspaces[1]: WorkspaceName \"a_ws\" appears twice for account 1557000000000001",
                "two defaults for one account|{\"workspaces\":[{\"WorkspaceName\":\"a_ws\",\"IsDefault\":true,\"Owner\":{\"AccountId\":\""
                        + OTHER + "\"}},{\"WorkspaceName\":\"b_ws\",\"IsDefault\":true,\"Owner\":{\"AccountId\":\""
                        + OTHER + "\"}}]}|workspaces[1]: a second IsDefault workspace for account " + OTHER,
                "more than the capacity|{\"workspaces\":[{\"WorkspaceName\":\"a_ws\"},{\"WorkspaceName\":\"b_ws\"},{\"WorkspaceName\":\"c_ws\"}]}|the fake would hold 5 workspaces, more than its maximum of 4",
                "an id already stored|{\"workspaces\":[{\"WorkspaceName\":\"a_ws\"},{\"WorkspaceId\":\"7002\",\"WorkspaceName\":\"b_ws\"}]}|workspaces[1]: WorkspaceId \"7002\" is already stored",
                "a name already stored|{\"workspaces\":[{\"WorkspaceName\":\"a_ws\"},{\"WorkspaceName\":\"kept_ws\"}]}|workspaces[1]: WorkspaceName \"kept_ws\" is already used by account 1557000000000001's workspace 7001",
                "a second default beside the stored one|{\"workspaces\":[{\"WorkspaceName\":\"a_ws\",\"IsDefault\":true}]}|workspaces[0]: IsDefault, but account 1557000000000001 already has the default workspace 7001",
                "a bad member after good ones|{\"workspaces\":[{\"WorkspaceName\":\"a_ws\"},{\"WorkspaceName\":\"b_ws\",\"Status\":\"SLEEPING\"}]}|workspaces[1].Status"
            })
    void loadRefusesAndChangesNothing(String problem, String json, String message) {
        String before = stored();

        assertThatThrownBy(() -> fake.load(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);

        assertThat(fake.snapshot()).isEqualTo(before);
        assertThat(api.createWorkspace("still_works")).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a WorkspaceId twice|{\"workspaces\":[{\"WorkspaceId\":\"8001\",\"WorkspaceName\":\"a_ws\"},{\"WorkspaceId\":\"8001\",\"WorkspaceName\":\"b_ws\"}]}|WorkspaceId \"8001\" appears twice",
                "a name twice for one account|{\"workspaces\":[{\"WorkspaceName\":\"a_ws\"},{\"WorkspaceName\":\"a_ws\"}]}|WorkspaceName \"a_ws\" appears twice",
                "two defaults for one account|{\"workspaces\":[{\"WorkspaceName\":\"a_ws\",\"IsDefault\":true},{\"WorkspaceName\":\"b_ws\",\"IsDefault\":true}]}|a second IsDefault workspace",
                "more than the capacity|{\"workspaces\":[{\"WorkspaceName\":\"a_ws\"},{\"WorkspaceName\":\"b_ws\"},{\"WorkspaceName\":\"c_ws\"},{\"WorkspaceName\":\"d_ws\"},{\"WorkspaceName\":\"e_ws\"}]}|the fake would hold 5 workspaces",
                "a bad member after good ones|{\"workspaces\":[{\"WorkspaceName\":\"a_ws\"},{\"WorkspaceName\":\"b_ws\",\"Colour\":\"red\"}]}|unknown member",
                "not JSON|{\"workspaces\":[|not valid JSON",
                "no workspaces array|{}|workspaces"
            })
    void putRefusesAndChangesNothing(String problem, String json, String message) {
        String before = stored();

        ApiClient.Reply refused = api.put("/__admin/snapshot", json);

        assertError(refused, 400, "InvalidParameter");
        assertThat(refused.body().get("Message").asText()).contains(message);
        assertThat(fake.snapshot()).isEqualTo(before);
        assertError(api.get("/api/v1/defaultWorkspaces"), 400, "Throttling.User");
        assertThat(api.get("/api/v1/defaultWorkspaces")
                        .body()
                        .get("WorkspaceId")
                        .asText())
                .isEqualTo("7001");
    }

    @Test
    void putReplacesEverythingAtOnceIncludingIdsAndNamesAlreadyStored() {
        stored();

        ApiClient.Reply replaced = api.put(
                "/__admin/snapshot",
                "{\"workspaces\":[{\"WorkspaceId\":\"7001\",\"WorkspaceName\":\"other_kept\",\"IsDefault\":true}]}");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(fake.workspaces()).singleElement().satisfies(workspace -> {
            assertThat(workspace.workspaceId()).isEqualTo("7001");
            assertThat(workspace.workspaceName()).isEqualTo("other_kept");
        });
        assertThat(fake.defaultWorkspace())
                .get()
                .extracting(Workspace::workspaceId)
                .isEqualTo("7001");
    }

    @Test
    void loadAddsEverythingOrNothingAlsoFromAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String before = stored();
        Path seed = Files.writeString(
                dir.resolve("clashing-seed.json"),
                "{\"workspaces\":[{\"WorkspaceName\":\"new_ws\"},{\"WorkspaceId\":\"7001\",\"WorkspaceName\":\"x_ws\"}]}");

        assertThatThrownBy(() -> fake.load(seed))
                .hasMessageContaining("clashing-seed.json")
                .hasMessageContaining("WorkspaceId \"7001\" is already stored");
        assertThat(fake.snapshot()).isEqualTo(before);
    }
}
