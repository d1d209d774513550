package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the resource engine stores is part of the fake's whole state: seeds, snapshots, reset and a workspace's
 * deletion cover it, all or nothing.
 */
class ResourceStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SEED = """
            {"workspaces":[{"WorkspaceId":"7001","WorkspaceName":"data_ws"}],
             "resources":[
               {"Type":"Dataset","Id":"d-seeded","WorkspaceId":"7001",
                "Fields":{"Name":"images","Options":"{\\"mountPath\\":\\"/mnt/data/\\"}",
                          "Labels":[{"Key":"b","Value":"2"},{"Key":"a","Value":"1"}],
                          "GmtCreateTime":"2021-01-30T12:51:33.028Z"},
                "Counters":{"versions":1}},
               {"Type":"DatasetVersion","Id":"v1","ParentId":"d-seeded","Fields":{"Uri":"oss://b/k/"}}]}
            """;

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private JsonNode snapshot() throws Exception {
        return JSON.readTree(fake.snapshot());
    }

    @Test
    void aSeedsResourcesAreKeptAndSnapshotsRoundTripThem() throws Exception {
        fake.load(SEED);

        JsonNode resources = snapshot().path("resources");
        assertThat(resources).hasSize(2);
        JsonNode dataset = resources.get(0);
        assertThat(dataset.path("AccountId").asText()).isEqualTo(fake.account().accountId());
        assertThat(dataset.path("Fields").path("Options").asText()).isEqualTo("{\"mountPath\":\"/mnt/data/\"}");
        assertThat(dataset.path("Fields").path("Labels").toString())
                .isEqualTo("[{\"Key\":\"b\",\"Value\":\"2\"},{\"Key\":\"a\",\"Value\":\"1\"}]");
        assertThat(dataset.path("Fields").path("GmtCreateTime").asText()).isEqualTo("2021-01-30T12:51:33.028Z");
        assertThat(dataset.path("Counters").path("versions").asLong()).isEqualTo(1);

        try (PaiWorkspaceFake copy = PaiWorkspaceFake.builder().build().start()) {
            copy.load(fake.snapshot());
            assertThat(JSON.readTree(copy.snapshot()).path("resources")).isEqualTo(resources);
        }
    }

    @Test
    void aRefusedSeedChangesNothing() throws Exception {
        fake.load(SEED);
        String before = fake.snapshot();

        assertThatThrownBy(() -> fake.load("""
                        {"workspaces":[{"WorkspaceName":"another_ws"}],
                         "resources":[{"Type":"Dataset","Id":"d-seeded","WorkspaceId":"7001","Fields":{}}]}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resources[0]")
                .hasMessageContaining("already stored");
        assertThatThrownBy(() -> fake.load("""
                        {"workspaces":[],"resources":[{"Type":"Dataset","Id":"d-x","WorkspaceId":"999","Fields":{}}]}""")).hasMessageContaining("WorkspaceId 999");
        assertThatThrownBy(() -> fake.load("{\"workspaces\":[],\"resources\":[{\"Type\":\"Nonsense\",\"Id\":\"1\"}]}"))
                .hasMessageContaining("unknown type Nonsense");
        assertThat(fake.snapshot()).isEqualTo(before);
    }

    @Test
    void resetForgetsTheResources() throws Exception {
        fake.load(SEED);

        fake.reset();

        assertThat(snapshot().path("resources")).isEmpty();
    }

    @Test
    void aWorkspacesResourcesGoWithIt() throws Exception {
        fake.load(SEED);

        fake.deleteWorkspace("7001");

        assertThat(snapshot().path("resources")).isEmpty();
    }
}
