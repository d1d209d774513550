package io.github.paiworkspacefake.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.Image;
import io.github.paiworkspacefake.server.ImageBuild;
import io.github.paiworkspacefake.server.OfficialImage;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Run;
import io.github.paiworkspacefake.server.RunMetric;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/experiments-runs-images.md's examples of official images, image builds and reading runs, run. */
class ExperimentsAndImagesExampleTest {

    private static final String BUILD = "{\"WorkspaceId\":\"%s\",\"BuildConfig\":{\"BuildType\":\"CustomDockerfile\","
            + "\"Dockerfile\":\"FROM ubuntu:22.04\"},\"Image\":{\"Name\":\"%s\",\"Uri\":\"r/%s:1\"},\"Resource\":{},"
            + "\"TargetRegistry\":{\"Type\":\"AcrEnterprise\"}}";

    @Test
    void officialImages() {
        // docs:begin official-images
        PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .officialImages(OfficialImage.examples()) // from the start, and again after every reset()
                .build()
                .start();
        fake.images()
                .addOfficial(OfficialImage.builder("my-base:1.0", "registry.cn-hangzhou.aliyuncs.com/team/my-base:1.0")
                        .label("system.chipType", "GPU")
                        .label("system.supported.dlc", "true")
                        .build()); // until reset(); it carries system.official=true
        // docs:end official-images
        try (fake) {
            assertThat(fake.images().official()).hasSize(10);
            fake.reset();
            assertThat(fake.images().official()).hasSize(9);
        }
    }

    @Test
    void imageBuilds() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String workspaceId = api.createWorkspace("build_ws");
            api.post("/api/v1/imagebuilds", BUILD.formatted(workspaceId, "good", "good"));
            String otherBuildId = api.post("/api/v1/imagebuilds", BUILD.formatted(workspaceId, "bad", "bad"))
                    .body()
                    .get("ImageBuildId")
                    .asText();
            // docs:begin image-builds
            ImageBuild build = fake.images().builds().get(0); // as CreateImageBuild recorded it: RUNNING
            Image image = fake.images().completeBuild(build.imageBuildId()); // SUCCEEDED: the image is in the workspace
            fake.images().failBuild(otherBuildId, "pip install failed"); // FAILED: no image
            // docs:end image-builds
            assertThat(image.sourceId()).isEqualTo(build.imageBuildId());
            assertThat(fake.images().images(workspaceId))
                    .extracting(Image::name)
                    .containsExactly("good");
        }
    }

    @Test
    void readRuns() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String workspaceId = api.createWorkspace("train_ws");
            String experimentId = api.post(
                            "/api/v1/experiments", "{\"Name\":\"training\",\"WorkspaceId\":\"" + workspaceId + "\"}")
                    .body()
                    .get("ExperimentId")
                    .asText();
            String runId = api.post("/api/v1/runs", "{\"ExperimentId\":\"" + experimentId + "\"}")
                    .body()
                    .get("RunId")
                    .asText();
            api.post(
                    "/api/v1/runs/" + runId + "/metrics/action/log",
                    "{\"Metrics\":[{\"Key\":\"loss\",\"Value\":0.5,\"Step\":2},{\"Key\":\"loss\",\"Value\":0.9,"
                            + "\"Step\":1},{\"Key\":\"loss\",\"Value\":0.3,\"Step\":3}]}");
            // docs:begin read-runs
            Run run = fake.experiments().runs(experimentId).get(0); // the experiment's runs, oldest first
            List<RunMetric> loss = fake.experiments().metrics(run.runId(), "loss"); // by Step, as a training curve
            assertThat(loss).extracting(RunMetric::value).containsExactly(0.9, 0.5, 0.3);
            // docs:end read-runs
        }
    }
}
