package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Models, their versions and code sources are part of the fake's whole state: seeds, snapshots, reset, a workspace's
 * deletion, the journal and faults cover them; and the typed Java API registers and reads them.
 */
class ModelRegistryStateTest {

    private static final String SEED = """
            {"workspaces":[{"WorkspaceId":"7001","WorkspaceName":"registry_ws"}],
             "resources":[
               {"Type":"Model","Id":"model-seeded0000001","WorkspaceId":"7001",
                "Fields":{"ModelName":"seeded","Domain":"nlp","Labels":[{"Key":"k","Value":"v"}],
                          "GmtCreateTime":"2021-01-30T12:51:33.028Z","GmtModifiedTime":"2021-01-30T12:51:33.028Z"}},
               {"Type":"ModelVersion","Id":"0.1.0","ParentId":"model-seeded0000001","WorkspaceId":"7001",
                "Fields":{"Uri":"oss://b/seeded/1/","GmtCreateTime":"2021-02-01T00:00:00.000Z"}},
               {"Type":"ModelVersion","Id":"0.2.0","ParentId":"model-seeded0000001","WorkspaceId":"7001",
                "Fields":{"Uri":"oss://b/seeded/2/","ApprovalStatus":"Approved",
                          "GmtCreateTime":"2021-03-01T00:00:00.000Z"}},
               {"Type":"CodeSource","Id":"code-seeded0000001","WorkspaceId":"7001",
                "Fields":{"DisplayName":"seeded code","CodeRepo":"https://example.com/r.git","MountPath":"/mnt/c/",
                          "CodeRepoAccessToken":"tok"}}]}
            """;

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    private JsonNode ok(ApiClient.Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    @Test
    void seededModelsVersionsAndCodeSourcesAreServed() {
        fake.load(SEED);

        JsonNode model = ok(api.get("/api/v1/models/model-seeded0000001"));
        assertThat(model.get("ModelName").asText()).isEqualTo("seeded");
        assertThat(model.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(model.get("WorkspaceId").asText()).isEqualTo("7001");
        assertThat(model.get("OwnerId").asText()).isEqualTo(fake.account().accountId());
        assertThat(model.get("GmtCreateTime").asText()).isEqualTo("2021-01-30T12:51:33.028Z");
        assertThat(model.at("/LatestVersion/VersionName").asText()).isEqualTo("0.2.0");
        assertThat(model.at("/LatestVersion/ApprovalStatus").asText()).isEqualTo("Approved");
        assertThat(ok(api.get("/api/v1/models/model-seeded0000001/versions/0.1.0"))
                        .get("Uri")
                        .asText())
                .isEqualTo("oss://b/seeded/1/");
        assertThat(ok(api.get("/api/v1/codesources/code-seeded0000001"))
                        .get("CodeRepoAccessToken")
                        .asText())
                .isEqualTo("tok");
        assertThat(ok(api.post("/api/v1/models/model-seeded0000001/versions", "{\"Uri\":\"oss://b/3/\"}"))
                        .get("VersionName")
                        .asText())
                .isEqualTo("0.3.0");
    }

    @Test
    void seededMembersOfTheWrongTypeAreLeftOutRatherThanBreakingAnswers() {
        fake.load("""
                {"workspaces":[{"WorkspaceId":"7001","WorkspaceName":"odd_ws"}],
                 "resources":[{"Type":"Model","Id":"model-odd","WorkspaceId":"7001",
                   "Fields":{"ModelName":"odd","OrderNumber":"first","ExtraInfo":"text","Labels":"a=b",
                             "Tags":[1,{"Key":2}]}}]}
                """);

        JsonNode model = ok(api.get("/api/v1/models/model-odd"));
        JsonNode listed = ok(api.get("/api/v1/models?Label=a&SortBy=OrderNumber"));

        assertThat(model.has("OrderNumber")).isFalse();
        assertThat(model.has("ExtraInfo")).isFalse();
        assertThat(model.get("Labels")).isEmpty();
        assertThat(listed.get("TotalCount").asLong()).isZero();
        assertThat(ok(api.get("/api/v1/models")).at("/Models/0/Tags")).isEmpty();
    }

    @Test
    void aSnapshotRestoresModelsVersionsAndCodeSourcesAsTheyWere() throws Exception {
        String workspaceId = api.createWorkspace("snap_ws");
        String modelId = ok(api.post(
                        "/api/v1/models",
                        "{\"ModelName\":\"snap\",\"WorkspaceId\":\"" + workspaceId
                                + "\",\"ExtraInfo\":{\"a\":[1,2.5,true]},\"OrderNumber\":4}"))
                .get("ModelId")
                .asText();
        ok(
                api.post(
                        "/api/v1/models/" + modelId + "/versions",
                        "{\"Uri\":\"oss://b/\",\"InferenceSpec\":{\"processor\":\"p\"},\"Labels\":[{\"Key\":\"k\",\"Value\":\"v\"}]}"));
        String codeSourceId = ok(api.post(
                        "/api/v1/codesources",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"DisplayName\":\"c\",\"CodeRepo\":\"r\","
                                + "\"MountPath\":\"/m\",\"CloneType\":1}"))
                .get("CodeSourceId")
                .asText();
        JsonNode model = ok(api.get("/api/v1/models/" + modelId));
        JsonNode codeSource = ok(api.get("/api/v1/codesources/" + codeSourceId));

        try (PaiWorkspaceFake copy = PaiWorkspaceFake.builder().build().start()) {
            copy.load(fake.snapshot());
            ApiClient copied = new ApiClient(copy.baseUrl());

            assertThat(withoutRequestId(ok(copied.get("/api/v1/models/" + modelId))))
                    .isEqualTo(withoutRequestId(model));
            assertThat(withoutRequestId(ok(copied.get("/api/v1/codesources/" + codeSourceId))))
                    .isEqualTo(withoutRequestId(codeSource));
            assertThat(ok(copied.post("/api/v1/models/" + modelId + "/versions", "{\"Uri\":\"oss://b/2/\"}"))
                            .get("VersionName")
                            .asText())
                    .isEqualTo("0.2.0");
            String newModel = ok(copied.post(
                            "/api/v1/models", "{\"ModelName\":\"fresh\",\"WorkspaceId\":\"" + workspaceId + "\"}"))
                    .get("ModelId")
                    .asText();
            assertThat(newModel).isNotEqualTo(modelId);
        }
    }

    private static JsonNode withoutRequestId(JsonNode answer) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).remove("RequestId");
        return answer;
    }

