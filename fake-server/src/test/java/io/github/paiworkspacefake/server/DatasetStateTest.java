package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Datasets are part of the fake's whole state: the typed API adds and reads them, seeds and snapshots carry them (public
 * datasets and job statuses too), reset forgets them, a workspace takes its datasets along, each account sees only
 * its own, and the journal and faults cover their operations like every other.
 */
class DatasetStateTest {

    private static final String SEED = """
            {"workspaces":[{"WorkspaceId":"7001","WorkspaceName":"data_ws","IsDefault":true}],
             "resources":[
               {"Type":"Dataset","Id":"d-seeded000001","WorkspaceId":"7001",
                "Fields":{"Name":"images","Uri":"oss://bucket/images/","Property":"DIRECTORY","DataSourceType":"OSS",
                          "Edition":"ADVANCED","Options":"{\\"mountPath\\":\\"/mnt/data/\\"}",
                          "Labels":[{"Key":"b","Value":"2"},{"Key":"a","Value":"1"}],
                          "GmtCreateTime":"2021-01-30T12:51:33.028Z","GmtModifiedTime":"2021-01-30T12:51:33.028Z"}},
               {"Type":"DatasetVersion","Id":"v1","ParentId":"d-seeded000001","Fields":{"Uri":"oss://bucket/images/"}},
               {"Type":"DatasetVersion","Id":"v2","ParentId":"d-seeded000001","Fields":{"Uri":"oss://bucket/images/v2/"}},
               {"Type":"DatasetJob","Id":"dsjob-seeded00001","ParentId":"d-seeded000001",
                "Fields":{"JobAction":"SemanticIndex","JobSpec":"{}","Status":"Succeeded","WorkspaceId":"7001",
                          "FinishTime":"2024-07-16T02:03:23Z"}},
               {"Type":"Dataset","Id":"d-public000001",
                "Fields":{"Name":"mnist","Provider":"pai","Uri":"oss://pai-public/mnist/","Property":"DIRECTORY",
                          "DataSourceType":"OSS"}}]}
            """;

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void testCodeAddsADatasetWithVersionsAndReadsThemBack() {
        String workspaceId = api.createWorkspace("typed_ws");

        Dataset added = fake.datasets()
                .add(DatasetSeed.builder("typed", "oss://bucket/typed/")
                        .workspaceId(workspaceId)
                        .options("{\"mountPath\":\"/mnt/typed/\"}")
                        .label("team", "vision")
                        .version("oss://bucket/typed/v2/")
                        .version("oss://bucket/typed/v3/", "{\"k\":3}")
                        .build());

        assertThat(added.datasetId()).startsWith("d-");
        assertThat(added.workspaceId()).isEqualTo(workspaceId);
        assertThat(added.latestVersion()).isEqualTo("v3");
        assertThat(added.accessibility()).isEqualTo("PRIVATE");
        assertThat(added.dataType()).isEqualTo("COMMON");
        assertThat(added.labels()).containsExactly(Map.entry("team", "vision"));
        assertThat(fake.datasets().versions(added.datasetId()))
                .extracting(DatasetVersion::versionName, DatasetVersion::uri, DatasetVersion::options)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "v1", "oss://bucket/typed/", "{\"mountPath\":\"/mnt/typed/\"}"),
                        org.assertj.core.groups.Tuple.tuple("v2", "oss://bucket/typed/v2/", null),
                        org.assertj.core.groups.Tuple.tuple("v3", "oss://bucket/typed/v3/", "{\"k\":3}"));
        JsonNode read = api.get("/api/v1/datasets/" + added.datasetId()).body();
        assertThat(read.get("Options").asText()).isEqualTo("{\"mountPath\":\"/mnt/typed/\"}");
        assertThat(read.at("/LatestVersion/VersionName").asText()).isEqualTo("v3");
        assertThat(fake.datasets()
                        .addVersion(added.datasetId(), "oss://bucket/typed/v4/")
                        .versionName())
                .isEqualTo("v4");
        assertThat(fake.datasets().list(workspaceId)).extracting(Dataset::name).containsExactly("typed");
        assertThat(fake.datasets().get(added.datasetId()))
                .get()
                .extracting(Dataset::latestVersion)
                .isEqualTo("v4");
    }

    @Test
    void testCodeGivesAPublicDatasetVersionsWhichEveryAccountReads() {
        Dataset mnist = fake.datasets()
                .addPublic(DatasetSeed.builder("mnist", "oss://pai-public/mnist/")
                        .version("oss://pai-public/mnist-v2/")
                        .build());
        fake.datasets().addVersion(mnist.datasetId(), "oss://pai-public/mnist-v3/");

        assertThat(fake.datasets().versions(mnist.datasetId()))
                .extracting(DatasetVersion::versionName)
                .containsExactly("v1", "v2", "v3");
        assertThat(api.get("/api/v1/datasets/" + mnist.datasetId() + "/versions?PageNumber=1&PageSize=10")
                        .body()
                        .get("TotalCount")
                        .asInt())
                .isEqualTo(3);
        assertError(
                api.post(
                        "/api/v1/datasets/" + mnist.datasetId() + "/versions",
                        "{\"DataSourceType\":\"OSS\",\"Property\":\"FILE\",\"Uri\":\"oss://x/y\"}"),
                403,
                "OperationDenied.PublicDataset");
    }

    @Test
    void theTypedApiKeepsTheApisRules() {
        assertThatThrownBy(() ->
                        fake.datasets().add(DatasetSeed.builder("x", "oss://b/").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100400027");
        String workspaceId = api.createWorkspace("rules_ws");
        fake.makeDefault(workspaceId);
        fake.datasets().add(DatasetSeed.builder("same", "oss://b/").build());

        assertThatThrownBy(() -> fake.datasets()
                        .add(DatasetSeed.builder("same", "oss://b/").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DatasetNameAlreadyExists");
        assertThatThrownBy(() -> fake.datasets()
                        .add(DatasetSeed.builder("nas", "nas://x/")
                                .dataSourceType("NAS")
                                .edition("ADVANCED")
                                .build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OSS");
        assertThatThrownBy(() -> fake.datasets().versions("d-none")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.datasets().setJobStatus("d-none", "dsjob-x", DatasetJobStatus.FAILED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeedHoldsDatasetsVersionsJobsAndPublicDatasetsAndSnapshotsRoundTripThem() throws Exception {
        fake.load(SEED);

        JsonNode dataset = api.get("/api/v1/datasets/d-seeded000001").body();
        assertThat(dataset.get("Name").asText()).isEqualTo("images");
        assertThat(dataset.get("DataType").asText())
                .as("defaults apply to seeds")
                .isEqualTo("COMMON");
        assertThat(dataset.get("Options").asText()).isEqualTo("{\"mountPath\":\"/mnt/data/\"}");
        assertThat(dataset.get("GmtCreateTime").asText()).isEqualTo("2021-01-30T12:51:33.028Z");
        assertThat(dataset.at("/LatestVersion/VersionName").asText()).isEqualTo("v2");
        assertThat(dataset.at("/Labels/0/Key").asText()).isEqualTo("b");
        assertThat(api.get("/api/v1/datasets?Provider=pai")
                        .body()
                        .at("/Datasets/0/Name")
                        .asText())
                .isEqualTo("mnist");
        JsonNode job = api.get("/api/v1/datasets/d-seeded000001/datasetjobs/dsjob-seeded00001")
                .body();
        assertThat(job.get("Status").asText()).isEqualTo("Succeeded");
        assertThat(job.get("FinishTime").asText()).isEqualTo("2024-07-16T02:03:23Z");
        assertThat(api.post(
                                "/api/v1/datasets/d-seeded000001/versions",
                                "{\"DataSourceType\":\"OSS\",\"Property\":\"FILE\",\"Uri\":\"oss://bucket/x\"}")
                        .body()
                        .get("VersionName")
                        .asText())
                .as("a seed without counters still never hands out a stored name")
                .isEqualTo("v3");

        String snapshot = fake.snapshot();
        try (PaiWorkspaceFake copy = PaiWorkspaceFake.builder().build().start()) {
            copy.load(snapshot);
            ApiClient copyApi = new ApiClient(copy.baseUrl());
            assertThat(withoutRequestId(
                            copyApi.get("/api/v1/datasets/d-seeded000001").body()))
                    .isEqualTo(withoutRequestId(
                            api.get("/api/v1/datasets/d-seeded000001").body()));
            assertThat(copyApi.post(
                                    "/api/v1/datasets/d-seeded000001/versions",
                                    "{\"DataSourceType\":\"OSS\",\"Property\":\"FILE\",\"Uri\":\"oss://bucket/y\"}")
                            .body()
                            .get("VersionName")
                            .asText())
                    .as("the counter of handed-out names is in the snapshot")
                    .isEqualTo("v4");
            assertThat(copy.datasets().jobStatus("d-seeded000001", "dsjob-seeded00001"))
                    .isEqualTo(DatasetJobStatus.SUCCEEDED);
            assertThat(copy.datasets().publicDatasets())
                    .extracting(Dataset::name)
                    .containsExactly("mnist");
        }
    }

    private static JsonNode withoutRequestId(JsonNode node) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
        copy.remove("RequestId");
        return copy;
    }

    @Test
    void resetForgetsEveryDatasetAndAWorkspaceTakesItsDatasetsAlong() {
        fake.load(SEED);
        String other = api.createWorkspace("other_ws");
        Dataset kept = fake.datasets()
                .add(DatasetSeed.builder("kept", "oss://b/").workspaceId(other).build());

        fake.deleteWorkspace("7001");

        assertError(api.get("/api/v1/datasets/d-seeded000001"), 404, "201300003");
        assertThat(fake.datasets().get(kept.datasetId())).isPresent();
        assertThat(fake.datasets().publicDatasets()).hasSize(1);

        fake.reset();

        assertThat(fake.datasets().get(kept.datasetId())).isEmpty();
        assertThat(fake.datasets().publicDatasets()).isEmpty();
    }

    @Test
    void theAdminApiSnapshotAndResetCoverDatasets() {
        try (PaiWorkspaceFake admin =
                PaiWorkspaceFake.builder().adminApi(true).build().start()) {
            ApiClient adminApi = new ApiClient(admin.baseUrl());
            assertThat(adminApi.put("/__admin/snapshot", SEED).status()).isEqualTo(200);
            assertThat(adminApi.get("/api/v1/datasets/d-seeded000001").status()).isEqualTo(200);
            assertThat(adminApi.get("/__admin/snapshot").body().get("resources"))
                    .hasSize(5);

            assertThat(adminApi.post("/__admin/reset", "{}").status()).isEqualTo(200);

            assertError(adminApi.get("/api/v1/datasets/d-seeded000001"), 404, "201300003");
        }
    }

    @Test
    void eachAccountSeesOnlyItsOwnDatasets() throws Exception {
        Account alice = Account.of("1111000000000001", "alice");
        Account bob = Account.of("2222000000000002", "bob");
        try (PaiWorkspaceFake strict = PaiWorkspaceFake.builder()
                .accessKey("AK_ALICE", "alice-secret", alice)
                .accessKey("AK_BOB", "bob-secret", bob)
                .build()
                .start()) {
            OfficialSdk aliceSdk = new OfficialSdk(strict.endpoint(), "AK_ALICE", "alice-secret");
            OfficialSdk bobSdk = new OfficialSdk(strict.endpoint(), "AK_BOB", "bob-secret");
            aliceSdk.createDefaultWorkspace(Map.of());
            bobSdk.createDefaultWorkspace(Map.of());
            Map<String, Object> body = Map.of(
                    "Name", "secret", "Property", "DIRECTORY", "DataSourceType", "OSS", "Uri", "oss://alice/secret/");
            String id = (String) OfficialSdk.body(aliceSdk.call(
                            OfficialSdk.params("CreateDataset", "POST", "/api/v1/datasets"),
                            new OpenApiRequest().setBody(body)))
                    .get("DatasetId");

            TeaException notFound = catchThrowableOfType(
                    TeaException.class,
                    () -> bobSdk.call(
                            OfficialSdk.params("GetDataset", "GET", "/api/v1/datasets/" + id), new OpenApiRequest()));
            Map<String, Object> bobsList = OfficialSdk.body(
                    bobSdk.call(OfficialSdk.params("ListDatasets", "GET", "/api/v1/datasets"), new OpenApiRequest()));
            bobSdk.call(
                    OfficialSdk.params("CreateDataset", "POST", "/api/v1/datasets"),
                    new OpenApiRequest().setBody(body));

            assertThat(notFound.getStatusCode()).isEqualTo(404);
            assertThat(notFound.getCode()).isEqualTo("201300003");
            assertThat(((Number) bobsList.get("TotalCount")).longValue()).isZero();
            assertThat((List<?>) bobsList.get("Datasets")).isEmpty();
            assertThat(strict.datasets().get(id))
                    .get()
                    .extracting(Dataset::ownerId)
                    .isEqualTo(alice.accountId());
        }
    }

    @Test
    void theJournalRecordsDatasetCallsAndFaultsApplyToThem() {
        fake.makeDefault(api.createWorkspace("journal_ws"));
        fake.faults().failNext(Operation.CreateDataset, 1, FaultError.THROTTLING);
        String body = "{\"Name\":\"journaled\",\"Property\":\"FILE\",\"DataSourceType\":\"OSS\",\"Uri\":\"oss://b/k\"}";

        assertError(api.post("/api/v1/datasets", body), 400, "Throttling.User");
        assertThat(api.get("/api/v1/datasets").body().get("TotalCount").asLong())
                .isZero();
        assertThat(api.post("/api/v1/datasets", body).status()).isEqualTo(200);

        assertThat(fake.requests(Operation.CreateDataset)).hasSize(2).last().satisfies(request -> {
            assertThat(request.body()).contains("\"Name\":\"journaled\"");
            assertThat(request.status()).isEqualTo(200);
        });
        assertThat(fake.requests(Operation.ListDatasets)).hasSize(1);
    }
}
