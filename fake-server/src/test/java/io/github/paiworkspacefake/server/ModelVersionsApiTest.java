package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Model versions through HTTP, with the bodies Terraform's model version resource and the PAI Python SDK send. */
class ModelVersionsApiTest {

    private static final String SPECS = "\"TrainingSpec\":{\"test\":\"TrainingSpec\"},"
            + "\"InferenceSpec\":{\"processor\":\"tensorflow_gpu_1.12\",\"metadata\":{\"rpc\":{\"keepalive\":5000}}},"
            + "\"EvaluationSpec\":{\"Metrics\":[\"acc\",\"f1\"]},\"CompressionSpec\":{},"
            + "\"DistillationSpec\":{\"teacher\":\"big\"},\"Metrics\":{\"Results\":[{\"Metrics\":{\"acc\":0.91}}]},"
            + "\"ExtraInfo\":{\"CoverUris\":[\"https://example.com/c.png\"]}";

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String modelId;
    private String versions;

    @BeforeEach
    void model() {
        String workspaceId = api.createWorkspace("versions_ws");
        ApiClient.Reply created =
                api.post("/api/v1/models", "{\"ModelName\":\"versioned\",\"WorkspaceId\":\"" + workspaceId + "\"}");
        modelId = created.body().get("ModelId").asText();
        versions = "/api/v1/models/" + modelId + "/versions";
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String create(String body) {
        ApiClient.Reply reply = api.post(versions, body);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body().get("VersionName").asText();
    }

    private JsonNode get(String versionName) {
        ApiClient.Reply reply = api.get(versions + "/" + versionName);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private JsonNode list(String query) {
        ApiClient.Reply reply = api.get(versions + "?" + query);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("Versions")
                .forEach(version -> names.add(version.get("VersionName").asText()));
        return names;
    }

    @Test
    void versionsCreatedWithoutANameGetTheNextMinorVersionFrom010() {
        assertThat(create("{\"Uri\":\"oss://b/1/\"}")).isEqualTo("0.1.0");
        assertThat(create("{\"Uri\":\"oss://b/2/\"}")).isEqualTo("0.2.0");
        assertThat(create("{\"Uri\":\"oss://b/3/\",\"VersionName\":\"1.0.0\"}")).isEqualTo("1.0.0");
        assertThat(create("{\"Uri\":\"oss://b/4/\"}")).isEqualTo("1.1.0");
        assertThat(create("{\"Uri\":\"oss://b/5/\",\"VersionName\":\"1.4.7_beta\"}"))
                .isEqualTo("1.4.7_beta");
        assertThat(create("{\"Uri\":\"oss://b/6/\",\"VersionName\":\"\"}")).isEqualTo("1.5.0");
    }

    @Test
    void versionsCreatedAtOnceWithoutANameAllGetNamesOfTheirOwn() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String body = "{\"Uri\":\"oss://b/" + i + "/\"}";
                replies.add(threads.submit(() -> api.post(versions, body)));
            }
            List<String> names = new ArrayList<>();
            for (Future<ApiClient.Reply> reply : replies) {
                assertThat(reply.get().status()).as("%s", reply.get().body()).isEqualTo(200);
                names.add(reply.get().body().get("VersionName").asText());
            }

            assertThat(names).doesNotHaveDuplicates().hasSize(16).contains("0.1.0", "0.16.0");
            assertThat(list("PageSize=100").get("TotalCount").asLong()).isEqualTo(16);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aVersionNameTheModelHasIsRefusedAndNothingChanges() {
        create("{\"Uri\":\"oss://b/1/\",\"VersionName\":\"1.0.0\"}");

        assertError(
                api.post(versions, "{\"Uri\":\"oss://b/other/\",\"VersionName\":\"1.0.0\"}"),
                409,
                "ModelVersionAlreadyExists");
        assertThat(get("1.0.0").get("Uri").asText()).isEqualTo("oss://b/1/");
        assertThat(list("").get("TotalCount").asLong()).isEqualTo(1);
    }

    @Test
    void aVersionNameMustBeMajorMinorAndRevision() {
        assertError(api.post(versions, "{\"Uri\":\"oss://b/\",\"VersionName\":\"v1\"}"), 400, "InvalidParameter");
        assertError(api.post(versions, "{\"Uri\":\"oss://b/\",\"VersionName\":\"1.0\"}"), 400, "InvalidParameter");
        assertError(api.post(versions, "{\"VersionName\":\"1.0.0\"}"), 400, "MissingParameter");
        assertThat(list("").get("TotalCount").asLong()).isZero();
    }

    @Test
    void approvalStatusAndSourceTypeHaveDefaultsThatTerraformReadsBack() {
        JsonNode version =
                get(create("{\"Uri\":\"oss://hz-test-0701.oss-cn-hangzhou-internal.aliyuncs.com/checkpoints/\"}"));

        assertThat(version.get("ApprovalStatus").asText()).isEqualTo("Pending");
        assertThat(version.get("SourceType").asText()).isEqualTo("Custom");
        assertThat(version.get("VersionName").asText()).isEqualTo("0.1.0");
        assertThat(version.get("Labels")).isEmpty();
        assertThat(version.get("OwnerId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(version.get("UserId").asText()).isEqualTo(Account.DEFAULT.accountId());
    }

    @Test
    void everyMemberComesBackAsSentTheSpecsAsTheJsonObjectsSent() {
        create("{\"Uri\":\"oss://b/m/\",\"VersionName\":\"1.0.0\",\"VersionDescription\":\"第一版\","
                + "\"FormatType\":\"SavedModel\",\"FrameworkType\":\"PyTorch\",\"ApprovalStatus\":\"Approved\","
                + "\"SourceType\":\"TrainingService\","
                + "\"SourceId\":\"region=cn-hangzhou,workspaceId=100001,kind=TrainingJob,id=job-id\","
                + "\"Options\":\"{\\\"test\\\":\\\"options\\\"}\","
                + "\"Labels\":[{\"Key\":\"b\",\"Value\":\"2\"},{\"Key\":\"a\",\"Value\":\"1\"}]," + SPECS + "}");

        JsonNode version = get("1.0.0");

        assertThat(version.get("Uri").asText()).isEqualTo("oss://b/m/");
        assertThat(version.get("VersionDescription").asText()).isEqualTo("第一版");
        assertThat(version.get("FormatType").asText()).isEqualTo("SavedModel");
        assertThat(version.get("FrameworkType").asText()).isEqualTo("PyTorch");
        assertThat(version.get("ApprovalStatus").asText()).isEqualTo("Approved");
        assertThat(version.get("SourceType").asText()).isEqualTo("TrainingService");
        assertThat(version.get("SourceId").asText())
                .isEqualTo("region=cn-hangzhou,workspaceId=100001,kind=TrainingJob,id=job-id");
        assertThat(version.get("Options").asText()).isEqualTo("{\"test\":\"options\"}");
        assertThat(version.get("Labels").toString())
                .isEqualTo("[{\"Key\":\"b\",\"Value\":\"2\"},{\"Key\":\"a\",\"Value\":\"1\"}]");
        assertThat(version.get("TrainingSpec").toString()).isEqualTo("{\"test\":\"TrainingSpec\"}");
        assertThat(version.get("InferenceSpec").toString())
                .isEqualTo("{\"processor\":\"tensorflow_gpu_1.12\",\"metadata\":{\"rpc\":{\"keepalive\":5000}}}");
        assertThat(version.get("EvaluationSpec").toString()).isEqualTo("{\"Metrics\":[\"acc\",\"f1\"]}");
        assertThat(version.get("CompressionSpec").toString()).isEqualTo("{}");
        assertThat(version.get("DistillationSpec").toString()).isEqualTo("{\"teacher\":\"big\"}");
        assertThat(version.get("Metrics").toString()).isEqualTo("{\"Results\":[{\"Metrics\":{\"acc\":0.91}}]}");
        assertThat(version.get("ExtraInfo").toString()).isEqualTo("{\"CoverUris\":[\"https://example.com/c.png\"]}");
        assertThat(version.get("GmtCreateTime").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void theReferencesRulesForSourceIdMetricsAndEnumerationsHold() {
        assertError(
                api.post(versions, "{\"Uri\":\"oss://b/\",\"SourceType\":\"PAIFlow\",\"SourceId\":\"my-own-id\"}"),
                400,
                "InvalidParameter");
        assertThat(create("{\"Uri\":\"oss://b/\",\"SourceType\":\"Custom\",\"SourceId\":\"my-own-id\"}"))
                .isEqualTo("0.1.0");
        assertError(
                api.post(versions, "{\"Uri\":\"oss://b/\",\"Metrics\":{\"big\":\"" + "x".repeat(8200) + "\"}}"),
                400,
                "InvalidParameter");
        assertError(api.post(versions, "{\"Uri\":\"oss://b/\",\"ApprovalStatus\":\"Maybe\"}"), 400, "InvalidParameter");
        assertError(api.post(versions, "{\"Uri\":\"oss://b/\",\"SourceType\":\"Manual\"}"), 400, "InvalidParameter");
        assertError(api.post(versions, "{\"Uri\":\"oss://b/\",\"FormatType\":\"Pickle\"}"), 400, "InvalidParameter");
        assertError(api.post(versions, "{\"Uri\":\"oss://b/\",\"TrainingSpec\":[1]}"), 400, "InvalidParameter");
        assertThat(list("").get("TotalCount").asLong()).isEqualTo(1);
    }

    @Test
    void updateModelVersionChangesOnlyTheMembersSent() {
        create("{\"Uri\":\"oss://b/m/\",\"VersionName\":\"1.0.0\",\"VersionDescription\":\"first\","
                + "\"Labels\":[{\"Key\":\"k\",\"Value\":\"v\"}]," + SPECS + "}");
        JsonNode before = get("1.0.0");

        ApiClient.Reply reply = api.put(
                versions + "/1.0.0",
                "{\"ApprovalStatus\":\"Approved\",\"InferenceSpec\":{\"processor\":\"pytorch_gpu_1.10\"},"
                        + "\"SourceType\":\"TrainingService\","
                        + "\"SourceId\":\"region=cn-hangzhou,workspaceId=1,kind=TrainingJob,id=job-2\"}");

        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        JsonNode after = get("1.0.0");
        assertThat(after.get("ApprovalStatus").asText()).isEqualTo("Approved");
        assertThat(after.get("InferenceSpec").toString()).isEqualTo("{\"processor\":\"pytorch_gpu_1.10\"}");
        assertThat(after.get("SourceType").asText()).isEqualTo("TrainingService");
        for (String unchanged : List.of(
                "Uri", "VersionDescription", "TrainingSpec", "EvaluationSpec", "Metrics", "ExtraInfo", "Labels")) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
        }
        assertThat(after.get("GmtModifiedTime").asText())
                .isGreaterThan(before.get("GmtModifiedTime").asText());
    }

    @Test
    void anUpdateThatBreaksARuleChangesNothing() {
        create("{\"Uri\":\"oss://b/m/\",\"VersionName\":\"1.0.0\",\"SourceId\":\"free text\"}");

        assertError(api.put(versions + "/1.0.0", "{\"SourceType\":\"PAIFlow\"}"), 400, "InvalidParameter");
        assertThat(get("1.0.0").get("SourceType").asText()).isEqualTo("Custom");
    }

    @Test
    void anUnknownVersionIs201900003AndAVersionOfAnUnknownModel201900002() {
        create("{\"Uri\":\"oss://b/\"}");

        assertError(api.get(versions + "/9.9.9"), 404, "201900003");
        assertError(api.put(versions + "/9.9.9", "{\"VersionDescription\":\"x\"}"), 404, "201900003");
        assertError(api.method("DELETE", versions + "/9.9.9"), 404, "201900003");
        assertError(api.get("/api/v1/models/model-unknown/versions/0.1.0"), 404, "201900002");
        assertError(api.get("/api/v1/models/model-unknown/versions"), 404, "201900002");
        assertError(api.post("/api/v1/models/model-unknown/versions", "{\"Uri\":\"oss://b/\"}"), 404, "201900002");
    }

    @Test
    void deleteModelVersionRemovesOnlyThatVersion() {
        create("{\"Uri\":\"oss://b/1/\",\"VersionName\":\"1.0.0\"}");
        create("{\"Uri\":\"oss://b/2/\",\"VersionName\":\"1.1.0\"}");

        ApiClient.Reply deleted = api.method("DELETE", versions + "/1.0.0");

        assertThat(deleted.status()).isEqualTo(200);
        assertError(api.get(versions + "/1.0.0"), 404, "201900003");
        assertThat(get("1.1.0").get("Uri").asText()).isEqualTo("oss://b/2/");
        assertThat(names(list(""))).containsExactly("1.1.0");
    }

    @Test
    void versionLabelsAreReplacedAsTerraformDoes() {
        create("{\"Uri\":\"oss://b/\",\"VersionName\":\"1.0.0\",\"Labels\":[{\"Key\":\"a\",\"Value\":\"1\"}]}");

        api.send("DELETE", versions + "/1.0.0/labels?LabelKeys=a", "application/json", "{}");
        api.post(versions + "/1.0.0/labels", "{\"Labels\":[{\"Key\":\"z\",\"Value\":\"26\"},{\"Key\":\"y\"}]}");

        assertThat(get("1.0.0").get("Labels").toString())
                .isEqualTo("[{\"Key\":\"z\",\"Value\":\"26\"},{\"Key\":\"y\"}]");
        assertError(api.post(versions + "/9.9.9/labels", "{\"Labels\":[{\"Key\":\"a\"}]}"), 404, "201900003");
        assertError(api.method("DELETE", versions + "/1.0.0/labels"), 400, "MissingParameter");
    }

    @Test
    void listModelVersionsPagesSortsAndFilters() {
        create(
                "{\"Uri\":\"oss://b/1/\",\"VersionName\":\"1.0.0\",\"ApprovalStatus\":\"Approved\","
                        + "\"FormatType\":\"ONNX\",\"FrameworkType\":\"PyTorch\",\"Labels\":[{\"Key\":\"stage\",\"Value\":\"prod\"}]}");
        create("{\"Uri\":\"oss://b/2/\",\"VersionName\":\"1.1.0\",\"SourceType\":\"PAIFlow\","
                + "\"SourceId\":\"region=cn-hangzhou,workspaceId=1,kind=PipelineRun,id=flow-1\"}");
        create("{\"Uri\":\"oss://b/3/\",\"VersionName\":\"0.5.0\"}");

        JsonNode firstPage = list("PageSize=2");
        assertThat(firstPage.get("TotalCount").asLong()).isEqualTo(3);
        assertThat(names(firstPage)).containsExactly("1.0.0", "1.1.0");
        assertThat(names(list("PageSize=2&PageNumber=2"))).containsExactly("0.5.0");
        assertThat(list("PageSize=2&PageNumber=3").get("Versions")).isEmpty();
        assertThat(names(list("Order=DESC"))).containsExactly("0.5.0", "1.1.0", "1.0.0");
        assertThat(names(list("SortBy=VersionName"))).containsExactly("0.5.0", "1.0.0", "1.1.0");
        assertThat(names(list("ApprovalStatus=Approved"))).containsExactly("1.0.0");
        assertThat(names(list("ApprovalStatus=Pending"))).containsExactly("1.1.0", "0.5.0");
        assertThat(names(list("FormatType=ONNX"))).containsExactly("1.0.0");
        assertThat(names(list("FrameworkType=PyTorch"))).containsExactly("1.0.0");
        assertThat(names(list("SourceType=PAIFlow"))).containsExactly("1.1.0");
        assertThat(names(list("SourceId=region%3Dcn-hangzhou%2CworkspaceId%3D1%2Ckind%3DPipelineRun%2Cid%3Dflow-1")))
                .containsExactly("1.1.0");
        assertThat(names(list("VersionName=1.1.0"))).containsExactly("1.1.0");
        assertThat(names(list("Label=prod"))).containsExactly("1.0.0");
        assertError(api.get(versions + "?SortBy=Uri"), 400, "InvalidParameter");
    }
}