    @Test
    void aVersionCreatedWhileItsModelIsDeletedNeverOutlivesTheModel() throws Exception {
        String workspaceId = api.createWorkspace("race_ws");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 30; i++) {
                String modelId = ok(api.post(
                                "/api/v1/models",
                                "{\"ModelName\":\"m" + i + "\",\"WorkspaceId\":\"" + workspaceId + "\"}"))
                        .get("ModelId")
                        .asText();
                Future<ApiClient.Reply> version = threads.submit(
                        () -> api.post("/api/v1/models/" + modelId + "/versions", "{\"Uri\":\"oss://b/\"}"));
                Future<ApiClient.Reply> deletion =
                        threads.submit(() -> api.method("DELETE", "/api/v1/models/" + modelId));
                assertThat(deletion.get().status()).isEqualTo(200);
                assertThat(version.get().status()).isIn(200, 404);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(ApiClient.JSON.readTree(fake.snapshot()).get("resources")).isEmpty();
        try (PaiWorkspaceFake copy = PaiWorkspaceFake.builder().build().start()) {
            copy.load(fake.snapshot());
        }
    }

    @Test
    void resetForgetsTheRegistryAndIdsAreNeverGivenAgain() {
        String workspaceId = api.createWorkspace("reset_ws");
        String modelId = ok(api.post("/api/v1/models", "{\"ModelName\":\"m\",\"WorkspaceId\":\"" + workspaceId + "\"}"))
                .get("ModelId")
                .asText();

        fake.reset();

        assertError(api.get("/api/v1/models/" + modelId), 404, "201900002");
        String again = api.createWorkspace("reset_ws");
        assertThat(ok(api.post("/api/v1/models", "{\"ModelName\":\"m\",\"WorkspaceId\":\"" + again + "\"}"))
                        .get("ModelId")
                        .asText())
                .isNotEqualTo(modelId);
    }

    @Test
    void aWorkspacesModelsAndCodeSourcesGoWithIt() throws Exception {
        fake.load(SEED);

        ok(api.method("DELETE", "/api/v1/workspaces/7001"));

        assertError(api.get("/api/v1/models/model-seeded0000001"), 404, "201900002");
        assertError(api.get("/api/v1/codesources/code-seeded0000001"), 404, "201400002");
        assertThat(ApiClient.JSON.readTree(fake.snapshot()).get("resources")).isEmpty();
    }

