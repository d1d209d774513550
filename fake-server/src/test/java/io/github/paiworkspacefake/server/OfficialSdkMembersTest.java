package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The member operations through the official SDK runtime in strict mode, with the generated client's Params (its
 * path ids through {@code getEncodeParam}), as Terraform's member resource uses them.
 */
class OfficialSdkMembersTest {

    private static final String KEY_ID = "LTAI5tMembersKey";
    private static final String SECRET = "MembersSecret0123456789";

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start();
    private final OfficialSdk sdk = new OfficialSdk(fake.endpoint(), fake.accessKeyId(), fake.accessKeySecret());
    private String workspaceId;

    @BeforeEach
    void workspace() throws Exception {
        fake.addUser("210000000000000001", "alice");
        workspaceId = (String) OfficialSdk.body(sdk.createWorkspace(
                        Map.of("WorkspaceName", "sdk_members", "Description", "d", "EnvTypes", List.of("prod"))))
                .get("WorkspaceId");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String path(String suffix) throws Exception {
        return "/api/v1/workspaces/" + com.aliyun.openapiutil.Client.getEncodeParam(workspaceId) + suffix;
    }

    private Map<String, Object> call(String action, String method, String pathname, OpenApiRequest request)
            throws Exception {
        return OfficialSdk.body(sdk.call(OfficialSdk.params(action, method, pathname), request));
    }

    @Test
    void terraformsMemberResourceCycle() throws Exception {
        Map<String, Object> created = call(
                "CreateMember",
                "POST",
                path("/members"),
                new OpenApiRequest()
                        .setBody(Map.of(
                                "Members",
                                List.of(Map.of(
                                        "UserId", "210000000000000001", "Roles", List.of("PAI.AlgoDeveloper"))))));
        @SuppressWarnings("unchecked")
        String memberId = (String)
                ((List<Map<String, Object>>) created.get("Members")).get(0).get("MemberId");
        assertThat(created).containsOnlyKeys("RequestId", "Members");

        Map<String, Object> read =
                call("GetMember", "GET", path("/member"), new OpenApiRequest().setQuery(Map.of("MemberId", memberId)));
        assertThat(read)
                .containsEntry("UserId", "210000000000000001")
                .containsEntry("Roles", List.of("PAI.AlgoDeveloper"))
                .containsKeys("GmtCreateTime", "AccountType", "DisplayName", "MemberName", "RequestId");

        String roles = path("/members/" + com.aliyun.openapiutil.Client.getEncodeParam(memberId) + "/roles/");
        call("AddMemberRole", "POST", roles + "PAI.WorkspaceAdmin", new OpenApiRequest());
        call("RemoveMemberRole", "DELETE", roles + "PAI.AlgoDeveloper", new OpenApiRequest());
        Map<String, Object> listed = call(
                "ListMembers",
                "GET",
                path("/members"),
                new OpenApiRequest()
                        .setQuery(Map.of("Roles", "PAI.WorkspaceAdmin", "PageNumber", "1", "PageSize", "10")));
        assertThat(((Number) listed.get("TotalCount")).longValue()).isEqualTo(1);

        assertThat(call(
                        "DeleteMembers",
                        "DELETE",
                        path("/members"),
                        new OpenApiRequest().setQuery(Map.of("MemberIds", memberId))))
                .containsOnlyKeys("RequestId");
        TeaException gone = catchThrowableOfType(
                TeaException.class,
                () -> call(
                        "GetMember",
                        "GET",
                        path("/member"),
                        new OpenApiRequest().setQuery(Map.of("MemberId", memberId))));
        assertThat(gone.getCode()).isEqualTo("100600006");
        assertThat(gone.getStatusCode()).isEqualTo(404);

        Map<String, Object> users = call("ListWorkspaceUsers", "GET", path("/users"), new OpenApiRequest());
        assertThat(((Number) users.get("TotalCount")).longValue()).isEqualTo(1);
        assertThat(users.get("Users")).isEqualTo(List.of(Map.of("UserId", "210000000000000001", "UserName", "alice")));
    }

    @Test
    void deletingTheOwnerReachesTerraformAsItsExpectedCode() {
        TeaException refused = catchThrowableOfType(
                TeaException.class,
                () -> call(
                        "DeleteMembers",
                        "DELETE",
                        path("/members"),
                        new OpenApiRequest()
                                .setQuery(Map.of("MemberIds", workspaceId + "-" + Account.DEFAULT.accountId()))));

        assertThat(refused.getCode()).isEqualTo("100600017");
        assertThat(refused.getMessage()).contains("Owner not allowed to delete");
    }
}
