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
import org.junit.jupiter.api.Test;

/**
 * Clients we did not write, on the wire, against a strict fake (src/test/node/experiment-image-flows.js): Terraform's
 * experiment and run resources through {@code @alicloud/pop-core}'s ROAClient (the legacy ROA signature), and the PAI
 * Python SDK's image lookups and experiment flows (the same signature plus {@code x-acs-action}).
 */
class ExperimentImageClientsIT {

    private static final String KEY_ID = "LTAI5tNodeTracking";
    private static final String SECRET = "NodeTrackingSecret0123456789";

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
            .accessKey(KEY_ID, SECRET)
            .officialImages(OfficialImage.examples())
            .build()
            .start();
    private final String workspaceId = fake.addWorkspace(
                    Workspace.builder("tracking_ws").description("d").build())
            .workspaceId();

    @AfterEach
    void stop() {
        fake.close();
    }

    private JsonNode runFlow(String flow) throws IOException, InterruptedException {
        Path clients = Path.of(System.getProperty("node.clients", "target/node-clients"));
        Process node = new ProcessBuilder(
                        "node", "experiment-image-flows.js", flow, fake.endpoint(), KEY_ID, SECRET, workspaceId)
                .directory(clients.toFile())
                .start();
        boolean done = node.waitFor(60, TimeUnit.SECONDS);
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("node finished").isTrue();
        assertThat(node.exitValue()).as("node exit; stderr: %s", err).isZero();
        return ApiClient.JSON.readTree(out);
    }

