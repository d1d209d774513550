package io.github.paiworkspacefake.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.Dataset;
import io.github.paiworkspacefake.server.DatasetJobStatus;
import io.github.paiworkspacefake.server.DatasetSeed;
import io.github.paiworkspacefake.server.DatasetVersion;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The typed dataset API as docs/datasets.md shows it. */
class DatasetsExampleTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void addsADatasetWithVersionsAndReadsItBack() {
        String workspaceId =
                fake.addWorkspace(Workspace.builder("team_ws").build()).workspaceId();
        // docs:begin datasets-typed
        Dataset images = fake.datasets()
                .add(DatasetSeed.builder("images", "oss://my-bucket.oss-cn-hangzhou.aliyuncs.com/images/")
                        .workspaceId(workspaceId) // or the default workspace of the fake's account
                        .options("{\"mountPath\":\"/mnt/data/\"}")
                        .label("team", "vision")
                        .version("oss://my-bucket.oss-cn-hangzhou.aliyuncs.com/images-v2/") // becomes v2
                        .build());
        images.latestVersion(); // "v2"
        List<DatasetVersion> versions = fake.datasets().versions(images.datasetId()); // v1, v2
        fake.datasets().addVersion(images.datasetId(), "oss://my-bucket.oss-cn-hangzhou.aliyuncs.com/v3/"); // v3
        fake.datasets().get(images.datasetId()); // as GetDataset answers it now
        DatasetSeed mnist =
                DatasetSeed.builder("mnist", "oss://pai-public/mnist/").build();
        fake.datasets().addPublic(mnist); // a public dataset: Provider=pai
        // docs:end datasets-typed

        assertThat(images.latestVersion()).isEqualTo("v2");
        assertThat(versions).extracting(DatasetVersion::versionName).containsExactly("v1", "v2");
        assertThat(fake.datasets().get(images.datasetId()))
                .get()
                .extracting(Dataset::latestVersion)
                .isEqualTo("v3");
        assertThat(new ApiClient(fake.baseUrl())
                        .get("/api/v1/datasets?Provider=pai")
                        .body()
                        .get("TotalCount")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void movesADatasetJobToTheStatusATestNeeds() {
        String workspaceId =
                fake.addWorkspace(Workspace.builder("jobs_ws").build()).workspaceId();
        Dataset dataset = fake.datasets()
                .add(DatasetSeed.builder("cars", "oss://bucket/cars/")
                        .workspaceId(workspaceId)
                        .edition("ADVANCED")
                        .build());
        String datasetId = dataset.datasetId();
        String jobId = new ApiClient(fake.baseUrl())
                .post(
                        "/api/v1/datasets/" + datasetId + "/datasetjobs",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"JobAction\":\"SemanticIndex\",\"JobSpec\":\"{}\"}")
                .body()
                .get("DatasetJobId")
                .asText();
        // docs:begin datasets-job-status
        fake.datasets().jobStatus(datasetId, jobId); // RUNNING: every new job, until stopped
        fake.datasets().setJobStatus(datasetId, jobId, DatasetJobStatus.SUCCEEDED); // FinishTime set, files completed
        fake.datasets().jobIds(datasetId); // the dataset's jobs, oldest first
        // docs:end datasets-job-status

        assertThat(fake.datasets().jobStatus(datasetId, jobId)).isEqualTo(DatasetJobStatus.SUCCEEDED);
        assertThat(fake.datasets().jobIds(datasetId)).containsExactly(jobId);
    }
}
