package io.github.paiworkspacefake.server.settings;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.InstanceJob;
import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.WorkspaceRoles;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Custom workspace roles (CreateWorkspaceRole, GetWorkspaceRole, ListWorkspaceRoles, UpdateWorkspaceRole,
 * DeleteWorkspaceRoles), the instance jobs that create, update and delete them (GetInstanceJob), and members holding
 * them (CreateMember, AddMemberRole, RemoveMemberRole, ListMembers).
 */
class WorkspaceRolesApiTest {

    private static final String PERMISSIONS = "[{\"ModuleName\":\"DLC\",\"PermissionType\":\"ReadOnly\"},"
            + "{\"ModuleName\":\"Dataset\",\"PermissionType\":\"CustomPermissions\",\"Permissions\":[{"
            + "\"PermissionCodes\":[\"PaiWorkspace:GetDataset\"],"
            + "\"PermissionRules\":[{\"Accessibility\":\"PRIVATE\",\"EntityAccessType\":\"CREATOR\"}]}]}]";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().clock(clock).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;
    private String roles;

    @BeforeEach
    void workspace() {
        fake.addUser("210000000000000001", "alice");
        workspaceId = api.createWorkspace("role_ws");
        roles = "/api/v1/workspaces/" + workspaceId + "/roles";
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String createRole(String name) {
        ApiClient.Reply reply = api.post(
                roles,
                "{\"RoleName\":\"" + name + "\",\"RoleType\":\"custom\",\"ModulePermissions\":" + PERMISSIONS + "}");
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body().get("InstanceJobId").asText();
    }

    private JsonNode job(String id) {
        return api.get("/api/v1/instancejobs/" + id).body();
    }

    private static String roleIdOf(String jobId) {
        return jobId.substring(jobId.indexOf("role-"));
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(member).asText()));
        return values;
    }

    @Test
    void createAnswersAnInstanceJobThatHasSucceededAtOnceByDefault() {
        String jobId = createRole("dev-test");

        assertThat(jobId).matches("CreateWorkspaceCustomRole-role-[0-9a-z]{13}");
        JsonNode job = job(jobId);
        assertThat(job.get("Status").asText()).isEqualTo("Successful");
        assertThat(job.get("Type").asText()).isEqualTo("CreateWorkspaceCustomRole");
        assertThat(job.get("InstanceId").asText()).isEqualTo(roleIdOf(jobId));
        assertThat(job.get("InstanceJobId").asText()).isEqualTo(jobId);
        JsonNode role = api.get(roles + "/" + roleIdOf(jobId)).body();
        assertThat(role.get("Status").asText()).isEqualTo("Succeeded");
        assertThat(role.get("RoleName").asText()).isEqualTo("dev-test");
        assertThat(role.get("Creator").asText()).isEqualTo(fake.account().accountId());
        assertThat(role.get("ModulePermissions").toString()).isEqualTo(PERMISSIONS);
    }

    @Test
    void aHeldJobKeepsTheRoleCreatingUntilTestCodeCompletesIt() {
        fake.instanceJobs().hold();
        String jobId = createRole("held");

        assertThat(job(jobId).get("Status").asText()).isEqualTo("Creating");
        assertThat(api.get(roles + "/" + roleIdOf(jobId)).body().get("Status").asText())
                .isEqualTo("Creating");
        assertThat(api.get(roles + "?Status=Creating").body().get("TotalCount").asLong())
                .isEqualTo(1);

        InstanceJob done = fake.instanceJobs().complete(jobId);

        assertThat(done.status()).isEqualTo("Successful");
        assertThat(job(jobId).get("Status").asText()).isEqualTo("Successful");
        assertThat(api.get(roles + "/" + roleIdOf(jobId)).body().get("Status").asText())
                .isEqualTo("Succeeded");
    }

    @Test
    void aJobCanCompleteAfterReadsAfterADelayOrFail() {
        fake.instanceJobs().completeAfterReads(2);
        String byReads = createRole("by_reads");
        assertThat(job(byReads).get("Status").asText()).isEqualTo("Creating");
        assertThat(job(byReads).get("Status").asText()).isEqualTo("Successful");

        fake.instanceJobs().completeAfter(Duration.ofSeconds(30));
        String byTime = createRole("by_time");
        assertThat(job(byTime).get("Status").asText()).isEqualTo("Creating");
        clock.now = clock.now.plusSeconds(30);
        assertThat(job(byTime).get("Status").asText()).isEqualTo("Successful");

        fake.instanceJobs().hold();
        String failing = createRole("failing");
        fake.instanceJobs().fail(failing, "quota of roles reached");
        JsonNode failed = job(failing);
        assertThat(failed.get("Status").asText()).isEqualTo("Failed");
        assertThat(failed.get("ReasonMessage").asText()).isEqualTo("quota of roles reached");
        assertThat(api.get(roles + "/" + roleIdOf(failing)).body().get("Status").asText())
                .isEqualTo("Failed");
    }

    @Test
    void anUpdateTakesEffectWhenItsJobSucceeds() {
        String roleId = roleIdOf(createRole("before"));
        fake.instanceJobs().hold();

        ApiClient.Reply update = api.put(roles + "/" + roleId, "{\"RoleName\":\"after\",\"ModulePermissions\":[]}");

        String jobId = update.body().get("InstanceJobId").asText();
        assertThat(jobId).isEqualTo("UpdateWorkspaceCustomRole-" + roleId);
        JsonNode during = api.get(roles + "/" + roleId).body();
        assertThat(during.get("Status").asText()).isEqualTo("Updating");
        assertThat(during.get("RoleName").asText()).isEqualTo("before");
        assertError(api.put(roles + "/" + roleId, "{\"RoleName\":\"again\"}"), 409, "IncorrectWorkspaceRoleStatus");

        fake.instanceJobs().complete(jobId);

        JsonNode after = api.get(roles + "/" + roleId).body();
        assertThat(after.get("RoleName").asText()).isEqualTo("after");
        assertThat(after.get("ModulePermissions")).isEmpty();
        assertThat(after.get("Status").asText()).isEqualTo("Succeeded");
    }

    @Test
    void listAnswersTheWorkspacesCustomRolesWithTheirPermissionsOnlyWhenAsked() {
        createRole("b_role");
        createRole("a_role");

        JsonNode plain = api.get(roles).body();
        assertThat(plain.get("TotalCount").asLong()).isEqualTo(2);
        assertThat(texts(plain.get("Roles"), "RoleName")).containsExactly("b_role", "a_role");
        assertThat(plain.at("/Roles/0").has("ModulePermissions")).isFalse();
        JsonNode verbose = api.get(roles + "?VerboseFields=ModulePermissions&Order=DESC&PageSize=1")
                .body();
        assertThat(texts(verbose.get("Roles"), "RoleName")).containsExactly("a_role");
        assertThat(verbose.at("/Roles/0/ModulePermissions")).hasSize(2);
        assertThat(api.get(roles + "?RoleName=b_").body().get("TotalCount").asLong())
                .isEqualTo(1);
    }

    @Test
    void deleteStartsJobsThatRemoveTheRoles() {
        String roleId = roleIdOf(createRole("gone"));

        assertThat(api.post(roles + "/action/delete", "{\"RoleIds\":[\"" + roleId + "\"]}")
                        .status())
                .isEqualTo(200);

        assertError(api.get(roles + "/" + roleId), 404, "WorkspaceRoleNotFound");
        assertThat(job("DeleteWorkspaceCustomRole-" + roleId).get("Status").asText())
                .isEqualTo("Successful");
        assertError(
                api.post(roles + "/action/delete", "{\"RoleIds\":[\"" + roleId + "\"]}"), 404, "WorkspaceRoleNotFound");
    }

    @Test
    void roleNamesAreUniqueInAWorkspaceAndFollowTheReferencesRule() {
        createRole("dup");

        assertError(api.post(roles, "{\"RoleName\":\"dup\"}"), 409, "WorkspaceRoleNameAlreadyExists");
        assertError(api.post(roles, "{\"RoleName\":\"has space\"}"), 400, "InvalidParameter");
        assertError(api.post(roles, "{\"RoleName\":\"" + "x".repeat(65) + "\"}"), 400, "InvalidParameter");
        assertError(api.post(roles, "{}"), 400, "MissingParameter");
        assertError(api.post(roles, "{\"RoleName\":\"t\",\"RoleType\":\"system\"}"), 400, "InvalidParameter");
        assertError(
                api.post(
                        roles,
                        "{\"RoleName\":\"t\",\"ModulePermissions\":[{\"ModuleName\":\"DLC\",\"PermissionType\":\"CustomPermissions\"}]}"),
                400,
                "MissingParameter");
        assertError(
                api.post(
                        roles,
                        "{\"RoleName\":\"t\",\"ModulePermissions\":[{\"ModuleName\":\"Nope\",\"PermissionType\":\"ReadOnly\"}]}"),
                400,
                "InvalidParameter");
        assertThat(api.get(roles).body().get("TotalCount").asLong()).isEqualTo(1);
    }

    @Test
    void builtInRolesAreNotRolesOfTheseOperations() {
        assertError(api.get(roles + "/" + WorkspaceRoles.ADMIN), 404, "WorkspaceRoleNotFound");
        assertError(
                api.post(roles + "/action/delete", "{\"RoleIds\":[\"PAI.WorkspaceAdmin\"]}"),
                404,
                "WorkspaceRoleNotFound");
    }

    @Test
    void membersMayBeGivenTheWorkspacesCustomRolesBesideBuiltInOnes() {
        String roleId = roleIdOf(createRole("reviewer"));
        String members = "/api/v1/workspaces/" + workspaceId + "/members";

        ApiClient.Reply created = api.post(
                members,
                "{\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":[\"PAI.AlgoDeveloper\",\"" + roleId
                        + "\"]}]}");

        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        assertThat(fake.members(workspaceId))
                .filteredOn(member -> member.user().userId().equals("210000000000000001"))
                .singleElement()
                .extracting(Member::roles)
                .isEqualTo(List.of(WorkspaceRoles.ALGO_DEVELOPER, roleId));
        assertThat(api.get(members + "?Roles=" + roleId)
                        .body()
                        .get("TotalCount")
                        .asLong())
                .isEqualTo(1);
        String memberId = workspaceId + "-210000000000000001";
        assertThat(api.method("DELETE", members + "/" + memberId + "/roles/" + roleId)
                        .status())
                .isEqualTo(200);
        assertThat(api.post(members + "/" + memberId + "/roles/" + roleId, "{}").status())
                .isEqualTo(200);
    }

    @Test
    void aRoleNotOfTheWorkspaceNotReadyOrHeldByMembersIsRefusedAsSuch() {
        String members = "/api/v1/workspaces/" + workspaceId + "/members";
        assertError(
                api.post(
                        members, "{\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":[\"role-nosuchrole\"]}]}"),
                400,
                "InvalidParameter");
        fake.instanceJobs().hold();
        String creating = roleIdOf(createRole("creating"));
        assertError(
                api.post(
                        members,
                        "{\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":[\"" + creating + "\"]}]}"),
                400,
                "InvalidParameter");
        fake.instanceJobs().completeAtOnce();
        String held = roleIdOf(createRole("held_by_alice"));
        api.post(members, "{\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":[\"" + held + "\"]}]}");

        assertError(api.post(roles + "/action/delete", "{\"RoleIds\":[\"" + held + "\"]}"), 400, "InvalidParameter");
        assertThat(api.get(roles + "/" + held).body().get("Status").asText()).isEqualTo("Succeeded");
        assertThatThrownBy(() -> fake.addMember(workspaceId, "210000000000000002", "role-nosuchrole"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResetForgetsJobsAndEndsNewOnesAtOnceAgain() {
        fake.instanceJobs().hold();
        String jobId = createRole("held");

        fake.reset();

        assertError(api.get("/api/v1/instancejobs/" + jobId), 404, "InstanceJobNotFound");
        assertThat(fake.instanceJobs().jobs()).isEmpty();
        workspaceId = api.createWorkspace("role_ws");
        roles = "/api/v1/workspaces/" + workspaceId + "/roles";
        assertThat(job(createRole("after_reset")).get("Status").asText()).isEqualTo("Successful");
    }
}