    @Test
    void terraformsExperimentAndRunResourcesCreateReadUpdateDeleteAndSeeThemGone() throws Exception {
        JsonNode steps = runFlow("terraform");

        String experimentId = steps.at("/createExperiment/body/ExperimentId").asText();
        assertThat(experimentId).as("%s", steps.get("createExperiment")).startsWith("exp-");
        JsonNode read = steps.at("/readExperiment/body");
        assertThat(read.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(read.get("ArtifactUri").asText()).isEqualTo("oss://yyt-409262.oss-cn-hangzhou.aliyuncs.com/test/");
        assertThat(read.get("GmtCreateTime").asText()).isNotBlank();
        assertThat(read.get("Name").asText()).isEqualTo("tf-testacc-experiment");
        assertThat(read.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(steps.at("/updateExperiment/body/RequestId").asText())
                .as("%s", steps.get("updateExperiment"))
                .isNotBlank();
        assertThat(steps.at("/readUpdatedExperiment/body/Name").asText()).isEqualTo("tf-testacc-experiment_update");
        assertThat(steps.at("/readUpdatedExperiment/body/Accessibility").asText())
                .isEqualTo("PUBLIC");

        String runId = steps.at("/createRun/body/RunId").asText();
        assertThat(runId).as("%s", steps.get("createRun")).startsWith("run-");
        assertThat(steps.at("/createRun/body/requestId").asText()).isNotBlank();
        JsonNode run = steps.at("/readRun/body");
        assertThat(run.get("Name").asText())
                .as("Terraform reads a run without Name as gone")
                .isEqualTo("tf-testacc-run");
        assertThat(run.get("ExperimentId").asText()).isEqualTo(experimentId);
        assertThat(run.get("SourceType").asText()).isEqualTo("TrainingService");
        assertThat(run.get("SourceId").asText()).isEqualTo("945");
        assertThat(run.get("GmtCreateTime").asText()).isNotBlank();
        assertThat(steps.at("/updateRun/body/requestId").asText()).isNotBlank();
        assertThat(steps.at("/readUpdatedRun/body/Name").asText()).isEqualTo("tf-testacc-run_update");
        assertThat(steps.at("/deleteRun/body/requestId").asText()).isNotBlank();
        assertThat(steps.at("/readDeletedRun/error/status").asInt()).isEqualTo(404);

        assertThat(steps.at("/deleteExperiment/body/RequestId").asText()).isNotBlank();
        JsonNode gone = steps.at("/readDeletedExperiment/error");
        assertThat(gone.get("status").asInt())
                .as("a 404, which no client retries")
                .isEqualTo(404);
        assertThat(gone.get("code").asText())
                .as("the code Terraform maps to gone")
                .isEqualTo("InternalServerErrorProblem");
        assertThat(gone.toString()).doesNotContain("NotFoundErrorProblem");
        assertThat(steps.at("/deleteExperimentAgain/error/status").asInt())
                .as("Terraform's delete reads a not-found as success")
                .isEqualTo(404);
        assertThat(fake.experiments().experiments(workspaceId)).isEmpty();
        assertThat(fake.requests(Operation.GetExperiment))
                .as("one read per step: nothing retried")
                .hasSize(3);
        assertThat(fake.requests(Operation.GetExperiment))
                .allSatisfy(request -> assertThat(request.headers()).doesNotContainKey("x-acs-action"));
    }

    @Test
    void thePythonSdksImageLookupsAndExperimentFlowsWork() throws Exception {
        JsonNode steps = runFlow("python");

        JsonNode retrieved = steps.at("/retrieve/body");
        assertThat(retrieved.get("TotalCount").asLong())
                .as("official GPU training images whose name holds pytorch: %s", retrieved)
                .isEqualTo(3);
        List<String> uris = new ArrayList<>();
        retrieved.get("Images").forEach(image -> uris.add(image.get("ImageUri").asText()));
        assertThat(uris)
                .as("newest first")
                .containsExactly(
                        "dsw-registry.cn-hangzhou.cr.aliyuncs.com/pai/huggingface-pytorch-training:4.37.0-pytorch2.1-gpu-py310-cu121-ubuntu22.04",
                        "dsw-registry.cn-hangzhou.cr.aliyuncs.com/pai/huggingface-pytorch-training:4.31.0-pytorch2.0-gpu-py310-cu118-ubuntu22.04",
                        "dsw-registry.cn-hangzhou.cr.aliyuncs.com/pai/pytorch-training:2.1-gpu-py310-cu121-ubuntu22.04");
        assertThat(retrieved.at("/Images/2/Labels").toString())
                .as("Verbose=True: the labels retrieve() reads")
                .contains("{\"Key\":\"system.pythonVersion\",\"Value\":\"3.10\"}");
        List<String> versions = new ArrayList<>();
        steps.at("/transformersVersions/body/Labels")
                .forEach(label -> versions.add(label.get("Value").asText()));
        assertThat(versions).containsExactly("4.31.0", "4.37.0");
        assertThat(steps.at("/huggingFaceImage/body/Images/0/ImageUri").asText())
                .contains("huggingface-pytorch-training:4.37.0");
        assertThat(steps.at("/huggingFaceImage/body/TotalCount").asLong()).isEqualTo(1);

        String experimentId = steps.at("/createExperiment/body/ExperimentId").asText();
        assertThat(experimentId).as("%s", steps.get("createExperiment")).startsWith("exp-");
        assertThat(steps.at("/getExperiment/body/Name").asText()).isEqualTo("test_experiment_py3k9x2qld");
        assertThat(steps.at("/getExperiment/body/ArtifactUri").asText())
                .isEqualTo("oss://bucket/sdktest/test_experiment/");
        JsonNode pages = steps.get("listByName");
        assertThat(pages).as("a page with the experiment, then an empty one").hasSize(2);
        assertThat(pages.at("/0/body/Experiments")).hasSize(1);
        assertThat(pages.at("/0/body/Experiments/0/ExperimentId").asText()).isEqualTo(experimentId);
        assertThat(pages.at("/0/body/TotalCount").asLong()).isEqualTo(1);
        assertThat(pages.at("/1/body/Experiments")).isEmpty();
        assertThat(steps.at("/setLabels/body/RequestId").asText()).isNotBlank();
        assertThat(steps.at("/deleteLabel/body/RequestId").asText()).isNotBlank();
        assertThat(steps.at("/getUpdated/body/Name").asText()).isEqualTo("test_experiment_renamed");
        assertThat(steps.at("/getUpdated/body/Labels")).isEmpty();
        assertThat(steps.at("/delete/body/RequestId").asText()).isNotBlank();
        assertThat(steps.at("/getDeleted/error/status").asInt()).isEqualTo(404);
        assertThat(fake.requests(Operation.ListImages))
                .allSatisfy(request -> assertThat(request.headers()).containsEntry("x-acs-action", "ListImages"));
    }
}
