package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workspace members and roles through HTTP, with the bodies the SDK and Terraform's member resource send. */
class MembersApiTest {

    private static final String OWNER_ID = Account.DEFAULT.accountId();

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().adminApi(true).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;
    private String members;

    @BeforeEach
    void workspaceWithUsers() {
        fake.addUser("210000000000000001", "alice");
        fake.addUser("210000000000000002", "bob");
        workspaceId = api.createWorkspace("team_ws");
        members = "/api/v1/workspaces/" + workspaceId + "/members";
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private ApiClient.Reply createMember(String userId, String... roles) {
        return api.post(
                members,
                "{\"Members\":[{\"UserId\":\"" + userId + "\",\"Roles\":[\"" + String.join("\",\"", roles) + "\"]}]}");
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(node ->
                values.add(member == null ? node.asText() : node.get(member).asText()));
        return values;
    }

    @Test
    void theCreatorIsAMemberWithTheOwnerRoleFromTheStart() {
        ApiClient.Reply list = api.get(members);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("TotalCount").isIntegralNumber()).isTrue();
        JsonNode owner = list.body().get("Members").get(0);
        assertThat(owner.get("UserId").asText()).isEqualTo(OWNER_ID);
        assertThat(owner.get("MemberId").asText()).isEqualTo(workspaceId + "-" + OWNER_ID);
        assertThat(texts(owner.get("Roles"), null)).containsExactly("PAI.WorkspaceOwner");
        assertThat(owner.get("AccountType").asText()).isEqualTo("1");
        assertThat(owner.get("MemberName").asText()).isEqualTo(Account.DEFAULT.userName());
        assertThat(owner.get("AccountName").asText()).isEqualTo(Account.DEFAULT.userName());
        assertThat(owner.get("GmtCreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(fake.members(workspaceId)).extracting(Member::roles).containsExactly(List.of(WorkspaceRoles.OWNER));
    }

    @Test
    void createMemberAddsUsersWithTheirRolesAndAnswersTheirMemberIds() {
        ApiClient.Reply reply = api.post(
                members,
                "{\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":"
                        + "[\"PAI.AlgoDeveloper\",\"PAI.LabelManager\"]},{\"UserId\":\"210000000000000002\",\"Roles\":[\"PAI.WorkspaceGuest\"]}]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("RequestId").asText()).isEqualTo(reply.requestIdHeader());
        JsonNode alice = reply.body().get("Members").get(0);
        assertThat(alice.get("MemberId").asText()).isEqualTo(workspaceId + "-210000000000000001");
        assertThat(alice.get("UserId").asText()).isEqualTo("210000000000000001");
        assertThat(alice.get("DisplayName").asText()).isEqualTo("alice");
        assertThat(texts(alice.get("Roles"), null)).containsExactly("PAI.AlgoDeveloper", "PAI.LabelManager");
        assertThat(api.get(members).body().get("TotalCount").asLong()).isEqualTo(3);
        JsonNode bob = api.get("/api/v1/workspaces/" + workspaceId + "/member?UserId=210000000000000002")
                .body();
        assertThat(bob.get("AccountType").asText()).isEqualTo("5");
        assertThat(texts(bob.get("Roles"), null)).containsExactly("PAI.WorkspaceGuest");
    }

    @Test
    void createMemberRefusesUnknownUsersExistingMembersAndBadRolesAndAddsNobody() {
        assertError(createMember("999"), 400, "InvalidParameter");
        assertError(createMember(OWNER_ID, "PAI.AlgoDeveloper"), 409, "MemberAlreadyExists");
        assertError(createMember("210000000000000001", "PAI.Nobody"), 400, "InvalidParameter");
        assertError(
                api.post(members, "{\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":[]}]}"),
                400,
                "InvalidParameter");
        assertError(api.post(members, "{\"Members\":[{\"UserId\":\"210000000000000001\"}]}"), 400, "MissingParameter");
        assertError(api.post(members, "{\"Members\":[{\"Roles\":[\"PAI.WorkspaceGuest\"]}]}"), 400, "MissingParameter");
        assertError(api.post(members, "{}"), 400, "MissingParameter");
        assertError(
                api.post(
                        members,
                        "{\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":[\"PAI.WorkspaceGuest\"]},"
                                + "{\"UserId\":\"999\",\"Roles\":[\"PAI.WorkspaceGuest\"]}]}"),
                400,
                "InvalidParameter");
        assertThat(fake.members(workspaceId)).hasSize(1);
    }

    @Test
    void aMemberIdIsStableForAUserWithinAWorkspace() {
        String first = createMember("210000000000000001", "PAI.AlgoDeveloper")
                .body()
                .at("/Members/0/MemberId")
                .asText();
        api.method("DELETE", members + "?MemberIds=" + first);

        String again = createMember("210000000000000001", "PAI.AlgoOperator")
                .body()
                .at("/Members/0/MemberId")
                .asText();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void listMembersFiltersByNameRolesAndUserAndPages() {
        createMember("210000000000000001", "PAI.AlgoDeveloper");
        createMember("210000000000000002", "PAI.WorkspaceAdmin", "PAI.AlgoOperator");

        assertThat(texts(api.get(members + "?MemberName=LIC").body().get("Members"), "UserId"))
                .containsExactly("210000000000000001");
        assertThat(texts(
                        api.get(members + "?Roles=PAI.AlgoOperator,PAI.WorkspaceOwner")
                                .body()
                                .get("Members"),
                        "UserId"))
                .containsExactly(OWNER_ID, "210000000000000002");
        assertThat(texts(api.get(members + "?UserId=210000000000000002").body().get("Members"), "UserId"))
                .containsExactly("210000000000000002");
        ApiClient.Reply page = api.get(members + "?PageNumber=2&PageSize=2");
        assertThat(texts(page.body().get("Members"), "UserId")).containsExactly("210000000000000002");
        assertThat(page.body().get("TotalCount").asLong()).isEqualTo(3);
        assertError(api.get(members + "?Roles=PAI.Bogus"), 400, "InvalidParameter");
        assertError(api.get(members + "?PageSize=0"), 400, "InvalidParameter");
    }

    @Test
    void getMemberTakesExactlyOneOfMemberIdAndUserId() {
        String memberId = createMember("210000000000000001", "PAI.AlgoDeveloper")
                .body()
                .at("/Members/0/MemberId")
                .asText();
        String member = "/api/v1/workspaces/" + workspaceId + "/member";

        JsonNode byId = api.get(member + "?MemberId=" + memberId).body();
        assertThat(byId.get("UserId").asText()).isEqualTo("210000000000000001");
        assertThat(byId.get("MemberName").asText()).isEqualTo("alice");
        assertThat(byId.get("RequestId").asText()).isNotBlank();
        assertThat(api.get(member + "?UserId=210000000000000001")
                        .body()
                        .get("MemberId")
                        .asText())
                .isEqualTo(memberId);
        assertError(api.get(member), 400, "InvalidParameter");
        assertError(api.get(member + "?MemberId=" + memberId + "&UserId=210000000000000001"), 400, "InvalidParameter");
        assertError(api.get(member + "?MemberId=424242-1"), 404, "100600006");
        assertError(api.get(member + "?UserId=210000000000000002"), 404, "100600006");
    }

    @Test
    void deleteMembersRemovesThemButNeverTheOwnerAndIgnoresUnknownIds() {
        String alice = createMember("210000000000000001", "PAI.AlgoDeveloper")
                .body()
                .at("/Members/0/MemberId")
                .asText();
        String bob = createMember("210000000000000002", "PAI.AlgoDeveloper")
                .body()
                .at("/Members/0/MemberId")
                .asText();
        String owner = workspaceId + "-" + OWNER_ID;

        ApiClient.Reply refused = api.method("DELETE", members + "?MemberIds=" + alice + "," + owner);
        assertError(refused, 400, "100600017");
        assertThat(refused.body().get("Message").asText()).isEqualTo("Owner not allowed to delete");
        assertThat(fake.members(workspaceId)).hasSize(3);

        ApiClient.Reply deleted = api.method("DELETE", members + "?MemberIds=" + alice + ",424242-9," + bob);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("RequestId").asText()).isNotBlank();
        assertThat(fake.members(workspaceId)).extracting(m -> m.user().userId()).containsExactly(OWNER_ID);
        assertThat(api.method("DELETE", members + "?MemberIds=" + alice).status())
                .isEqualTo(200);
        assertError(api.method("DELETE", members), 400, "MissingParameter");
    }

    @Test
    void rolesAreAddedAndRemovedOneAtATime() {
        String memberId = createMember("210000000000000001", "PAI.AlgoDeveloper")
                .body()
                .at("/Members/0/MemberId")
                .asText();
        String roles = members + "/" + memberId + "/roles/";

        assertThat(api.method("POST", roles + "PAI.WorkspaceAdmin").status()).isEqualTo(200);
        assertThat(api.method("POST", roles + "PAI.WorkspaceAdmin").status())
                .as("no change")
                .isEqualTo(200);
        assertThat(api.method("DELETE", roles + "PAI.AlgoDeveloper").status()).isEqualTo(200);

        assertThat(fake.members(workspaceId).get(1).roles()).containsExactly("PAI.WorkspaceAdmin");
        assertError(api.method("DELETE", roles + "PAI.WorkspaceAdmin"), 400, "InvalidParameter");
        assertError(api.method("POST", roles + "PAI.Bogus"), 400, "InvalidParameter");
        assertError(api.method("POST", members + "/424242-1/roles/PAI.WorkspaceAdmin"), 404, "100600006");
        assertError(
                api.method("DELETE", members + "/" + workspaceId + "-" + OWNER_ID + "/roles/PAI.WorkspaceOwner"),
                400,
                "InvalidParameter");
    }

    @Test
    void listWorkspaceUsersListsTheAccountsUsersWhoAreNotMembersYet() {
        createMember("210000000000000001", "PAI.AlgoDeveloper");
        String users = "/api/v1/workspaces/" + workspaceId + "/users";

        ApiClient.Reply reply = api.get(users);

        assertThat(reply.body().get("TotalCount").asLong()).isEqualTo(1);
        assertThat(texts(reply.body().get("Users"), "UserId")).containsExactly("210000000000000002");
        assertThat(texts(reply.body().get("Users"), "UserName")).containsExactly("bob");
        assertThat(api.get(users + "?UserName=ali").body().get("TotalCount").asLong())
                .isZero();
        assertThat(api.get(users + "?UserId=210000000000000002")
                        .body()
                        .get("TotalCount")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get(users + "?UserName=BO").body().get("TotalCount").asLong())
                .isEqualTo(1);
    }

    @Test
    void anotherAccountsWorkspaceAndUsersAreNotFound() {
        Account other = Account.of("2000000000000002", "other");
        Workspace theirs =
                fake.addWorkspace(Workspace.builder("theirs_ws").owner(other).build());
        fake.addUser(other, "220000000000000001", "carol");
        String theirMembers = "/api/v1/workspaces/" + theirs.workspaceId() + "/members";

        assertError(api.get(theirMembers), 404, "100400027");
        assertError(
                api.post(
                        theirMembers,
                        "{\"Members\":[{\"UserId\":\"220000000000000001\",\"Roles\":[\"PAI.WorkspaceGuest\"]}]}"),
                404,
                "100400027");
        assertError(createMember("220000000000000001", "PAI.WorkspaceGuest"), 400, "InvalidParameter");
        assertError(api.get("/api/v1/workspaces/" + theirs.workspaceId() + "/users"), 404, "100400027");
        assertThat(fake.members(theirs.workspaceId())).hasSize(1);
    }

    @Test
    void deletingAWorkspaceRemovesItsMembers() {
        createMember("210000000000000001", "PAI.AlgoDeveloper");

        api.method("DELETE", "/api/v1/workspaces/" + workspaceId);

        assertError(api.get(members), 404, "100400027");
        assertThatThrownBy(() -> fake.members(workspaceId)).isInstanceOf(IllegalArgumentException.class);
        String again = api.createWorkspace("team_ws");
        assertThat(fake.members(again)).hasSize(1);
    }

    @Test
    void theTypedApiAndTheAdminApiAddUsersAndMembers() {
        assertThat(api.post("/__admin/users", "{\"UserId\":\"210000000000000003\",\"UserName\":\"dave\"}")
                        .status())
                .isEqualTo(200);
        assertError(api.post("/__admin/users", "{\"UserId\":\"210000000000000004\"}"), 400, "MissingParameter");

        Member dave = fake.addMember(workspaceId, "210000000000000003", WorkspaceRoles.ADMIN);

        assertThat(dave.memberId()).isEqualTo(workspaceId + "-210000000000000003");
        assertThat(fake.users(fake.account()))
                .extracting(User::userName)
                .containsExactly(Account.DEFAULT.userName(), "alice", "bob", "dave");
        assertThatThrownBy(() -> fake.addMember(workspaceId, "210000000000000003", WorkspaceRoles.GUEST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already a member");
        assertThatThrownBy(() -> fake.addMember(workspaceId, "210000000000000001"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one role");
    }
}
