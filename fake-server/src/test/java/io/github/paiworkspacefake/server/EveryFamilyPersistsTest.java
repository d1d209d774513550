package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every family's state is kept in a data directory: what clients and test code stored in datasets (with versions,
 * labels), the model registry, code sources, experiments, runs and their metrics,
 * images, and the workspace settings (custom roles held by members, product orders, prompts) is there, as it was, after the fake is closed and a new one started on the directory; and each family's
 * ids and version names go on without reuse.
 */
class EveryFamilyPersistsTest {

    @TempDir
    Path dir;

    private PaiWorkspaceFake durable() {
        return PaiWorkspaceFake.builder()
                .adminApi(true)
                .dataDirectory(dir)
                .build()
                .start();
    }

    private static String created(ApiClient.Reply reply, String idMember) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body().get(idMember).asText();
    }

    @Test
    void everyFamilysResourcesAndSequencesAreThereAfterARestart() {
        String before;
        String workspaceId;
        String datasetId;
        String modelId;
        String codeSourceId;
        String experimentId;
        String runId;
        String imageId;
        String typedDatasetId;
        String roleId;
        String orderId;
        String promptId;
        try (PaiWorkspaceFake fake = durable()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            workspaceId = api.createWorkspace("families_ws");

            datasetId = created(
                    api.post(
                            "/api/v1/datasets",
                            "{\"Name\":\"images\",\"Property\":\"DIRECTORY\",\"DataSourceType\":\"OSS\",\"WorkspaceId\":\""
                                    + workspaceId + "\",\"Uri\":\"oss://bucket/images/\","
                                    + "\"Labels\":[{\"Key\":\"team\",\"Value\":\"vision\"}]}"),
                    "DatasetId");
            assertThat(api.post(
                                    "/api/v1/datasets/" + datasetId + "/versions",
                                    "{\"DataSourceType\":\"OSS\",\"Property\":\"DIRECTORY\","
                                            + "\"Uri\":\"oss://bucket/images-v2/\",\"DataSize\":19000}")
                            .body()
                            .get("VersionName")
                            .asText())
                    .isEqualTo("v2");
            assertThat(api.post(
                                    "/api/v1/datasets/" + datasetId + "/labels",
                                    "{\"Labels\":[{\"Key\":\"stage\",\"Value\":\"raw\"}]}")
                            .status())
                    .isEqualTo(200);
            typedDatasetId = fake.datasets()
                    .add(DatasetSeed.builder("typed_dataset", "oss://bucket/typed/")
                            .workspaceId(workspaceId)
                            .version("oss://bucket/typed-v2/")
                            .build())
                    .datasetId();

            modelId = created(
                    api.post(
                            "/api/v1/models",
                            "{\"ModelName\":\"sentiment\",\"WorkspaceId\":\"" + workspaceId + "\",\"Domain\":\"nlp\","
                                    + "\"Labels\":[{\"Key\":\"team\",\"Value\":\"search\"}]}"),
                    "ModelId");
            assertThat(api.post("/api/v1/models/" + modelId + "/versions", "{\"Uri\":\"oss://bucket/sentiment/1/\"}")
                            .body()
                            .get("VersionName")
                            .asText())
                    .isEqualTo("0.1.0");
            fake.models().register(workspaceId, "typed_model", "oss://bucket/typed-model/1/");

            codeSourceId = created(
                    api.post(
                            "/api/v1/codesources",
                            "{\"WorkspaceId\":\"" + workspaceId + "\",\"DisplayName\":\"dlc-examples\","
                                    + "\"CodeRepo\":\"https://code.aliyun.com/pai-dlc/examples.git\","
                                    + "\"CodeBranch\":\"master\",\"MountPath\":\"/root/code/\"}"),
                    "CodeSourceId");

            experimentId = created(
                    api.post(
                            "/api/v1/experiments",
                            "{\"Name\":\"exp_test\",\"WorkspaceId\":\"" + workspaceId
                                    + "\",\"ArtifactUri\":\"oss://bucket/exp/\"}"),
                    "ExperimentId");
            runId = created(
                    api.post(
                            "/api/v1/runs",
                            "{\"ExperimentId\":\"" + experimentId + "\",\"Name\":\"run-1\","
                                    + "\"Params\":[{\"Key\":\"lr\",\"Value\":\"0.01\"}]}"),
                    "RunId");
            assertThat(api.post(
                                    "/api/v1/runs/" + runId + "/metrics/action/log",
                                    "{\"Metrics\":[{\"Key\":\"loss\",\"Value\":0.9,\"Step\":1,"
                                            + "\"Timestamp\":1700000000001}]}")
                            .status())
                    .isEqualTo(200);

            imageId = created(
                    api.post(
                            "/api/v1/images",
                            "{\"Name\":\"nlp-compression\",\"ImageUri\":\"registry.cn-hangzhou.aliyuncs.com/team/nlp:v1\","
                                    + "\"WorkspaceId\":\"" + workspaceId + "\"}"),
                    "ImageId");
            assertThat(api.post("/__admin/images/examples", "{}").status()).isEqualTo(200);

            JsonNode roleJob = api.post(
                            "/api/v1/workspaces/" + workspaceId + "/roles",
                            "{\"RoleName\":\"dev-test\",\"RoleType\":\"custom\",\"ModulePermissions\":"
                                    + "[{\"ModuleName\":\"DLC\",\"PermissionType\":\"ReadOnly\"}]}")
                    .body();
            roleId = roleJob.get("InstanceJobId").asText().replace("CreateWorkspaceCustomRole-", "");
            fake.addUser("210000000000000001", "alice");
            assertThat(api.post(
                                    "/api/v1/workspaces/" + workspaceId + "/members",
                                    "{\"Members\":[{\"UserId\":\"210000000000000001\",\"Roles\":[\"" + roleId
                                            + "\"]}]}")
                            .status())
                    .isEqualTo(200);
            orderId = created(
                    api.post(
                            "/api/v1/productorders",
                            "{\"AutoPay\":true,\"Products\":[{\"ProductCode\":\"PAI_share\","
                                    + "\"ChargeType\":\"POSTPAY\",\"OrderType\":\"BUY\"}]}"),
                    "OrderId");
            promptId = created(
                    api.post(
                            "/api/v1/prompts",
                            "{\"WorkspaceId\":\"" + workspaceId + "\",\"PromptName\":\"extraction\","
                                    + "\"FrameworkType\":\"ICIO\",\"FrameworkContent\":\"{}\"}"),
                    "PromptId");

            before = fake.snapshot();
        }

        try (PaiWorkspaceFake restarted = durable()) {
            ApiClient api = new ApiClient(restarted.baseUrl());

            assertThat(restarted.resumed()).isTrue();
            assertThat(restarted.snapshot()).isEqualTo(before);
            assertThat(restarted.members(workspaceId))
                    .as("a member holding a custom role")
                    .anySatisfy(member -> assertThat(member.roles()).contains(roleId));
            assertThat(api.get("/api/v1/prompts/" + promptId + "?WorkspaceId=" + workspaceId)
                            .status())
                    .isEqualTo(200);
            String nextOrder = created(
                    api.post(
                            "/api/v1/productorders",
                            "{\"AutoPay\":true,\"Products\":[{\"ProductCode\":\"PAI_share\","
                                    + "\"ChargeType\":\"POSTPAY\",\"OrderType\":\"BUY\"}]}"),
                    "OrderId");
            assertThat(Long.parseLong(nextOrder)).as("order ids go on").isGreaterThan(Long.parseLong(orderId));
            JsonNode dataset = api.get("/api/v1/datasets/" + datasetId).body();
            assertThat(dataset.get("Name").asText()).isEqualTo("images");
            assertThat(dataset.get("Labels").findValuesAsText("Key")).contains("team", "stage");
            assertThat(api.get("/api/v1/datasets/" + datasetId + "/versions/v2").status())
                    .isEqualTo(200);
            assertThat(restarted.datasets().versions(typedDatasetId)).hasSize(2);
            assertThat(api.get("/api/v1/models/" + modelId + "/versions/0.1.0").status())
                    .isEqualTo(200);
            assertThat(restarted.models().models(workspaceId)).hasSize(2);
            assertThat(api.get("/api/v1/codesources/" + codeSourceId).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/experiments/" + experimentId).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/runs/" + runId).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/images/" + imageId).status()).isEqualTo(200);

            // ids and version names go on: nothing is handed out twice
            assertThat(api.post(
                                    "/api/v1/datasets/" + datasetId + "/versions",
                                    "{\"DataSourceType\":\"OSS\",\"Property\":\"DIRECTORY\","
                                            + "\"Uri\":\"oss://bucket/images-v3/\"}")
                            .body()
                            .get("VersionName")
                            .asText())
                    .isEqualTo("v3");
            assertThat(api.post("/api/v1/models/" + modelId + "/versions", "{\"Uri\":\"oss://bucket/sentiment/2/\"}")
                            .body()
                            .get("VersionName")
                            .asText())
                    .isEqualTo("0.2.0");
            String nextDataset = created(
                    api.post(
                            "/api/v1/datasets",
                            "{\"Name\":\"after\",\"Property\":\"DIRECTORY\",\"DataSourceType\":\"OSS\",\"WorkspaceId\":\""
                                    + workspaceId + "\",\"Uri\":\"oss://bucket/after/\"}"),
                    "DatasetId");
            assertThat(nextDataset).isNotIn(datasetId, typedDatasetId);
            String nextModel = created(
                    api.post("/api/v1/models", "{\"ModelName\":\"after\",\"WorkspaceId\":\"" + workspaceId + "\"}"),
                    "ModelId");
            assertThat(nextModel).isNotEqualTo(modelId);
            String nextRun = created(
                    api.post("/api/v1/runs", "{\"ExperimentId\":\"" + experimentId + "\",\"Name\":\"run-2\"}"),
                    "RunId");
            assertThat(nextRun).isNotEqualTo(runId);
        }
    }

    @Test
    void aResetKeepsTheOfficialImagesTheFakeWasBuiltWithAlsoAfterARestart() {
        String before;
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .officialImages(OfficialImage.examples())
                .dataDirectory(dir)
                .build()
                .start()) {
            fake.reset();
            before = fake.snapshot();
            assertThat(fake.images().official()).isNotEmpty();
        }
        try (PaiWorkspaceFake restarted = PaiWorkspaceFake.builder()
                .officialImages(OfficialImage.examples())
                .dataDirectory(dir)
                .build()
                .start()) {
            assertThat(restarted.snapshot()).isEqualTo(before);
        }
    }
}
