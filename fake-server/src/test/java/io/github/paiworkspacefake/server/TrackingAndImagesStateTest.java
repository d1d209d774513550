package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Experiments, runs, metrics, images and image builds are part of the fake's whole state: seeds, snapshots, reset, a
 * workspace's deletion, the journal, faults and the admin API cover them; the typed API reads them.
 */
class TrackingAndImagesStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SEED = """
            {"workspaces":[{"WorkspaceId":"7001","WorkspaceName":"tracking_ws"}],
             "resources":[
               {"Type":"Experiment","Id":"exp-seeded","WorkspaceId":"7001",
                "Fields":{"Name":"seeded","WorkspaceId":"7001","Accessibility":"PRIVATE",
                          "ArtifactUri":"oss://bucket/seeded/","GmtCreateTime":"2025-01-01T00:00:00.000Z"}},
               {"Type":"Run","Id":"run-seeded","WorkspaceId":"7001",
                "Fields":{"ExperimentId":"exp-seeded","WorkspaceId":"7001","Name":"r",
                          "Metrics":[{"Key":"loss","Value":0.5,"Step":2,"Timestamp":2000},
                                     {"Key":"loss","Value":0.9,"Step":1,"Timestamp":1000}]}},
               {"Type":"Image","Id":"image-seededseededseeded","WorkspaceId":"7001",
                "Fields":{"Name":"seeded-image","WorkspaceId":"7001","ImageUri":"r/seeded:1",
                          "Labels":[{"Key":"team","Value":"cv"}]}},
               {"Type":"Image","Id":"image-officialofficialof",
                "Fields":{"Name":"pytorch:2.1","ImageUri":"r/pytorch:2.1",
                          "Labels":[{"Key":"system.official","Value":"true"}]}}]}
            """;

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().adminApi(true).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aSeedsExperimentsRunsMetricsAndImagesAreServed() {
        fake.load(SEED);

        assertThat(api.get("/api/v1/experiments/exp-seeded").body().get("Name").asText())
                .isEqualTo("seeded");
        JsonNode curve = api.get("/api/v1/runs/run-seeded/metrics?Key=loss").body();
        assertThat(curve.get("Metrics").get(0).get("Step").asLong()).isEqualTo(1);
        assertThat(curve.get("Metrics").get(1).get("Value").asDouble()).isEqualTo(0.5);
        assertThat(api.get("/api/v1/images?WorkspaceId=7001")
                        .body()
                        .get("TotalCount")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/images")
                        .body()
                        .get("Images")
                        .get(0)
                        .get("ImageId")
                        .asText())
                .as("an image without a WorkspaceId is official")
                .isEqualTo("image-officialofficialof");
        assertThat(fake.experiments().runs("exp-seeded")).extracting(Run::runId).containsExactly("run-seeded");
        assertThat(fake.experiments().metrics("run-seeded", "loss"))
                .containsExactly(new RunMetric("loss", 0.9, 1, 1000), new RunMetric("loss", 0.5, 2, 2000));
    }

    @Test
    void snapshotsRoundTripEverythingTheFamiliesStore() throws Exception {
        String workspaceId = api.createWorkspace("snap_ws");
        String experimentId = api.post(
                        "/api/v1/experiments",
                        "{\"Name\":\"e\",\"WorkspaceId\":\"" + workspaceId
                                + "\",\"Labels\":[{\"Key\":\"k\",\"Value\":\"v\"}]}")
                .body()
                .get("ExperimentId")
                .asText();
        String runId = api.post("/api/v1/runs", "{\"ExperimentId\":\"" + experimentId + "\",\"Name\":\"r\"}")
                .body()
                .get("RunId")
                .asText();
        api.post(
                "/api/v1/runs/" + runId + "/metrics/action/log",
                "{\"Metrics\":[{\"Key\":\"loss\",\"Value\":0.25,\"Step\":1,\"Timestamp\":5}]}");
        api.post("/api/v1/images", "{\"Name\":\"img\",\"ImageUri\":\"r/i:1\",\"WorkspaceId\":\"" + workspaceId + "\"}");
        fake.images().addExamples();
        JsonNode before = JSON.readTree(fake.snapshot());

        try (PaiWorkspaceFake copy = PaiWorkspaceFake.builder().build().start()) {
            copy.load(fake.snapshot());
            ApiClient other = new ApiClient(copy.baseUrl());

            assertThat(JSON.readTree(copy.snapshot()).path("resources")).isEqualTo(before.path("resources"));
            assertThat(other.get("/api/v1/experiments/" + experimentId)
                            .body()
                            .get("Labels")
                            .get(0)
                            .get("GmtCreateTime")
                            .asText())
                    .isEqualTo(api.get("/api/v1/experiments/" + experimentId)
                            .body()
                            .get("Labels")
                            .get(0)
                            .get("GmtCreateTime")
                            .asText());
            assertThat(other.get("/api/v1/runs/" + runId + "/metrics?Key=loss")
                            .body()
                            .get("Metrics")
                            .toString())
                    .isEqualTo("[{\"Key\":\"loss\",\"Step\":1,\"Timestamp\":5,\"Value\":0.25}]");
            assertThat(copy.images().official()).hasSize(9);
            assertThat(copy.experiments().experiment(experimentId)).isPresent();
        }
    }

    @Test
    void resetForgetsEverythingButTheBuildersOfficialImages() {
        try (PaiWorkspaceFake built = PaiWorkspaceFake.builder()
                .officialImages(List.of(OfficialImage.builder("base:1", "r/base:1")
                        .label("system.chipType", "CPU")
                        .build()))
                .build()
                .start()) {
            ApiClient client = new ApiClient(built.baseUrl());
            String workspaceId = client.createWorkspace("reset_ws");
            client.post("/api/v1/experiments", "{\"Name\":\"e\",\"WorkspaceId\":\"" + workspaceId + "\"}");
            built.images().addExamples();
            assertThat(built.images().official()).hasSize(10);

            built.reset();

            assertThat(built.images().official()).singleElement().satisfies(image -> {
                assertThat(image.name()).isEqualTo("base:1");
                assertThat(image.labels())
                        .containsExactly(Map.entry("system.chipType", "CPU"), Map.entry("system.official", "true"));
                assertThat(image.accessibility()).isEqualTo("PUBLIC");
            });
            assertThat(built.experiments().experiments(workspaceId)).isEmpty();
            assertThat(client.get("/api/v1/images").body().get("TotalCount").asLong())
                    .isEqualTo(1);
        }
    }

    @Test
    void deletingAWorkspaceDeletesItsExperimentsRunsImagesAndBuilds() {
        String workspaceId = api.createWorkspace("doomed_ws");
        String experimentId = api.post(
                        "/api/v1/experiments", "{\"Name\":\"e\",\"WorkspaceId\":\"" + workspaceId + "\"}")
                .body()
                .get("ExperimentId")
                .asText();
        String runId = api.post("/api/v1/runs", "{\"ExperimentId\":\"" + experimentId + "\"}")
                .body()
                .get("RunId")
                .asText();
        api.post("/api/v1/images", "{\"Name\":\"img\",\"ImageUri\":\"r/i:1\",\"WorkspaceId\":\"" + workspaceId + "\"}");
        String buildId = api.post("/api/v1/imagebuilds", build(workspaceId, "built"))
                .body()
                .get("ImageBuildId")
                .asText();
        fake.images().addExamples();

        api.delete("/api/v1/workspaces/" + workspaceId);

        assertThat(fake.experiments().experiment(experimentId)).isEmpty();
        assertThat(fake.experiments().run(runId)).isEmpty();
        assertThat(fake.images().images(workspaceId)).isEmpty();
        assertThat(fake.images().build(buildId)).isEmpty();
        assertThat(fake.images().official()).hasSize(9);
    }

    private static String build(String workspaceId, String name) {
        return "{\"WorkspaceId\":\"" + workspaceId + "\",\"BuildConfig\":{\"BuildType\":\"CustomDockerfile\","
                + "\"Dockerfile\":\"FROM x\"},\"Image\":{\"Name\":\"" + name + "\",\"Uri\":\"r/" + name + ":1\"},"
                + "\"Resource\":{},\"TargetRegistry\":{\"Type\":\"AcrEnterprise\"}}";
    }

    @Test
    void runsCreatedWhileTheirExperimentIsDeletedDoNotOutliveIt() throws Exception {
        String workspaceId = api.createWorkspace("race_ws");
        for (int round = 0; round < 5; round++) {
            String experimentId = api.post(
                            "/api/v1/experiments",
                            "{\"Name\":\"race-" + round + "\",\"WorkspaceId\":\"" + workspaceId + "\"}")
                    .body()
                    .get("ExperimentId")
                    .asText();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<ApiClient.Reply>> creates = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                creates.add(pool.submit(() -> api.post("/api/v1/runs", "{\"ExperimentId\":\"" + experimentId + "\"}")));
            }
            Future<ApiClient.Reply> deleted = pool.submit(() -> api.delete("/api/v1/experiments/" + experimentId));
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(deleted.get().status()).isEqualTo(200);
            for (Future<ApiClient.Reply> create : creates) {
                assertThat(create.get().status())
                        .as("a run is created, or its experiment is gone")
                        .isIn(200, 404);
            }
            JsonNode resources = JSON.readTree(fake.snapshot()).path("resources");
            resources.forEach(resource -> assertThat(
                            resource.path("Fields").path("ExperimentId").asText())
                    .as("a stored run of the deleted experiment")
                    .isNotEqualTo(experimentId));
        }
    }

    @Test
    void theJournalAndFaultsCoverTheFamilies() {
        String workspaceId = api.createWorkspace("journal_ws");
        fake.faults().failNext(Operation.CreateExperiment, 1, FaultError.SERVICE_UNAVAILABLE);

        assertError(
                api.post("/api/v1/experiments", "{\"Name\":\"e\",\"WorkspaceId\":\"" + workspaceId + "\"}"),
                503,
                "ServiceUnavailable");
        api.post("/api/v1/experiments", "{\"Name\":\"e\",\"WorkspaceId\":\"" + workspaceId + "\"}");
        api.get("/api/v1/images?Labels=system.official%3Dtrue");

        assertThat(fake.requests(Operation.CreateExperiment))
                .extracting(RecordedRequest::status)
                .containsExactly(503, 200);
        assertThat(fake.requests(Operation.ListImages))
                .singleElement()
                .satisfies(request -> assertThat(request.query()).contains("Labels="));
    }

    @Test
    void theAdminApiSeedsOfficialImagesAndEndsImageBuilds() {
        ApiClient.Reply added = api.post(
                "/__admin/images",
                "{\"Name\":\"custom-official\",\"ImageUri\":\"r/co:1\",\"ImageId\":\"image-adminadminadminadm\","
                        + "\"Labels\":[{\"Key\":\"system.chipType\",\"Value\":\"GPU\"}]}");
        ApiClient.Reply examples = api.post("/__admin/images/examples", "{}");

        assertThat(added.status()).as("%s", added.body()).isEqualTo(200);
        assertThat(added.body().get("ImageId").asText()).isEqualTo("image-adminadminadminadm");
        assertThat(examples.body().get("Images")).hasSize(9);
        assertThat(fake.images().official()).hasSize(10);
        assertError(api.post("/__admin/images/examples", "{}"), 409, "ImageAlreadyExists");
        assertError(api.post("/__admin/images", "{\"Name\":\"x\"}"), 400, "MissingParameter");
        assertError(
                api.post("/__admin/images", "{\"Name\":\"x\",\"ImageUri\":\"r\",\"ImageId\":\"image-1\"}"),
                400,
                "InvalidParameter");

        String workspaceId = api.createWorkspace("build_ws");
        String buildId = api.post("/api/v1/imagebuilds", build(workspaceId, "from-admin"))
                .body()
                .get("ImageBuildId")
                .asText();
        ApiClient.Reply ended = api.post("/__admin/imagebuilds/" + buildId, "{\"status\":\"Succeeded\"}");

        assertThat(ended.body().get("Status").asText()).isEqualTo("SUCCEEDED");
        String imageId = ended.body().get("ImageId").asText();
        assertThat(api.get("/api/v1/images/" + imageId).body().get("SourceId").asText())
                .isEqualTo(buildId);
        assertError(
                api.post("/__admin/imagebuilds/" + buildId, "{\"status\":\"Failed\"}"), 409, "ImageBuildNotRunning");
        assertError(api.post("/__admin/imagebuilds/build-none", "{\"status\":\"Failed\"}"), 404, "ImageBuildNotFound");
        String second = api.post("/api/v1/imagebuilds", build(workspaceId, "second"))
                .body()
                .get("ImageBuildId")
                .asText();
        assertThat(api.post("/__admin/imagebuilds/" + second, "{\"status\":\"Failed\",\"message\":\"no space\"}")
                        .body()
                        .get("Message")
                        .asText())
                .isEqualTo("no space");
    }

    @Test
    void aBuildWhoseNameWasTakenMeanwhileFails() {
        String workspaceId = api.createWorkspace("race_ws");
        String buildId = api.post("/api/v1/imagebuilds", build(workspaceId, "contested"))
                .body()
                .get("ImageBuildId")
                .asText();
        api.post(
                "/api/v1/images",
                "{\"Name\":\"contested\",\"ImageUri\":\"r/c:1\",\"WorkspaceId\":\"" + workspaceId + "\"}");

        assertThatThrownBy(() -> fake.images().completeBuild(buildId))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed");
        assertThat(fake.images().build(buildId).orElseThrow().status()).isEqualTo(ImageBuild.Status.FAILED);
        assertThatThrownBy(() -> fake.images().completeBuild(buildId)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fake.images().completeBuild("build-none"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTypedApiRefusesBadOfficialImagesAllOrNothing() {
        OfficialImage good = OfficialImage.builder("good", "r/good:1").build();
        OfficialImage badId =
                OfficialImage.builder("bad", "r/bad:1").imageId("image-1").build();
        OfficialImage badLabel =
                OfficialImage.builder("bad", "r/bad:1").label("k", "a,b").build();

        assertThatThrownBy(() -> fake.images().addOfficial(List.of(good, badId)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ImageId");
        assertThatThrownBy(() -> fake.images().addOfficial(badLabel)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.images().official()).isEmpty();
        fake.images().addExamples();
        assertThatThrownBy(() -> fake.images().addExamples()).isInstanceOf(IllegalStateException.class);
        assertThat(fake.images().official()).hasSize(9);
        assertThatThrownBy(() -> fake.experiments().runs("exp-none")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.experiments().metrics("run-none")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theExampleSetIsAValidSeedFileAndMatchesTheTypedExamples() throws Exception {
        String resource;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(OfficialImage.EXAMPLES)) {
            resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        fake.load(resource);

        assertThat(fake.images().official())
                .extracting(Image::imageId, Image::name, Image::labels)
                .containsExactlyElementsOf(OfficialImage.examples().stream()
                        .map(image -> tuple(image.imageId(), image.name(), image.labels()))
                        .toList());
        assertThat(OfficialImage.examples())
                .allSatisfy(image -> assertThat(image.labels()).containsEntry("system.official", "true"));
    }
}
