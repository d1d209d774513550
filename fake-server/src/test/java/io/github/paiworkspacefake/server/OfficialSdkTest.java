package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The official SDK runtime works against the fake unchanged, and sees every error as a TeaException. */
class OfficialSdkTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final OfficialSdk sdk = new OfficialSdk(fake.endpoint(), fake.accessKeyId(), fake.accessKeySecret());

    @AfterEach
    void stop() {
        fake.close();
    }

    private static Map<String, Object> workspace(String name) {
        return Map.of("WorkspaceName", name, "Description", "通过 SDK 创建", "EnvTypes", List.of("dev", "prod"));
    }

    @Test
    void createWorkspaceAnswersRequestIdAndWorkspaceIdAsStrings() throws Exception {
        Map<String, ?> response = sdk.createWorkspace(workspace("sdk_created"));

        assertThat(response.get("statusCode")).isEqualTo(200);
        assertThat(OfficialSdk.body(response)).containsOnlyKeys("RequestId", "WorkspaceId");
        assertThat(OfficialSdk.body(response).get("WorkspaceId")).isInstanceOf(String.class);
        assertThat(OfficialSdk.body(response).get("RequestId")).isInstanceOf(String.class);
    }

    @Test
    void getWorkspaceCarriesEveryFieldWithTheSdkTypes() throws Exception {
        String id = (String)
                OfficialSdk.body(sdk.createWorkspace(workspace("sdk_get"))).get("WorkspaceId");

        Map<String, Object> body = OfficialSdk.body(sdk.getWorkspace(id, null));

        assertThat(body)
                .containsOnlyKeys(
                        "RequestId",
                        "WorkspaceId",
                        "WorkspaceName",
                        "GmtCreateTime",
                        "GmtModifiedTime",
                        "DisplayName",
                        "Description",
                        "EnvTypes",
                        "Creator",
                        "Status",
                        "IsDefault",
                        "ExtraInfos",
                        "ResourceGroupId");
        assertThat(body)
                .containsEntry("WorkspaceName", "sdk_get")
                .containsEntry("Description", "通过 SDK 创建")
                .containsEntry("DisplayName", "sdk_get")
                .containsEntry("Status", "ENABLED")
                .containsEntry("IsDefault", false)
                .containsEntry("EnvTypes", List.of("dev", "prod"));
        assertThat(body.get("ExtraInfos")).isInstanceOf(Map.class);
    }

    @Test
    void getWorkspaceVerboseAddsOwnerAndAdminNames() throws Exception {
        String id = (String)
                OfficialSdk.body(sdk.createWorkspace(workspace("sdk_verbose"))).get("WorkspaceId");

        Map<String, Object> verbose = OfficialSdk.body(sdk.getWorkspace(id, true));
        Map<String, Object> quiet = OfficialSdk.body(sdk.getWorkspace(id, false));

        assertThat(verbose).containsEntry("AdminNames", List.of(Account.DEFAULT.userName()));
        assertThat(verbose.get("Owner"))
                .isEqualTo(Map.of(
                        "UserKp",
                        Account.DEFAULT.accountId(),
                        "UserId",
                        Account.DEFAULT.accountId(),
                        "UserName",
                        Account.DEFAULT.userName(),
                        "DisplayName",
                        Account.DEFAULT.displayName()));
        assertThat(quiet).doesNotContainKeys("Owner", "AdminNames");
    }

    @Test
    void createAndGetDefaultWorkspaceWithConditionCodesAsLongs() throws Exception {
        Map<String, ?> created = sdk.createDefaultWorkspace(Map.of(
                "Description",
                "default",
                "EnvTypes",
                List.of("prod"),
                "Resources",
                List.of(Map.of("ProductType", "PAI"))));
        String id = (String) OfficialSdk.body(created).get("WorkspaceId");

        Map<String, Object> body = OfficialSdk.body(sdk.getDefaultWorkspace(true));

        assertThat(body).containsEntry("WorkspaceId", id).containsKeys("Owner", "Conditions", "Status", "Creator");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) body.get("Conditions");
        assertThat(conditions).isNotEmpty().allSatisfy(condition -> {
            assertThat(condition.get("Code")).isEqualTo(200L);
            assertThat(condition.get("Type")).isInstanceOf(String.class);
        });
        assertThat(OfficialSdk.body(sdk.getDefaultWorkspace(null))).doesNotContainKey("Conditions");
    }

    @Test
    void invalidParameterSurfacesAsTeaException() {
        TeaException e = catchThrowableOfType(
                TeaException.class,
                () -> sdk.createWorkspace(
                        Map.of("WorkspaceName", "1bad", "Description", "d", "EnvTypes", List.of("prod"))));

        assertThat(e.getCode()).isEqualTo("InvalidParameter");
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertRequestIdAndMessage(e);
    }

    @Test
    void takenNameSurfacesAsTeaException() throws Exception {
        sdk.createWorkspace(workspace("sdk_taken"));

        TeaException e = catchThrowableOfType(TeaException.class, () -> sdk.createWorkspace(workspace("sdk_taken")));

        assertThat(e.getCode()).isEqualTo("WorkspaceNameAlreadyExists");
        assertThat(e.getStatusCode()).isEqualTo(409);
        assertRequestIdAndMessage(e);
    }

    @Test
    void unknownWorkspaceSurfacesAsTeaException() {
        TeaException e = catchThrowableOfType(TeaException.class, () -> sdk.getWorkspace("424242", true));

        assertThat(e.getCode()).isEqualTo("100400027");
        assertThat(e.getStatusCode()).isEqualTo(404);
        assertThat(e.getMessage()).startsWith("code: 404, Workspace not exists request id: ");
        assertRequestIdAndMessage(e);
    }

    @Test
    void missingDefaultWorkspaceSurfacesAsTeaException() {
        TeaException e = catchThrowableOfType(TeaException.class, () -> sdk.getDefaultWorkspace(false));

        assertThat(e.getCode()).isEqualTo("100400027");
        assertThat(e.getStatusCode()).isEqualTo(404);
        assertRequestIdAndMessage(e);
    }

    private static void assertRequestIdAndMessage(TeaException e) {
        Object requestId = e.getData().get("RequestId");
        assertThat(requestId).isInstanceOf(String.class);
        assertThat(e.getMessage()).contains((String) e.getData().get("Message")).endsWith("request id: " + requestId);
        assertThat(e.getData()).containsEntry("HostId", "aiworkspace.cn-hangzhou.aliyuncs.com");
    }
}
