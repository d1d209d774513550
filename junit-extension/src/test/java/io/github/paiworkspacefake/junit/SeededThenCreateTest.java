package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

/** A fake seeded by the annotation with ids its own sequence would hand out still creates without a clash. */
@WithFakePaiWorkspace(seed = "seeds/sequence-ids.json")
class SeededThenCreateTest {

    @Test
    void createAfterTheSeedGetsTheNextFreeId(PaiWorkspaceFake fake) throws Exception {
        ApiClient.Reply created = new ApiClient(fake.baseUrl()).postWorkspace("after_seed");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("WorkspaceId").asText()).isEqualTo("100003");
        assertThat(fake.workspaces()).extracting(Workspace::workspaceId).containsExactly("100001", "100002", "100003");
    }
}