    @Test
    void theJournalRecordsModelCallsAndFaultsApplyToThem() {
        String workspaceId = api.createWorkspace("journal_ws");
        fake.faults().failNext(Operation.CreateModel, 1, FaultError.THROTTLING);

        assertError(
                api.post("/api/v1/models", "{\"ModelName\":\"m\",\"WorkspaceId\":\"" + workspaceId + "\"}"),
                400,
                "Throttling.User");
        ok(api.post("/api/v1/models", "{\"ModelName\":\"m\",\"WorkspaceId\":\"" + workspaceId + "\"}"));

        assertThat(fake.requests(Operation.CreateModel))
                .extracting(RecordedRequest::status)
                .containsExactly(400, 200);
        assertThat(fake.requests(Operation.CreateModel).get(1).body()).contains("\"ModelName\":\"m\"");
        assertThat(fake.models().models(workspaceId))
                .extracting(Model::modelName)
                .containsExactly("m");
    }

    @Test
    void theJavaApiRegistersAModelWithVersionsThatTheApiServes() {
        String workspaceId = api.createWorkspace("java_ws");

        Model model = fake.models().register(workspaceId, "churn", "oss://b/churn/1/", "oss://b/churn/2/");

        assertThat(model.modelName()).isEqualTo("churn");
        assertThat(model.accessibility()).isEqualTo("PRIVATE");
        assertThat(model.workspaceId()).isEqualTo(workspaceId);
        assertThat(fake.models().versions(model.modelId()))
                .extracting(ModelVersion::versionName)
                .containsExactly("0.1.0", "0.2.0");
        assertThat(fake.models().latestVersion(model.modelId()))
                .map(ModelVersion::uri)
                .contains("oss://b/churn/2/");
        JsonNode listed = ok(api.get("/api/v1/models?ModelName=%22churn%22"));
        assertThat(listed.at("/Models/0/ModelId").asText()).isEqualTo(model.modelId());
        assertThat(listed.at("/Models/0/LatestVersion/VersionName").asText()).isEqualTo("0.2.0");
    }

    @Test
    void theJavaApiReadsBackAVersionTheApiCreated() {
        String workspaceId = api.createWorkspace("read_ws");
        Model model = fake.models().register(workspaceId, "reader");
        ok(
                api.post(
                        "/api/v1/models/" + model.modelId() + "/versions",
                        "{\"Uri\":\"oss://b/r/\",\"VersionName\":\"1.0.0\",\"FrameworkType\":\"PyTorch\","
                                + "\"InferenceSpec\":{\"processor\":\"pytorch_gpu_1.10\"},\"Labels\":[{\"Key\":\"Foo\",\"Value\":\"Bar\"}]}"));

        ModelVersion version = fake.models().version(model.modelId(), "1.0.0").orElseThrow();

        assertThat(version.uri()).isEqualTo("oss://b/r/");
        assertThat(version.frameworkType()).isEqualTo("PyTorch");
        assertThat(version.approvalStatus()).isEqualTo("Pending");
        assertThat(version.sourceType()).isEqualTo("Custom");
        assertThat(version.labels()).containsExactly(Map.entry("Foo", "Bar"));
        assertThat(version.inferenceSpec()).containsEntry("processor", "pytorch_gpu_1.10");
        assertThat(version.gmtCreateTime()).isNotNull();
        assertThat(fake.models().version(model.modelId(), "9.9.9")).isEmpty();
        assertThat(fake.models().version("model-unknown", "1.0.0")).isEmpty();
    }

    @Test
    void theJavaApiKeepsTheApisRules() {
        String workspaceId = api.createWorkspace("rules_ws");
        Model model = fake.models().register(workspaceId, "ruled");

        assertThat(fake.models().addVersion(model.modelId(), null, "oss://b/1/").versionName())
                .isEqualTo("0.1.0");
        assertThat(fake.models()
                        .addVersion(model.modelId(), "2.0.0", "oss://b/2/")
                        .versionName())
                .isEqualTo("2.0.0");
        assertThatThrownBy(() -> fake.models().addVersion(model.modelId(), "2.0.0", "oss://b/again/"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fake.models().addVersion(model.modelId(), "v2", "oss://b/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.models().register(workspaceId, "ruled"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fake.models().register("999999", "nowhere"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.models().addVersion("model-unknown", null, "oss://b/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.models().versions(model.modelId()))
                .extracting(ModelVersion::versionName)
                .containsExactly("0.1.0", "2.0.0");
        assertThat(fake.models().model("model-unknown")).isEmpty();
        assertThat(fake.models().models(workspaceId)).extracting(Model::modelId).isEqualTo(List.of(model.modelId()));
    }
}
