package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees and changes models and code sources, through the official SDK's runtime in strict mode: each AccessKey acts
 * as a user of an account (the account itself, or a RAM user), as on the real service. PRIVATE ones are seen by their
 * creator and the workspace's administrators, PUBLIC ones by every member; another account sees nothing.
 */
class ModelVisibilityTest {

    private static final Account OTHER = Account.of("1557000000000099", "other_account");
    private static final User ADMIN = new User(Account.DEFAULT.accountId(), "210000000000000001", "ada", "ada");
    private static final User DEVELOPER = new User(Account.DEFAULT.accountId(), "210000000000000002", "dev", "dev");
    private static final User AUTHOR = new User(Account.DEFAULT.accountId(), "210000000000000003", "alice", "alice");
    private static final User OUTSIDER = new User(Account.DEFAULT.accountId(), "210000000000000004", "out", "out");

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
            .accessKey("LTAIroot", "root-secret")
            .accessKey("LTAIadmin", "admin-secret", ADMIN)
            .accessKey("LTAIdev", "dev-secret", DEVELOPER)
            .accessKey("LTAIalice", "alice-secret", AUTHOR)
            .accessKey("LTAIout", "out-secret", OUTSIDER)
            .accessKey("LTAIother", "other-secret", OTHER)
            .build()
            .start();
    private final OfficialSdk root = sdk("LTAIroot", "root-secret");
    private final OfficialSdk admin = sdk("LTAIadmin", "admin-secret");
    private final OfficialSdk developer = sdk("LTAIdev", "dev-secret");
    private final OfficialSdk author = sdk("LTAIalice", "alice-secret");
    private final OfficialSdk outsider = sdk("LTAIout", "out-secret");
    private final OfficialSdk otherAccount = sdk("LTAIother", "other-secret");
    private String workspaceId;

    private OfficialSdk sdk(String keyId, String secret) {
        return new OfficialSdk(fake.endpoint(), keyId, secret);
    }

    @BeforeEach
    void workspaceWithMembers() throws Exception {
        workspaceId = (String) OfficialSdk.body(root.createWorkspace(
                        Map.of("WorkspaceName", "shared_ws", "Description", "d", "EnvTypes", List.of("prod"))))
                .get("WorkspaceId");
        fake.addMember(workspaceId, ADMIN.userId(), WorkspaceRoles.ADMIN);
        fake.addMember(workspaceId, DEVELOPER.userId(), WorkspaceRoles.ALGO_DEVELOPER);
        fake.addMember(workspaceId, AUTHOR.userId(), WorkspaceRoles.ALGO_DEVELOPER);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static Map<String, Object> call(
            OfficialSdk sdk, String action, String method, String path, Map<String, String> query, Object body)
            throws Exception {
        OpenApiRequest request = new OpenApiRequest();
        if (query != null) {
            request.setQuery(query);
        }
        if (body != null) {
            request.setBody(body);
        }
        return OfficialSdk.body(sdk.call(OfficialSdk.params(action, method, path), request));
    }

    private String createModel(OfficialSdk sdk, String name, String accessibility) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ModelName", name);
        body.put("WorkspaceId", workspaceId);
        body.put("Accessibility", accessibility);
        return (String)
                call(sdk, "CreateModel", "POST", "/api/v1/models", null, body).get("ModelId");
    }

    private Map<String, Object> getModel(OfficialSdk sdk, String modelId) throws Exception {
        return call(sdk, "GetModel", "GET", "/api/v1/models/" + modelId, null, null);
    }

    private String refusal(ThrowingCall call) {
        TeaException refused = catchThrowableOfType(TeaException.class, call::run);
        assertThat(refused).as("the call was refused").isNotNull();
        return refused.getCode();
    }

