package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The workspace lifecycle through the official SDK runtime (tea-openapi {@code callApi} with the generated client's
 * Params), in strict mode, with the JSON types the SDK's models read.
 */
class OfficialSdkLifecycleTest {

    private static final String KEY_ID = "LTAI5tLifecycleKey";
    private static final String SECRET = "LifecycleSecret0123456789";

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start();
    private final OfficialSdk sdk = new OfficialSdk(fake.endpoint(), fake.accessKeyId(), fake.accessKeySecret());

    @AfterEach
    void stop() {
        fake.close();
    }

    private String create(String name) throws Exception {
        return (String) OfficialSdk.body(sdk.createWorkspace(
                        Map.of("WorkspaceName", name, "Description", "d", "EnvTypes", List.of("prod"))))
                .get("WorkspaceId");
    }

    @Test
    void listWorkspacesAnswersTheListModelWithALongTotalCount() throws Exception {
        create("sdk_list_a");
        create("sdk_list_b");

        Map<String, Object> body = OfficialSdk.body(sdk.listWorkspaces(Map.of(
                "PageNumber", "1", "PageSize", "1", "SortBy", "GmtCreateTime", "Order", "DESC", "Verbose", "true")));

        assertThat(body).containsOnlyKeys("RequestId", "TotalCount", "Workspaces");
        assertThat(((Number) body.get("TotalCount")).longValue()).isEqualTo(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("Workspaces");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("WorkspaceName", "sdk_list_b").containsEntry("IsDefault", false);
            assertThat(item)
                    .containsOnlyKeys(
                            "WorkspaceId",
                            "WorkspaceName",
                            "GmtCreateTime",
                            "GmtModifiedTime",
                            "DisplayName",
                            "Description",
                            "Creator",
                            "EnvTypes",
                            "Status",
                            "AdminNames",
                            "IsDefault",
                            "ExtraInfos",
                            "resourceGroupId");
        });
    }

    @Test
    void updateChangeResourceGroupDefaultAndDeleteAnswerTheirModels() throws Exception {
        String id = create("sdk_cycle");

        assertThat(OfficialSdk.body(sdk.updateWorkspace(id, Map.of("DisplayName", "SDK 工作空间", "Description", "new"))))
                .containsOnlyKeys("RequestId");
        assertThat(OfficialSdk.body(sdk.changeResourceGroup(id, "rg-sdk"))).containsOnlyKeys("requestId");
        assertThat(OfficialSdk.body(sdk.updateDefaultWorkspace(id))).containsOnlyKeys("RequestId");

        Map<String, Object> read = OfficialSdk.body(sdk.getWorkspace(id, false));
        assertThat(read)
                .containsEntry("DisplayName", "SDK 工作空间")
                .containsEntry("Description", "new")
                .containsEntry("ResourceGroupId", "rg-sdk")
                .containsEntry("IsDefault", true);

        assertThat(OfficialSdk.body(sdk.deleteWorkspace(id))).containsOnlyKeys("RequestId");
        TeaException gone = catchThrowableOfType(TeaException.class, () -> sdk.getWorkspace(id, false));
        assertThat(gone.getCode()).isEqualTo("100400027");
        assertThat(gone.getStatusCode()).isEqualTo(404);
    }

    @Test
    void refusalsReachTheSdkAsTeaExceptions() throws Exception {
        String id = create("sdk_refused");

        TeaException badPage =
                catchThrowableOfType(TeaException.class, () -> sdk.listWorkspaces(Map.of("PageSize", "1000")));
        TeaException badUpdate = catchThrowableOfType(
                TeaException.class, () -> sdk.updateWorkspace(id, Map.of("Description", "x".repeat(81))));
        TeaException unknown = catchThrowableOfType(TeaException.class, () -> sdk.deleteWorkspace("424242"));

        assertThat(badPage.getCode()).isEqualTo("InvalidParameter");
        assertThat(badPage.getStatusCode()).isEqualTo(400);
        assertThat(badUpdate.getCode()).isEqualTo("InvalidParameter");
        assertThat(unknown.getCode()).isEqualTo("100400027");
        assertThat(unknown.getMessage()).contains("request id");
    }

    @Test
    void anotherAccountsKeySeesNoneOfIt() throws Exception {
        try (PaiWorkspaceFake shared = PaiWorkspaceFake.builder()
                .accessKey(KEY_ID, SECRET)
                .accessKey("LTAI5tOtherKey", "OtherSecret", Account.of("2000000000000002", "other"))
                .build()
                .start()) {
            OfficialSdk mine = new OfficialSdk(shared.endpoint(), KEY_ID, SECRET);
            OfficialSdk theirs = new OfficialSdk(shared.endpoint(), "LTAI5tOtherKey", "OtherSecret");
            String id = (String) OfficialSdk.body(mine.createWorkspace(
                            Map.of("WorkspaceName", "private_ws", "Description", "d", "EnvTypes", List.of("prod"))))
                    .get("WorkspaceId");

            assertThat(((Number) OfficialSdk.body(theirs.listWorkspaces(Map.of()))
                                    .get("TotalCount"))
                            .longValue())
                    .isZero();
            assertThat(catchThrowableOfType(TeaException.class, () -> theirs.deleteWorkspace(id))
                            .getCode())
                    .isEqualTo("100400027");
            assertThat(catchThrowableOfType(TeaException.class, () -> theirs.updateDefaultWorkspace(id))
                            .getCode())
                    .isEqualTo("100400027");
            assertThat(shared.workspace(id)).isPresent();
        }
    }
}
