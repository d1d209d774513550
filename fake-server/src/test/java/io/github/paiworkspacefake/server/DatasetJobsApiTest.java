package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dataset jobs, which the fake records and never runs (CreateDatasetJob, GetDatasetJob, ListDatasetJobs,
 * UpdateDatasetJob, DeleteDatasetJob, StopDatasetJob), and dataset job configurations (CreateDatasetJobConfig,
 * GetDatasetJobConfig, ListDatasetJobConfigs, UpdateDatasetJobConfig, DeleteDatasetJobConfig).
 */
class DatasetJobsApiTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00.000Z"));
    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().clock(clock).adminApi(true).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;
    private String datasetId;
    private String jobs;
    private String configs;

    @BeforeEach
    void dataset() {
        workspaceId = api.createWorkspace("data_ws");
        fake.makeDefault(workspaceId);
        datasetId = api.post(
                        "/api/v1/datasets",
                        "{\"Name\":\"cars\",\"Property\":\"DIRECTORY\",\"DataSourceType\":\"OSS\",\"Edition\":\"ADVANCED\","
                                + "\"Uri\":\"oss://bucket/cars/\"}")
                .body()
                .get("DatasetId")
                .asText();
        jobs = "/api/v1/datasets/" + datasetId + "/datasetjobs";
        configs = "/api/v1/datasets/" + datasetId + "/datasetjobconfigs";
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String createJob(String action, String extra) {
        clock.now = clock.now.plusSeconds(1);
        ApiClient.Reply reply = api.post(
                jobs,
                "{\"WorkspaceId\":\"" + workspaceId + "\",\"JobAction\":\"" + action
                        + "\",\"JobSpec\":\"{\\\"modelId\\\":\\\"xxx\\\"}\"" + (extra.isEmpty() ? "" : "," + extra)
                        + "}");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body().get("DatasetJobId").asText();
    }

    private JsonNode job(String id) {
        ApiClient.Reply reply = api.get(jobs + "/" + id);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body();
    }

    private static List<String> ids(JsonNode array, String member) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get(member).asText()));
        return ids;
    }

    @Test
    void aNewJobIsRunningAndCountsTheVersionsFileMetadata() {
        api.post(
                "/api/v1/datasets/" + datasetId + "/datasetfilemetas",
                "{\"WorkspaceId\":\"" + workspaceId
                        + "\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":[{\"Uri\":\"oss://bucket/cars/a.png\"},{\"Uri\":\"oss://bucket/cars/b.png\"}]}");

        String id = createJob("SemanticIndex", "\"DatasetVersion\":\"v1\",\"Description\":\"索引\"");

        JsonNode job = job(id);
        assertThat(id).matches("dsjob-[0-9a-z]{13}");
        assertThat(job.get("Status").asText()).isEqualTo("Running");
        assertThat(job.get("JobAction").asText()).isEqualTo("SemanticIndex");
        assertThat(job.get("JobMode").asText()).isEqualTo("Full");
        assertThat(job.get("JobSpec").asText()).isEqualTo("{\"modelId\":\"xxx\"}");
        assertThat(job.get("Description").asText()).isEqualTo("索引");
        assertThat(job.get("TotalFileCount").asLong()).isEqualTo(2);
        assertThat(job.get("CompletedFileCount").asLong()).isZero();
        assertThat(job.get("FailedFileCount").asLong()).isZero();
        assertThat(job.get("CreateTime").asText()).isEqualTo("2025-03-01T08:00:01.000Z");
        assertThat(job.has("FinishTime")).isFalse();
        assertThat(job.get("Logs").get(0).asText()).startsWith("2025-03-01 08:00:01.000 INFO: ");
    }

    @Test
    void createDatasetJobChecksItsMembers() {
        assertError(api.post(jobs, "{\"JobAction\":\"SemanticIndex\",\"JobSpec\":\"{}\"}"), 400, "MissingParameter");
        assertError(
                api.post(jobs, "{\"WorkspaceId\":\"" + workspaceId + "\",\"JobSpec\":\"{}\"}"),
                400,
                "MissingParameter");
        assertError(
                api.post(jobs, "{\"WorkspaceId\":\"" + workspaceId + "\",\"JobAction\":\"Train\",\"JobSpec\":\"{}\"}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        jobs,
                        "{\"WorkspaceId\":\"" + workspaceId
                                + "\",\"JobAction\":\"SemanticIndex\",\"JobSpec\":\"{}\",\"JobMode\":\"Half\"}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        jobs,
                        "{\"WorkspaceId\":\"" + workspaceId
                                + "\",\"JobAction\":\"SemanticIndex\",\"JobSpec\":\"{}\",\"DatasetVersion\":\"v5\"}"),
                404,
                "201300003");
        assertError(
                api.post(jobs, "{\"WorkspaceId\":\"12345\",\"JobAction\":\"SemanticIndex\",\"JobSpec\":\"{}\"}"),
                404,
                "201300003");
        assertThat(api.get(jobs).body().get("TotalCount").asInt()).isZero();
    }

    @Test
    void listingIsNewestFirstFiltersAndShowsLogsOnlyWhenAsked() {
        String index = createJob("SemanticIndex", "\"DatasetVersion\":\"v1\"");
        String tag = createJob("IntelligentTag", "");
        String export = createJob("FileMetaExport", "\"JobMode\":\"Increment\"");
        fake.datasets().setJobStatus(datasetId, tag, DatasetJobStatus.SUCCEEDED);

        JsonNode all = api.get(jobs).body();

        assertThat(ids(all.get("DatasetJobs"), "DatasetJobId")).containsExactly(export, tag, index);
        assertThat(all.get("TotalCount").asInt()).isEqualTo(3);
        assertThat(all.at("/DatasetJobs/0").has("Logs")).isFalse();
        assertThat(all.at("/DatasetJobs/0/WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(api.get(jobs + "?WithLogs=true").body().at("/DatasetJobs/0/Logs"))
                .isNotEmpty();
        assertThat(ids(api.get(jobs + "?Order=ASC").body().get("DatasetJobs"), "DatasetJobId"))
                .containsExactly(index, tag, export);
        assertThat(ids(api.get(jobs + "?Status=Succeeded").body().get("DatasetJobs"), "DatasetJobId"))
                .containsExactly(tag);
        assertThat(ids(api.get(jobs + "?JobAction=FileMetaExport").body().get("DatasetJobs"), "DatasetJobId"))
                .containsExactly(export);
        assertThat(ids(api.get(jobs + "?DatasetVersion=v1").body().get("DatasetJobs"), "DatasetJobId"))
                .containsExactly(index);
        assertThat(ids(api.get(jobs + "?PageNumber=2&PageSize=2").body().get("DatasetJobs"), "DatasetJobId"))
                .containsExactly(index);
        assertError(api.get(jobs + "?SortBy=Status"), 400, "InvalidParameter");
        assertError(api.get(jobs + "?WorkspaceId=777"), 404, "201300003");
    }

    @Test
    void updateDatasetJobChangesItsDescription() {
        String id = createJob("SemanticIndex", "\"DatasetVersion\":\"v1\",\"Description\":\"old\"");

        assertThat(api.put(
                                jobs + "/" + id,
                                "{\"Description\":\"new\",\"DatasetVersion\":\"v1\",\"WorkspaceId\":\"" + workspaceId
                                        + "\"}")
                        .status())
                .isEqualTo(200);

        assertThat(job(id).get("Description").asText()).isEqualTo("new");
        assertError(
                api.put(jobs + "/" + id, "{\"Description\":\"x\",\"DatasetVersion\":\"v2\"}"),
                404,
                "DatasetJob.NotFound");
        assertError(api.get(jobs + "/" + id + "?WorkspaceId=1"), 404, "201300003");
    }

    @Test
    void stopDatasetJobStopsAJobThatHasNotFinishedAndOnlySuch() {
        String running = createJob("FileMetaBuild", "");
        String done = createJob("FileMetaBuild", "");
        fake.datasets().setJobStatus(datasetId, done, DatasetJobStatus.SUCCEEDED);
        clock.now = clock.now.plusSeconds(10);

        assertThat(api.put(jobs + "/" + running + "/action/stop", "{}").status())
                .isEqualTo(200);

        JsonNode stopped = job(running);
        assertThat(stopped.get("Status").asText()).isEqualTo("Stopped");
        assertThat(stopped.get("FinishTime").asText()).isEqualTo("2025-03-01T08:00:12.000Z");
        assertThat(stopped.get("Logs")).hasSize(2);
        assertThat(api.put(jobs + "/" + running + "/action/stop", "{}").status())
                .as("stopping twice")
                .isEqualTo(200);
        assertError(api.put(jobs + "/" + done + "/action/stop", "{}"), 400, "OperationDenied.JobStatus");
        assertThat(fake.datasets().jobStatus(datasetId, done)).isEqualTo(DatasetJobStatus.SUCCEEDED);
    }

    @Test
    void testCodeMovesAJobToAnyStatusThroughTheTypedOrTheAdminApi() {
        String id = createJob("IntelligentTag", "");

        fake.datasets().setJobStatus(datasetId, id, DatasetJobStatus.FAILED);
        assertThat(job(id).get("Status").asText()).isEqualTo("Failed");
        assertThat(job(id).has("FinishTime")).isTrue();

        ApiClient.Reply admin = api.post(
                "/__admin/datasets/" + datasetId + "/datasetjobs/" + id + "/status", "{\"Status\":\"Running\"}");
        assertThat(admin.status()).as("%s", admin).isEqualTo(200);
        assertThat(job(id).get("Status").asText()).isEqualTo("Running");
        assertThat(job(id).has("FinishTime")).isFalse();

        for (DatasetJobStatus status : DatasetJobStatus.values()) {
            api.post(
                    "/__admin/datasets/" + datasetId + "/datasetjobs/" + id + "/status",
                    "{\"Status\":\"" + status.value() + "\"}");
            assertThat(job(id).get("Status").asText()).isEqualTo(status.value());
        }
        assertThat(job(id).get("CompletedFileCount").asLong()).isZero();
        assertError(
                api.post("/__admin/datasets/" + datasetId + "/datasetjobs/" + id + "/status", "{\"Status\":\"Done\"}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        "/__admin/datasets/" + datasetId + "/datasetjobs/dsjob-none/status", "{\"Status\":\"Failed\"}"),
                404,
                "DatasetJob.NotFound");
        assertError(
                api.post("/__admin/datasets/d-none/datasetjobs/" + id + "/status", "{\"Status\":\"Failed\"}"),
                404,
                "201300003");
    }

    @Test
    void aSucceededJobCountsItsFilesAsCompleted() {
        api.post(
                "/api/v1/datasets/" + datasetId + "/datasetfilemetas",
                "{\"WorkspaceId\":\"" + workspaceId
                        + "\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":[{\"Uri\":\"oss://bucket/cars/a.png\"}]}");
        String id = createJob("SemanticIndex", "\"DatasetVersion\":\"v1\"");

        fake.datasets().setJobStatus(datasetId, id, DatasetJobStatus.SUCCEEDED);

        assertThat(job(id).get("CompletedFileCount").asLong()).isEqualTo(1);
        assertThat(job(id).get("TotalFileCount").asLong()).isEqualTo(1);
    }

    @Test
    void deleteDatasetJobRemovesItAndAReadThenSaysNotFound() {
        String id = createJob("FileMetaImport", "");

        assertThat(api.method("DELETE", jobs + "/" + id).status()).isEqualTo(200);

        assertError(api.get(jobs + "/" + id), 404, "DatasetJob.NotFound");
        assertError(api.method("DELETE", jobs + "/" + id), 404, "DatasetJob.NotFound");
        assertError(api.put(jobs + "/" + id + "/action/stop", "{}"), 404, "DatasetJob.NotFound");
        assertError(api.get("/api/v1/datasets/d-none/datasetjobs/" + id), 404, "201300003");
    }

    @Test
    void aJobConfigKeepsItsConfigByteForByteThroughItsLifecycle() {
        String config = "{ \"apiKey\":\"sk-xxxxxxxxxxxxxxxxxxxxx\" }";
        ApiClient.Reply created = api.post(
                configs,
                "{\"WorkspaceId\":\"" + workspaceId
                        + "\",\"ConfigType\":\"MultimodalIntelligentTag\",\"DatasetVersion\":\"v1\"," + "\"Config\":"
                        + ApiClient.JSON.valueToTree(config) + "}");
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        String id = created.body().get("DatasetJobConfigId").asText();

        JsonNode got = api.get(configs + "/" + id).body();
        assertThat(id).matches("dscfg-[0-9a-z]{13}");
        assertThat(got.get("Config").asText()).isEqualTo(config);
        assertThat(got.get("ConfigType").asText()).isEqualTo("MultimodalIntelligentTag");
        assertThat(got.get("DatasetId").asText()).isEqualTo(datasetId);
        assertThat(got.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(got.get("CreateTime").asText()).isEqualTo("2025-03-01T08:00:00.000Z");
        assertThat(got.has("DatasetJobConfigId")).isFalse();

        clock.now = clock.now.plusSeconds(5);
        assertThat(api.put(
                                configs + "/" + id,
                                "{\"ConfigType\":\"MultimodalSemanticIndex\",\"Config\":\"{\\\"defaultModelId\\\":\\\"m\\\"}\"}")
                        .status())
                .isEqualTo(200);
        got = api.get(configs + "/" + id).body();
        assertThat(got.get("ConfigType").asText()).isEqualTo("MultimodalSemanticIndex");
        assertThat(got.get("Config").asText()).isEqualTo("{\"defaultModelId\":\"m\"}");
        assertThat(got.get("ModifyTime").asText()).isEqualTo("2025-03-01T08:00:05.000Z");

        assertThat(api.method("DELETE", configs + "/" + id).status()).isEqualTo(200);
        assertError(api.get(configs + "/" + id), 404, "DatasetJobConfig.NotFound");
    }

    @Test
    void jobConfigsListPagedAndFilteredAndRefuseUnknownTypes() {
        for (String type : List.of("MultimodalIntelligentTag", "MultimodalSemanticIndex", "MultimodalIntelligentTag")) {
            api.post(
                    configs,
                    "{\"WorkspaceId\":\"" + workspaceId + "\",\"ConfigType\":\"" + type + "\",\"Config\":\"{}\"}");
        }

        JsonNode all = api.get(configs + "/").body();
        JsonNode page = api.get(configs + "/?PageNumber=2&PageSize=2").body();
        JsonNode tagging =
                api.get(configs + "/?ConfigType=MultimodalIntelligentTag").body();

        assertThat(all.get("TotalCount").asInt()).isEqualTo(3);
        assertThat(all.at("/DatasetJobConfigs/0/DatasetJobConfigId").asText()).startsWith("dscfg-");
        assertThat(page.get("DatasetJobConfigs")).hasSize(1);
        assertThat(tagging.get("TotalCount").asInt()).isEqualTo(2);
        assertError(api.get(configs + "/?PageSize=many"), 400, "InvalidParameter");
        assertError(
                api.post(
                        configs,
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"ConfigType\":\"Other\",\"Config\":\"{}\"}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        configs,
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"ConfigType\":\"MultimodalSemanticIndex\"}"),
                400,
                "MissingParameter");
        assertError(api.get(configs), 404, "InvalidApi.NotFound");
        assertThat(api.get(configs + "/").body().get("TotalCount").asInt()).isEqualTo(3);
    }

    @Test
    void deletingTheDatasetTakesItsJobsAndConfigsAlong() {
        String job = createJob("SemanticIndex", "");
        api.post(
                configs,
                "{\"WorkspaceId\":\"" + workspaceId
                        + "\",\"ConfigType\":\"MultimodalSemanticIndex\",\"Config\":\"{}\"}");

        api.method("DELETE", "/api/v1/datasets/" + datasetId);

        assertThat(fake.datasets().jobIds(datasetId)).isEmpty();
        assertThat(fake.snapshot()).doesNotContain(job).doesNotContain("dscfg-");
    }
}
