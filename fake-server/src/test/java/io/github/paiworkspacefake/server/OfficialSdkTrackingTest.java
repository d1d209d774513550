package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Experiments, runs and images through the official SDK's runtime (tea-openapi, V3 signatures) against a strict fake
 * with two accounts: answers parse as the SDK's models read them, lower camel {@code requestId} included, and each
 * account sees its own experiments, runs and custom images but every account the official images.
 */
class OfficialSdkTrackingTest {

    private static final Account ALICE = Account.of("1111000000000001", "alice");
    private static final Account BOB = Account.of("2222000000000002", "bob");

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
            .accessKey("AK_ALICE", "alice-secret", ALICE)
            .accessKey("AK_BOB", "bob-secret", BOB)
            .officialImages(OfficialImage.examples())
            .build()
            .start();
    private final OfficialSdk alice = new OfficialSdk(fake.endpoint(), "AK_ALICE", "alice-secret");
    private final OfficialSdk bob = new OfficialSdk(fake.endpoint(), "AK_BOB", "bob-secret");

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

    private String workspaceOf(OfficialSdk sdk, String name) throws Exception {
        return (String) OfficialSdk.body(sdk.createWorkspace(
                        Map.of("WorkspaceName", name, "Description", "d", "EnvTypes", List.of("prod"))))
                .get("WorkspaceId");
    }

    @Test
    void aTrainingScriptsCallsParseAsTheSdksModelsReadThem() throws Exception {
        String workspaceId = workspaceOf(alice, "alices_ws");
        String experimentId = (String) call(
                        alice,
                        "CreateExperiment",
                        "POST",
                        "/api/v1/experiments",
                        null,
                        Map.of("Name", "sdk-exp", "WorkspaceId", workspaceId, "ArtifactUri", "oss://b/p/"))
                .get("ExperimentId");
        Map<String, Object> createdRun = call(
                alice,
                "CreateRun",
                "POST",
                "/api/v1/runs",
                null,
                Map.of("ExperimentId", experimentId, "Params", List.of(Map.of("Key", "lr", "Value", "0.1"))));
        String runId = (String) createdRun.get("RunId");
        Map<String, Object> logged = call(
                alice,
                "LogRunMetrics",
                "POST",
                "/api/v1/runs/" + runId + "/metrics/action/log",
                null,
                Map.of("Metrics", List.of(Map.of("Key", "loss", "Value", 0.5f, "Step", 1L, "Timestamp", 10L))));
        Map<String, Object> metrics = call(
                alice,
                "ListRunMetrics",
                "GET",
                "/api/v1/runs/" + runId + "/metrics",
                Map.of("Key", "loss", "MaxResults", "100", "PageToken", "0"),
                null);
        Map<String, Object> runs = call(
                alice,
                "ListRuns",
                "GET",
                "/api/v1/runs",
                Map.of("ExperimentId", experimentId, "Verbose", "true"),
                null);
        Map<String, Object> experiments =
                call(alice, "ListExperiment", "GET", "/api/v1/experiments", Map.of("WorkspaceId", workspaceId), null);

        assertThat(createdRun.get("requestId")).isInstanceOf(String.class);
        assertThat(logged.get("requestId")).isInstanceOf(String.class);
        assertThat(metrics.get("requestId")).isInstanceOf(String.class);
        assertThat(metrics.get("NextPageToken")).isEqualTo(0L);
        assertThat((List<?>) metrics.get("Metrics")).hasSize(1);
        assertThat(runs.get("requestId")).isInstanceOf(String.class);
        assertThat(runs.get("TotalCount")).isEqualTo(1L);
        assertThat(experiments.get("requestId")).isInstanceOf(String.class);
        assertThat(experiments.get("TotalCount")).isEqualTo(1L);
        assertThat(fake.experiments().metrics(runId, "loss"))
                .singleElement()
                .satisfies(metric -> assertThat(metric.value()).isEqualTo(0.5));
    }

