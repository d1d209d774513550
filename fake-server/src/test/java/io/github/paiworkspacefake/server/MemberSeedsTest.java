package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Users and members in seed files and snapshots: loaded all or nothing, and carried through a snapshot. */
class MemberSeedsTest {

    private static final String SEED = """
            {"users": [{"UserId": "210000000000000001", "UserName": "alice"},
                       {"AccountId": "2000000000000002", "UserId": "220000000000000001", "UserName": "carol", "DisplayName": "Carol"}],
             "workspaces": [
               {"WorkspaceId": "7001", "WorkspaceName": "team_ws", "Description": "team",
                "Members": [{"UserId": "210000000000000001", "Roles": ["PAI.AlgoDeveloper", "PAI.WorkspaceAdmin"]},
                            {"UserId": "1557000000000001", "Roles": ["PAI.LabelManager"]}]},
               {"WorkspaceId": "7002", "WorkspaceName": "other_ws", "Owner": {"AccountId": "2000000000000002"},
                "Members": [{"UserId": "220000000000000001", "Roles": ["PAI.WorkspaceGuest"], "GmtCreateTime": "2026-01-02T03:04:05.678Z"}]}
             ]}
            """;

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aSeedAddsUsersAndMembersBesideTheImpliedOwner() {
        fake.load(SEED);

        assertThat(fake.members("7001"))
                .extracting(m -> m.user().userId(), Member::roles)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "1557000000000001", List.of("PAI.LabelManager", "PAI.WorkspaceOwner")),
                        org.assertj.core.groups.Tuple.tuple(
                                "210000000000000001", List.of("PAI.AlgoDeveloper", "PAI.WorkspaceAdmin")));
        assertThat(fake.members("7002"))
                .extracting(m -> m.user().userName())
                .containsExactly("2000000000000002", "carol");
        assertThat(api.get("/api/v1/workspaces/7001/member?UserId=210000000000000001")
                        .body()
                        .get("MemberId")
                        .asText())
                .isEqualTo("7001-210000000000000001");
        assertThat(fake.users(fake.account())).extracting(User::userName).containsExactly("pai_fake_admin", "alice");
    }

    @Test
    void aSnapshotCarriesUsersAndMembersIntoAnotherFake() {
        fake.load(SEED);
        fake.addUser("210000000000000002", "bob");
        fake.addMember("7001", "210000000000000002", WorkspaceRoles.GUEST);

        try (PaiWorkspaceFake restored = PaiWorkspaceFake.builder().build().start()) {
            restored.load(fake.snapshot());

            assertThat(restored.members("7001")).isEqualTo(fake.members("7001"));
            assertThat(restored.members("7002")).isEqualTo(fake.members("7002"));
            assertThat(restored.users(fake.account())).isEqualTo(fake.users(fake.account()));
            assertThat(restored.snapshot()).isEqualTo(fake.snapshot());
        }
    }

    @Test
    void aBadMemberOrUserRefusesTheWholeDocumentAndChangesNothing() {
        fake.load(SEED);
        String before = fake.snapshot();

        for (String bad : List.of(
                "{\"workspaces\":[{\"WorkspaceName\":\"x_ws\",\"Members\":[{\"UserId\":\"999\",\"Roles\":[\"PAI.WorkspaceGuest\"]}]}]}",
                "{\"workspaces\":[{\"WorkspaceName\":\"x_ws\",\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":[\"PAI.Bogus\"]}]}]}",
                "{\"workspaces\":[{\"WorkspaceName\":\"x_ws\",\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":[]}]}]}",
                "{\"workspaces\":[{\"WorkspaceName\":\"x_ws\",\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":[\"PAI.WorkspaceGuest\"]},"
                        + "{\"UserId\":\"210000000000000001\",\"Roles\":[\"PAI.WorkspaceGuest\"]}]}]}",
                "{\"workspaces\":[{\"WorkspaceName\":\"x_ws\",\"Members\":[{\"UserId\":\"220000000000000001\",\"Roles\":[\"PAI.WorkspaceGuest\"]}]}]}",
                "{\"users\":[{\"UserId\":\"1557000000000001\",\"UserName\":\"me\"}],\"workspaces\":[]}",
                "{\"users\":[{\"UserId\":\"u1\",\"UserName\":\"a\"},{\"UserId\":\"u1\",\"UserName\":\"b\"}],\"workspaces\":[]}",
                "{\"users\":[{\"UserId\":\"u2\"}],\"workspaces\":[]}",
                "{\"users\":{},\"workspaces\":[]}",
                "{\"members\":[],\"workspaces\":[]}")) {
            assertThatThrownBy(() -> fake.load(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThat(fake.snapshot()).as(bad).isEqualTo(before);
        }
    }

    @Test
    void aSeededMemberMayNameAUserStoredEarlierButARestoreStartsFromItsOwnUsers() {
        fake.addUser("210000000000000009", "zed");
        String seed =
                "{\"workspaces\":[{\"WorkspaceName\":\"later_ws\",\"Members\":[{\"UserId\":\"210000000000000009\","
                        + "\"Roles\":[\"PAI.WorkspaceGuest\"]}]}]}";

        fake.load(seed);
        assertThat(fake.members(fake.workspaces().get(0).workspaceId())).hasSize(2);

        assertThat(api.put("/__admin/snapshot", seed).status())
                .as("admin API is off")
                .isEqualTo(404);
        try (PaiWorkspaceFake admin =
                PaiWorkspaceFake.builder().adminApi(true).build().start()) {
            admin.addUser("210000000000000009", "zed");
            ApiClient.Reply refused = new ApiClient(admin.baseUrl()).put("/__admin/snapshot", seed);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("Message").asText()).contains("210000000000000009");
            assertThat(admin.users(admin.account())).hasSize(2);
        }
    }
}