    @SuppressWarnings("unchecked")
    private List<String> listedNames(OfficialSdk sdk) throws Exception {
        List<String> names = new ArrayList<>();
        Map<String, Object> listed =
                call(sdk, "ListModels", "GET", "/api/v1/models", Map.of("WorkspaceId", workspaceId), null);
        ((List<Map<String, Object>>) listed.get("Models")).forEach(model -> names.add((String) model.get("ModelName")));
        return names;
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void aModelRecordsTheUserWhoCreatedItAndItsAccountAsOwner() throws Exception {
        Map<String, Object> model = getModel(author, createModel(author, "by_alice", "PRIVATE"));

        assertThat(model.get("UserId")).isEqualTo(AUTHOR.userId());
        assertThat(model.get("OwnerId")).isEqualTo(Account.DEFAULT.accountId());
        assertThat(fake.users(Account.DEFAULT)).extracting(User::userId).contains(AUTHOR.userId());
    }

    @Test
    void aPrivateModelIsSeenByItsCreatorTheAccountAndTheWorkspacesAdministratorsOnly() throws Exception {
        String modelId = createModel(author, "private_model", "PRIVATE");

        assertThat(getModel(root, modelId).get("ModelName")).isEqualTo("private_model");
        assertThat(getModel(admin, modelId).get("ModelName")).isEqualTo("private_model");
        assertThat(refusal(() -> getModel(developer, modelId))).isEqualTo("201900002");
        assertThat(refusal(() -> getModel(outsider, modelId))).isEqualTo("201900002");
        assertThat(listedNames(author)).containsExactly("private_model");
        assertThat(listedNames(admin)).containsExactly("private_model");
        assertThat(listedNames(developer)).isEmpty();
        assertThat(refusal(() -> call(
                        developer,
                        "GetModelVersion",
                        "GET",
                        "/api/v1/models/" + modelId + "/versions/0.1.0",
                        null,
                        null)))
                .isEqualTo("201900002");
    }

    @Test
    void aPublicModelIsSeenByEveryMemberButChangedOnlyByItsCreatorAndTheAdministrators() throws Exception {
        String modelId = createModel(author, "public_model", "PUBLIC");

        assertThat(getModel(developer, modelId).get("ModelName")).isEqualTo("public_model");
        assertThat(listedNames(developer)).containsExactly("public_model");
        assertThat(refusal(() -> getModel(outsider, modelId))).isEqualTo("201900002");
        assertThat(refusal(() -> call(
                        developer,
                        "UpdateModel",
                        "PUT",
                        "/api/v1/models/" + modelId,
                        null,
                        Map.of("ModelDescription", "not mine"))))
                .isEqualTo("PermissionDenied");
        assertThat(refusal(() -> call(
                        developer,
                        "CreateModelVersion",
                        "POST",
                        "/api/v1/models/" + modelId + "/versions",
                        null,
                        Map.of("Uri", "oss://b/x/"))))
                .isEqualTo("PermissionDenied");
        call(author, "UpdateModel", "PUT", "/api/v1/models/" + modelId, null, Map.of("ModelDescription", "mine"));
        call(
                admin,
                "CreateModelVersion",
                "POST",
                "/api/v1/models/" + modelId + "/versions",
                null,
                Map.of("Uri", "oss://b/"));
        assertThat(getModel(developer, modelId).get("ModelDescription")).isEqualTo("mine");
        call(admin, "DeleteModel", "DELETE", "/api/v1/models/" + modelId, null, null);
        assertThat(refusal(() -> getModel(root, modelId))).isEqualTo("201900002");
    }

    @Test
    void aUserWhoIsNotAMemberCannotCreateInTheWorkspace() {
        assertThat(refusal(() -> createModel(outsider, "intruder", "PUBLIC"))).isEqualTo("PermissionDenied");
        assertThat(refusal(() -> call(
                        outsider,
                        "CreateCodeSource",
                        "POST",
                        "/api/v1/codesources",
                        null,
                        Map.of(
                                "WorkspaceId", workspaceId,
                                "DisplayName", "d",
                                "CodeRepo", "https://example.com/r.git",
                                "MountPath", "/mnt/code/"))))
                .isEqualTo("PermissionDenied");
    }

    @Test
    void anotherAccountsModelsAndCodeSourcesAreNotFoundAndNotListed() throws Exception {
        String modelId = createModel(root, "ours", "PUBLIC");
        String codeSourceId = (String) call(
                        root,
                        "CreateCodeSource",
                        "POST",
                        "/api/v1/codesources",
                        null,
                        Map.of(
                                "WorkspaceId", workspaceId,
                                "DisplayName", "ours",
                                "CodeRepo", "https://example.com/r.git",
                                "MountPath", "/mnt/code/",
                                "Accessibility", "PUBLIC"))
                .get("CodeSourceId");

        assertThat(refusal(() -> getModel(otherAccount, modelId))).isEqualTo("201900002");
        assertThat(refusal(() -> call(otherAccount, "DeleteModel", "DELETE", "/api/v1/models/" + modelId, null, null)))
                .isEqualTo("201900002");
        assertThat(refusal(() ->
                        call(otherAccount, "GetCodeSource", "GET", "/api/v1/codesources/" + codeSourceId, null, null)))
                .isEqualTo("201400002");
        assertThat(refusal(() -> call(
                        otherAccount,
                        "ListCodeSources",
                        "GET",
                        "/api/v1/codesources",
                        Map.of("WorkspaceId", workspaceId),
                        null)))
                .isEqualTo("100400027");
        assertThat(call(otherAccount, "ListModels", "GET", "/api/v1/models", Map.of(), null)
                        .get("TotalCount"))
                .isEqualTo(0L);
    }

    @Test
    void codeSourcesFollowTheSameRules() throws Exception {
        String codeSourceId = (String) call(
                        author,
                        "CreateCodeSource",
                        "POST",
                        "/api/v1/codesources",
                        null,
                        Map.of(
                                "WorkspaceId", workspaceId,
                                "DisplayName", "alices_code",
                                "CodeRepo", "https://example.com/r.git",
                                "MountPath", "/mnt/code/"))
                .get("CodeSourceId");
        String path = "/api/v1/codesources/" + codeSourceId;

        assertThat(call(admin, "GetCodeSource", "GET", path, null, null).get("UserId"))
                .isEqualTo(AUTHOR.userId());
        assertThat(refusal(() -> call(developer, "GetCodeSource", "GET", path, null, null)))
                .isEqualTo("201400002");
        call(author, "PublishCodeSource", "PUT", path + "/publish", null, Map.of());
        assertThat(call(developer, "GetCodeSource", "GET", path, null, null).get("Accessibility"))
                .isEqualTo("PUBLIC");
        assertThat(refusal(() -> call(developer, "DeleteCodeSource", "DELETE", path, null, null)))
                .isEqualTo("PermissionDenied");
        call(admin, "DeleteCodeSource", "DELETE", path, null, null);
    }
}