    @Test
    void anotherAccountsExperimentsRunsAndImagesAreNotFound() throws Exception {
        String workspaceId = workspaceOf(alice, "alices_ws");
        String experimentId = (String) call(
                        alice,
                        "CreateExperiment",
                        "POST",
                        "/api/v1/experiments",
                        null,
                        Map.of("Name", "secret", "WorkspaceId", workspaceId))
                .get("ExperimentId");
        String runId =
                (String) call(alice, "CreateRun", "POST", "/api/v1/runs", null, Map.of("ExperimentId", experimentId))
                        .get("RunId");
        String imageId = (String) call(
                        alice,
                        "AddImage",
                        "POST",
                        "/api/v1/images",
                        null,
                        Map.of("Name", "private-image", "ImageUri", "r/p:1", "WorkspaceId", workspaceId))
                .get("ImageId");

        TeaException experiment = catchThrowableOfType(
                TeaException.class,
                () -> call(bob, "GetExperiment", "GET", "/api/v1/experiments/" + experimentId, null, null));
        TeaException run = catchThrowableOfType(
                TeaException.class, () -> call(bob, "GetRun", "GET", "/api/v1/runs/" + runId, null, null));
        TeaException image = catchThrowableOfType(
                TeaException.class, () -> call(bob, "GetImage", "GET", "/api/v1/images/" + imageId, null, null));
        TeaException runOfOthersExperiment = catchThrowableOfType(
                TeaException.class,
                () -> call(bob, "CreateRun", "POST", "/api/v1/runs", null, Map.of("ExperimentId", experimentId)));
        TeaException listInOthersWorkspace = catchThrowableOfType(
                TeaException.class,
                () -> call(bob, "ListImages", "GET", "/api/v1/images", Map.of("WorkspaceId", workspaceId), null));

        assertThat(experiment.getStatusCode()).isEqualTo(404);
        assertThat(experiment.getCode()).isEqualTo("InternalServerErrorProblem");
        assertThat(run.getCode()).isEqualTo("RunNotFound");
        assertThat(image.getCode()).isEqualTo("ImageNotFound");
        assertThat(runOfOthersExperiment.getStatusCode()).isEqualTo(404);
        assertThat(listInOthersWorkspace.getCode()).isEqualTo("100400027");
        assertThat(call(bob, "ListRuns", "GET", "/api/v1/runs", Map.of("ExperimentId", experimentId), null)
                        .get("TotalCount"))
                .isEqualTo(0L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCliAndTheDlcSampleFindTheirImages() throws Exception {
        // the aliyun CLI's DLC job skill: list-image-labels, then list-images --labels "K1=V1,K2=V2", no workspace
        Map<String, Object> labels = call(alice, "ListImageLabels", "GET", "/api/v1/image/labels", null, null);
        Map<String, Object> dlc = call(
                alice,
                "ListImages",
                "GET",
                "/api/v1/images",
                Map.of("Labels", "system.supported.dlc=true,system.chipType=CPU"),
                null);
        // the DLC Python SDK sample
        Map<String, Object> sample = call(
                alice,
                "ListImages",
                "GET",
                "/api/v1/images",
                Map.of(
                        "Labels",
                        "system.supported.dlc=true,system.framework=Tensorflow 1.15,system.pythonVersion=3.6,"
                                + "system.chipType=CPU"),
                null);
        // the CLI's EAS deploy skill: list-images --verbose true --labels ... --page-size 50 --name vllm, get-image
        Map<String, Object> eas = call(
                alice,
                "ListImages",
                "GET",
                "/api/v1/images",
                Map.of(
                        "Verbose",
                        "true",
                        "Labels",
                        "system.official=true,system.supported.eas=true",
                        "PageSize",
                        "50",
                        "Name",
                        "vllm"),
                null);
        String vllm = (String) ((Map<?, ?>) ((List<?>) eas.get("Images")).get(0)).get("ImageId");
        Map<String, Object> image =
                call(alice, "GetImage", "GET", "/api/v1/images/" + vllm, Map.of("Verbose", "true"), null);

        assertThat((List<Object>) labels.get("Labels")).contains(Map.of("Key", "system.chipType", "Value", "CPU"));
        assertThat(dlc.get("TotalCount")).isEqualTo(3L);
        assertThat(((Map<?, ?>) ((List<?>) sample.get("Images")).get(0)).get("ImageUri"))
                .isEqualTo(
                        "dsw-registry.cn-hangzhou.cr.aliyuncs.com/pai/tensorflow-training:1.15-cpu-py36-ubuntu18.04");
        assertThat(eas.get("TotalCount")).isEqualTo(1L);
        assertThat((List<Object>) image.get("Labels")).contains(Map.of("Key", "system.chipType", "Value", "GPU"));
    }

    @Test
    void everyAccountReadsTheOfficialImages() throws Exception {
        Map<String, Object> forAlice = call(
                alice,
                "ListImages",
                "GET",
                "/api/v1/images",
                Map.of("Labels", "system.official=true,system.chipType=GPU", "Verbose", "true"),
                null);
        Map<String, Object> forBob = call(
                bob,
                "ListImages",
                "GET",
                "/api/v1/images",
                Map.of("Labels", "system.official=true,system.chipType=GPU", "Verbose", "true"),
                null);
        String imageId = (String) ((Map<?, ?>) ((List<?>) forBob.get("Images")).get(0)).get("ImageId");

        assertThat(forAlice.get("TotalCount")).isEqualTo(6L);
        assertThat(forBob.get("Images")).isEqualTo(forAlice.get("Images"));
        assertThat(call(bob, "GetImage", "GET", "/api/v1/images/" + imageId, null, null)
                        .get("Name"))
                .isEqualTo("pytorch-training:2.1-gpu-py310-cu121-ubuntu22.04");
    }
}
