package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real clients' flows against the model registry and code sources, replayed call by call with their exact bodies
 * (src/test/node/model-flows.js) against a strict fake: Terraform's three resources through {@code @alicloud/pop-core}'s
 * ROA client (the legacy signature, as Terraform's tea-roa sends it), the PAI Python SDK's model registration with the
 * same signature plus {@code x-acs-action}, and the aliyun CLI's code-source reads with V3 signatures.
 */
class ModelRegistryClientsIT {

    private static final String KEY_ID = "LTAI5tModelRegistry";
    private static final String SECRET = "ModelRegistrySecret0123456789";

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start();
    private String workspaceId;

    @BeforeEach
    void defaultWorkspace() {
        workspaceId = fake.addWorkspace(
                        Workspace.builder("registry_ws").description("d").build())
                .workspaceId();
        fake.makeDefault(workspaceId);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private JsonNode run(String flow) throws IOException, InterruptedException {
        Path clients = Path.of(System.getProperty("node.clients", "target/node-clients"));
        Process node = new ProcessBuilder("node", "model-flows.js", flow, fake.endpoint(), KEY_ID, SECRET, workspaceId)
                .directory(clients.toFile())
                .start();
        boolean done = node.waitFor(60, TimeUnit.SECONDS);
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("node finished").isTrue();
        assertThat(node.exitValue()).as("node exit; stderr: %s", err).isZero();
        return ApiClient.JSON.readTree(out);
    }

    private static List<String> labelKeys(JsonNode labels) {
        List<String> keys = new ArrayList<>();
        labels.forEach(label -> keys.add(label.get("Key").asText()));
        return keys;
    }

    @Test
    void terraformsModelResourceCreatesReadsUpdatesRelabelsAndDeletes() throws Exception {
        JsonNode steps = run("terraform-model");

        String id = steps.at("/create/body/ModelId").asText();
        assertThat(id).as("%s", steps.get("create")).startsWith("model-");
        JsonNode created = steps.at("/readAfterCreate/body");
        assertThat(created.get("ModelName").asText()).isEqualTo("tf-testacc-model");
        assertThat(created.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(created.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(created.get("Labels")).isEmpty();
        assertThat(steps.at("/update/body/RequestId").asText())
                .as("%s", steps.get("update"))
                .isNotBlank();
        JsonNode updated = steps.at("/readAfterUpdate/body");
        assertThat(updated.get("Domain").asText()).isEqualTo("aigc");
        assertThat(updated.get("Origin").asText()).isEqualTo("Civitai");
        assertThat(updated.get("Task").asText()).isEqualTo("text-to-image-synthesis");
        assertThat(updated.get("ModelType").asText()).isEqualTo("Checkpoint");
        assertThat(updated.get("OrderNumber").asLong()).isEqualTo(1);
        assertThat(updated.get("ExtraInfo").toString()).isEqualTo("{\"test\":\"15\"}");
        assertThat(labelKeys(updated.get("Labels"))).containsExactly("base_model", "key2", "key3", "key4", "key5");
        assertThat(steps.at("/deleteLabels/body/RequestId").asText())
                .as("%s", steps.get("deleteLabels"))
                .isNotBlank();
        assertThat(steps.at("/readAfterLabels/body/Labels").toString())
                .isEqualTo("[{\"Key\":\"base_model\",\"Value\":\"SDXL\"}]");
        assertThat(steps.at("/delete/body/RequestId").asText()).isNotBlank();
        assertThat(steps.at("/readAfterDelete/error/code").asText()).isEqualTo("201900002");
        assertThat(steps.at("/readAfterDelete/error/status").asInt()).isEqualTo(404);
        assertThat(steps.at("/deleteAgain/error/status").asInt()).isEqualTo(404);
        assertThat(fake.requests())
                .extracting(RecordedRequest::operation)
                .contains(
                        Operation.CreateModel,
                        Operation.GetModel,
                        Operation.UpdateModel,
                        Operation.CreateModelLabels,
                        Operation.DeleteModelLabels,
                        Operation.DeleteModel);
    }

    @Test
    void terraformsModelVersionResourceGetsServerDefaultsAndRoundTripsItsSpecs() throws Exception {
        JsonNode steps = run("terraform-model-version");

        assertThat(steps.at("/createUnnamed/body/VersionName").asText())
                .as("%s", steps.get("createUnnamed"))
                .isEqualTo("0.1.0");
        JsonNode unnamed = steps.at("/readUnnamed/body");
        assertThat(unnamed.get("ApprovalStatus").asText()).isNotEmpty();
        assertThat(unnamed.get("SourceType").asText()).isNotEmpty();
        assertThat(unnamed.get("VersionName").asText()).isEqualTo("0.1.0");
        JsonNode named = steps.at("/readNamed/body");
        assertThat(named.get("FrameworkType").asText())
                .as("%s", steps.get("createNamed"))
                .isEqualTo("PyTorch");
        assertThat(named.get("Options").asText()).isEqualTo("{\"test\":\"options\"}");
        assertThat(named.get("TrainingSpec").toString()).isEqualTo("{\"test\":\"TrainingSpec\"}");
        assertThat(named.get("ApprovalStatus").asText()).isEqualTo("Approved");
        assertThat(steps.at("/update/body/RequestId").asText())
                .as("%s", steps.get("update"))
                .isNotBlank();
        JsonNode updated = steps.at("/readAfterUpdate/body");
        assertThat(updated.get("VersionDescription").asText()).isEqualTo("updated");
        assertThat(updated.get("InferenceSpec").toString()).isEqualTo("{\"test\":\"InferenceSpec2\"}");
        assertThat(updated.get("Metrics").toString()).isEqualTo("{\"test\":\"Metrics2\"}");
        assertThat(updated.get("ApprovalStatus").asText()).isEqualTo("Rejected");
        assertThat(updated.get("Uri").asText()).isEqualTo(named.get("Uri").asText());
        assertThat(updated.get("Labels").toString())
                .as("%s", steps.get("deleteLabels"))
                .isEqualTo("[{\"Key\":\"k2\",\"Value\":\"v2\"},{\"Key\":\"k3\",\"Value\":\"v3\"}]");
        assertThat(steps.at("/readAfterDelete/error/code").asText()).isEqualTo("201900003");
        assertThat(steps.at("/readAfterDelete/error/status").asInt()).isEqualTo(404);
        assertThat(steps.at("/readVersionOfDeletedModel/error/code").asText()).isEqualTo("201900002");
    }

    @Test
    void terraformsCodeSourceResourcePublishesUpdatesAndReadsTheTokenBack() throws Exception {
        JsonNode steps = run("terraform-code-source");

        assertThat(steps.at("/create/body/CodeSourceId").asText())
                .as("%s", steps.get("create"))
                .startsWith("code-");
        JsonNode created = steps.at("/readAfterCreate/body");
        assertThat(created.get("CodeRepoAccessToken").asText()).isEqualTo("token-01");
        assertThat(created.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(created.get("GmtCreateTime").asText()).isNotBlank();
        assertThat(steps.at("/publish/body/CodeSourceId").asText())
                .as("%s", steps.get("publish"))
                .isEqualTo(created.get("CodeSourceId").asText());
        JsonNode updated = steps.at("/readAfterUpdate/body");
        assertThat(updated.get("Accessibility").asText()).isEqualTo("PUBLIC");
        assertThat(updated.get("DisplayName").asText()).isEqualTo("tf-testacc-code-update");
        assertThat(updated.get("CodeCommit").asText()).isEqualTo("1");
        assertThat(updated.get("CodeRepoAccessToken").asText()).isEqualTo("token-02");
        assertThat(updated.get("MountPath").asText()).isEqualTo("/mnt/code/dir_02/");
        assertThat(updated.get("GmtModifyTime").asText()).isNotBlank();
        assertThat(steps.at("/readAfterDelete/error/code").asText()).isEqualTo("201400002");
        assertThat(steps.at("/readAfterDelete/error/status").asInt()).isEqualTo(404);
        assertThat(steps.at("/deleteAgain/error/code").asText()).isEqualTo("201400002");
    }

    @Test
    void thePythonSdkRegistersTwoVersionsResolvesTheLatestListsAndDeletesOne() throws Exception {
        JsonNode steps = run("python-sdk");

        assertThat(steps.at("/first/found/body/TotalCount").asLong())
                .as("%s", steps.get("first"))
                .isZero();
        assertThat(steps.at("/first/versioned/body/VersionName").asText()).isEqualTo("1.0.0");
        assertThat(steps.at("/second/found/body/TotalCount").asLong()).isEqualTo(1);
        assertThat(steps.at("/second/created").isMissingNode()).isTrue();
        assertThat(steps.at("/second/modelId").asText())
                .isEqualTo(steps.at("/first/modelId").asText());
        assertThat(steps.at("/second/versioned/body/VersionName").asText()).isEqualTo("1.1.0");
        JsonNode latest = steps.at("/resolve/body/Models/0/LatestVersion");
        assertThat(latest.get("VersionName").asText()).isEqualTo("1.1.0");
        assertThat(latest.get("Labels").toString()).isEqualTo("[{\"Key\":\"Foo\",\"Value\":\"Bar\"}]");
        assertThat(latest.get("InferenceSpec").toString()).isEqualTo("{\"processor\":\"pytorch_cpu_1.10\"}");
        JsonNode versionPages = steps.get("versionPages");
        assertThat(versionPages).as("pages until an empty one").hasSize(2);
        assertThat(versionPages.at("/0/body/Versions")).hasSize(2);
        assertThat(versionPages.at("/1/body/Versions")).isEmpty();
        assertThat(versionPages.at("/1/body/TotalCount").asLong()).isEqualTo(2);
        assertThat(steps.get("modelPages")).hasSize(2);
        assertThat(steps.at("/getDeleted/error/status").asInt()).isEqualTo(404);
        assertThat(steps.at("/resolveAfterDelete/body/Models/0/LatestVersion/VersionName")
                        .asText())
                .isEqualTo("1.1.0");
        assertThat(steps.at("/getKept/body/VersionName").asText()).isEqualTo("1.1.0");
        assertThat(steps.at("/resolveAfterModelDeleted/body/TotalCount").asLong())
                .isZero();
        assertThat(fake.requests(Operation.ListModels))
                .allSatisfy(request -> assertThat(request.headers()).containsKey("x-acs-action"));
    }

    @Test
    void theCliReadsCodeSourcesWithV3Signatures() throws Exception {
        String id = seedCodeSource();

        JsonNode steps = run("cli-code-sources");

        assertThat(steps.at("/list/body/CodeSources/0/CodeSourceId").asText())
                .as("%s", steps.get("list"))
                .isEqualTo(id);
        assertThat(steps.at("/get/body/CodeBranch").asText()).isEqualTo("dev");
        assertThat(steps.at("/get/body/CodeCommit").asText()).isEqualTo("44da10");
    }

    /** A code source of the workspace, seeded (the CLI flow only reads). */
    private String seedCodeSource() {
        fake.load("{\"workspaces\":[],\"resources\":[{\"Type\":\"CodeSource\",\"Id\":\"code-cli0000000001\","
                + "\"WorkspaceId\":\"" + workspaceId + "\",\"Fields\":{\"DisplayName\":\"dlc examples\","
                + "\"CodeRepo\":\"https://code.aliyun.com/pai-dlc/examples.git\",\"CodeBranch\":\"dev\","
                + "\"CodeCommit\":\"44da10\",\"MountPath\":\"/root/code/\"}}]}");
        return "code-cli0000000001";
    }
}
