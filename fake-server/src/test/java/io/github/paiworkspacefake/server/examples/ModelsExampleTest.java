package io.github.paiworkspacefake.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Model;
import io.github.paiworkspacefake.server.ModelVersion;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.WorkspaceRoles;
import io.github.paiworkspacefake.testsupport.ApiClient;
import org.junit.jupiter.api.Test;

/** docs/models.md's examples of the typed model registry and of AccessKeys that act as RAM users, run. */
class ModelsExampleTest {

    @Test
    void registry() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            String workspaceId = new ApiClient(fake.baseUrl()).createWorkspace("ws_demo");
            // docs:begin registry
            Model model = fake.models().register(workspaceId, "churn", "oss://b/churn/1/", "oss://b/churn/2/");
            // versions 0.1.0 and 0.2.0, as CreateModelVersion names versions sent without a name
            fake.models().addVersion(model.modelId(), "1.0.0", "oss://b/churn/3/");
            ModelVersion latest = fake.models().latestVersion(model.modelId()).orElseThrow(); // 1.0.0
            ModelVersion read = fake.models().version(model.modelId(), "0.1.0").orElseThrow();
            assertThat(read.approvalStatus()).isEqualTo("Pending"); // the fake's default
            // docs:end registry
            assertThat(latest.versionName()).isEqualTo("1.0.0");
            assertThat(read.uri()).isEqualTo("oss://b/churn/1/");
        }
    }

    @Test
    void users() {
        // docs:begin users
        User alice = new User(Account.DEFAULT.accountId(), "210000000000000001", "alice", "alice");
        PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .accessKey("LTAI5tAccountKey", "account-secret") // the account itself: sees everything
                .accessKey("LTAI5tAliceKey", "alice-secret", alice) // RAM user alice
                .build()
                .start();
        // alice is one of the account's users now; make her a member of a workspace:
        // fake.addMember(workspaceId, alice.userId(), WorkspaceRoles.ALGO_DEVELOPER);
        // docs:end users
        try (fake) {
            assertThat(fake.users(fake.account())).contains(alice);
            assertThat(WorkspaceRoles.ALGO_DEVELOPER).isEqualTo("PAI.AlgoDeveloper");
        }
    }
}
