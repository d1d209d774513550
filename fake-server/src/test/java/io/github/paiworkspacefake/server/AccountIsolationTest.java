package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each AccessKey acts as its account; accounts never see each other's workspaces. */
class AccountIsolationTest {

    private static final Account ALICE = Account.of("1111000000000001", "alice");
    private static final Account BOB = Account.of("2222000000000002", "bob");

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
            .accessKey("AK_ALICE", "alice-secret", ALICE)
            .accessKey("AK_BOB", "bob-secret", BOB)
            .build()
            .start();
    private final OfficialSdk alice = new OfficialSdk(fake.endpoint(), "AK_ALICE", "alice-secret");
    private final OfficialSdk bob = new OfficialSdk(fake.endpoint(), "AK_BOB", "bob-secret");

    @AfterEach
    void stop() {
        fake.close();
    }

    private static Map<String, Object> workspace(String name) {
        return Map.of("WorkspaceName", name, "Description", "d", "EnvTypes", List.of("prod"));
    }

    @Test
    void workspacesBelongToTheSigningAccount() throws Exception {
        String id = (String)
                OfficialSdk.body(alice.createWorkspace(workspace("alices"))).get("WorkspaceId");

        assertThat(OfficialSdk.body(alice.getWorkspace(id, true))).containsEntry("Creator", ALICE.accountId());
        assertThat(fake.workspace(id)).get().extracting(Workspace::owner).isEqualTo(ALICE);
    }

    @Test
    void anotherAccountsWorkspaceIsNotFound() throws Exception {
        String id = (String)
                OfficialSdk.body(alice.createWorkspace(workspace("private_ws"))).get("WorkspaceId");

        TeaException e = catchThrowableOfType(TeaException.class, () -> bob.getWorkspace(id, false));

        assertThat(e.getCode()).isEqualTo("100400027");
        assertThat(e.getStatusCode()).isEqualTo(404);
    }

    @Test
    void namesAreUniquePerAccount() throws Exception {
        alice.createWorkspace(workspace("same_name"));

        assertThat(bob.createWorkspace(workspace("same_name")).get("statusCode"))
                .isEqualTo(200);
        TeaException e = catchThrowableOfType(TeaException.class, () -> alice.createWorkspace(workspace("same_name")));
        assertThat(e.getCode()).isEqualTo("WorkspaceNameAlreadyExists");
    }

    @Test
    void eachAccountHasItsOwnDefaultWorkspace() throws Exception {
        String alicesDefault = (String)
                OfficialSdk.body(alice.createDefaultWorkspace(Map.of())).get("WorkspaceId");

        TeaException none = catchThrowableOfType(TeaException.class, () -> bob.getDefaultWorkspace(false));
        assertThat(none.getStatusCode()).isEqualTo(404);

        String bobsDefault =
                (String) OfficialSdk.body(bob.createDefaultWorkspace(Map.of())).get("WorkspaceId");
        assertThat(OfficialSdk.body(alice.getDefaultWorkspace(false))).containsEntry("WorkspaceId", alicesDefault);
        assertThat(OfficialSdk.body(bob.getDefaultWorkspace(false))).containsEntry("WorkspaceId", bobsDefault);
    }
}
