package io.github.paiworkspacefake.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.WorkspaceRoles;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ListPermissions and GetPermission answer from the calling user's roles in the workspace: the account's own user
 * (the owner of its workspaces) and RAM users signing with their own AccessKeys.
 */
class PermissionsApiTest {

    private static final String ALICE = "210000000000000001";

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
            .accessKey("LTAI5tOwner", "owner-secret")
            .accessKey("LTAI5tAlice", "alice-secret", Account.DEFAULT, ALICE)
            .accessKey("LTAI5tOther", "other-secret", Account.of("1557000000000777", "other"))
            .build()
            .start();
    private final OfficialSdk owner = new OfficialSdk(fake.endpoint(), "LTAI5tOwner", "owner-secret");
    private final OfficialSdk alice = new OfficialSdk(fake.endpoint(), "LTAI5tAlice", "alice-secret");
    private String workspaceId;

    @BeforeEach
    void workspaceWithAlice() throws Exception {
        fake.addUser(ALICE, "alice");
        workspaceId = (String) OfficialSdk.body(owner.createWorkspace(
                        Map.of("WorkspaceName", "perm_ws", "Description", "permissions", "EnvTypes", List.of("prod"))))
                .get("WorkspaceId");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static JsonNode json(Map<String, ?> response) {
        return ApiClient.JSON.valueToTree(OfficialSdk.body(response));
    }

    private JsonNode list(OfficialSdk client) throws Exception {
        return json(client.call(
                OfficialSdk.params("ListPermissions", "GET", "/api/v1/workspaces/" + workspaceId + "/permissions"),
                new OpenApiRequest()));
    }

    private JsonNode get(OfficialSdk client, String code, Map<String, String> query) throws Exception {
        return json(client.call(
                OfficialSdk.params(
                        "GetPermission", "GET", "/api/v1/workspaces/" + workspaceId + "/permissions/" + code),
                new OpenApiRequest().setQuery(query)));
    }

    private static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.get("Permissions")
                .forEach(
                        permission -> codes.add(permission.get("PermissionCode").asText()));
        return codes;
    }

    @Test
    void theOwnerHoldsEveryPermissionOnEveryEntity() throws Exception {
        JsonNode list = list(owner);

        assertThat(list.get("TotalCount").asLong())
                .isEqualTo(list.get("Permissions").size())
                .isGreaterThan(40);
        assertThat(codes(list)).contains("PaiDLC:CreateJob", "PaiDLC:GetTensorboard", "PaiWorkspace:UpdateConfigs");
        JsonNode rules = get(owner, "PaiDLC:StopJob", Map.of()).get("PermissionRules");
        assertThat(rules.toString())
                .isEqualTo(
                        "[{\"Accessibility\":\"PUBLIC\"},{\"Accessibility\":\"PRIVATE\",\"EntityAccessType\":\"ANY\"}]");
    }

    @Test
    void aUserWhoIsNoMemberHasNoPermission() throws Exception {
        assertThat(list(alice).get("Permissions")).isEmpty();
        JsonNode permission = get(alice, "PaiDLC:ListJobs", Map.of());
        assertThat(permission.get("PermissionCode").asText()).isEqualTo("PaiDLC:ListJobs");
        assertThat(permission.get("PermissionRules")).isEmpty();
    }

    @Test
    void aDeveloperMayCreateJobsAndActOnItsOwnPrivateOnes() throws Exception {
        fake.addMember(workspaceId, ALICE, WorkspaceRoles.ALGO_DEVELOPER);

        JsonNode rules = get(alice, "PaiDLC:CreateJob", Map.of()).get("PermissionRules");
        assertThat(rules.toString())
                .isEqualTo(
                        "[{\"Accessibility\":\"PUBLIC\"},{\"Accessibility\":\"PRIVATE\",\"EntityAccessType\":\"CREATOR\"}]");
        assertThat(get(alice, "PaiDLC:StopJob", Map.of("Accessibility", "PRIVATE", "Creator", ALICE))
                        .get("PermissionRules"))
                .hasSize(1);
        assertThat(get(alice, "PaiDLC:StopJob", Map.of("Accessibility", "PRIVATE", "Creator", "1557000000000001"))
                        .get("PermissionRules"))
                .isEmpty();
        assertThat(get(alice, "PaiWorkspace:UpdateConfigs", Map.of()).get("PermissionRules"))
                .isEmpty();
        assertThat(get(alice, "PaiWorkspace:ListConfigs", Map.of()).get("PermissionRules"))
                .isNotEmpty();
    }

    @Test
    void aGuestMayReadButNotCreate() throws Exception {
        fake.addMember(workspaceId, ALICE, WorkspaceRoles.GUEST);

        assertThat(get(alice, "PaiDLC:ListJobs", Map.of()).get("PermissionRules"))
                .isNotEmpty();
        assertThat(get(alice, "PaiDLC:CreateJob", Map.of()).get("PermissionRules"))
                .isEmpty();
        assertThat(codes(list(alice))).doesNotContain("PaiDLC:CreateJob");
    }

    @Test
    void aCustomRoleGrantsItsModulePermissions() throws Exception {
        Map<String, Object> body = OfficialSdk.body(owner.call(
                OfficialSdk.params("CreateWorkspaceRole", "POST", "/api/v1/workspaces/" + workspaceId + "/roles"),
                new OpenApiRequest()
                        .setBody(Map.of(
                                "RoleName",
                                "tensorboard-only",
                                "ModulePermissions",
                                List.of(Map.of(
                                        "ModuleName",
                                        "DLC",
                                        "PermissionType",
                                        "CustomPermissions",
                                        "Permissions",
                                        List.of(Map.of(
                                                "PermissionCodes",
                                                List.of("PaiDLC:GetTensorboard"),
                                                "PermissionRules",
                                                List.of(Map.of("Accessibility", "PUBLIC"))))))))));
        String jobId = (String) body.get("InstanceJobId");
        fake.addMember(workspaceId, ALICE, jobId.substring(jobId.indexOf("role-")));

        assertThat(codes(list(alice))).containsExactly("PaiDLC:GetTensorboard");
    }

    @Test
    void callerUidAsksForAnotherUserOfTheAccount() throws Exception {
        fake.addMember(workspaceId, ALICE, WorkspaceRoles.GUEST);

        assertThat(get(owner, "PaiDLC:CreateJob", Map.of("CallerUid", ALICE)).get("PermissionRules"))
                .isEmpty();
        assertThat(get(owner, "PaiDLC:CreateJob", Map.of()).get("PermissionRules"))
                .isNotEmpty();
    }

    @Test
    void permissionsOfAnotherAccountsWorkspaceAreNotFound() {
        OfficialSdk other = new OfficialSdk(fake.endpoint(), "LTAI5tOther", "other-secret");

        assertThatThrownBy(() -> list(other)).isInstanceOfSatisfying(TeaException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(404);
            assertThat(e.getCode()).isEqualTo("100400027");
        });
    }

    @Test
    void parametersAboutOtherCallersAreRefusedUnlessLenient() {
        assertThatThrownBy(() -> get(owner, "PaiDLC:ListJobs", Map.of("Option", "DisableRam")))
                .isInstanceOfSatisfying(
                        TeaException.class, e -> assertThat(e.getCode()).isEqualTo("UnsupportedParameter"));
    }
}
