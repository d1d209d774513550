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
 * Dataset versions through HTTP (CreateDatasetVersion, GetDatasetVersion, ListDatasetVersions, UpdateDatasetVersion,
 * DeleteDatasetVersion, CreateDatasetVersionLabels, DeleteDatasetVersionLabels), with the bodies Terraform's
 * alicloud_pai_workspace_datasetversion sends.
 */
class DatasetVersionsApiTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00.000Z"));
    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().clock(clock).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String datasetId;
    private String versions;

    @BeforeEach
    void dataset() {
        fake.makeDefault(api.createWorkspace("data_ws"));
        datasetId = api.post(
                        "/api/v1/datasets",
                        "{\"Name\":\"catdog\",\"Property\":\"DIRECTORY\",\"DataSourceType\":\"OSS\",\"Options\":\"{}\",\"DataSize\":500,"
                                + "\"Uri\":\"oss://ai4d-q9lgxlpwxzqluij66y.oss-cn-hangzhou.aliyuncs.com/\"}")
                .body()
                .get("DatasetId")
                .asText();
        versions = "/api/v1/datasets/" + datasetId + "/versions";
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String createVersion(String extra) {
        clock.now = clock.now.plusSeconds(1);
        ApiClient.Reply reply = api.post(
                versions,
                "{\"DataSourceType\":\"OSS\",\"Property\":\"FILE\","
                        + "\"Uri\":\"oss://ai4d-q9lgxlpwxzqluij66y.oss-cn-hangzhou.aliyuncs.com/catdog.json\""
                        + (extra.isEmpty() ? "" : "," + extra) + "}");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body().get("VersionName").asText();
    }

    private JsonNode version(String name) {
        ApiClient.Reply reply = api.get(versions + "/" + name);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body();
    }

    private JsonNode list(String query) {
        ApiClient.Reply reply = api.get(versions + "?PageNumber=1&PageSize=10" + (query.isEmpty() ? "" : "&" + query));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body();
    }

    private static List<String> names(JsonNode answer) {
        List<String> names = new ArrayList<>();
        answer.get("DatasetVersions")
                .forEach(item -> names.add(item.get("VersionName").asText()));
        return names;
    }

    @Test
    void theServerNamesVersionsV2V3InOrderAndNeverHandsANameOutTwice() {
        assertThat(createVersion("")).isEqualTo("v2");
        assertThat(createVersion("")).isEqualTo("v3");

        assertThat(api.method("DELETE", versions + "/v3").status()).isEqualTo(200);

        assertThat(createVersion("")).isEqualTo("v4");
        assertThat(names(list(""))).containsExactly("v1", "v2", "v4");
    }

    @Test
    void racingCreatesEachGetANameOfTheirOwn() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<String>> created = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            created.add(pool.submit(() -> api.post(
                            versions, "{\"DataSourceType\":\"OSS\",\"Property\":\"FILE\",\"Uri\":\"oss://b/race\"}")
                    .body()
                    .get("VersionName")
                    .asText()));
        }
        List<String> names = new ArrayList<>();
        for (java.util.concurrent.Future<String> name : created) {
            names.add(name.get());
        }
        pool.shutdown();

        assertThat(names)
                .doesNotHaveDuplicates()
                .hasSize(40)
                .allMatch(name -> name.matches("v([2-9]|[1-3][0-9]|4[01])"));
        assertThat(fake.datasets().versions(datasetId)).hasSize(41);
    }

    @Test
    void createThenGetAnswersWhatTerraformSent() {
        String name = createVersion(
                "\"SourceType\":\"USER\",\"SourceId\":\"d-a0xbe5n03bhqof46ce\",\"Options\":\"{\\\"mountPath\\\":\\\"/mnt/data/\\\"}\","
                        + "\"DataSize\":\"2068\",\"DataCount\":1000,\"Description\":\"猫狗\","
                        + "\"Labels\":[{\"Key\":\"b\",\"Value\":\"2\"},{\"Key\":\"a\",\"Value\":\"1\"}]");

        JsonNode version = version(name);

        assertThat(version.get("VersionName").asText()).isEqualTo("v2");
        assertThat(version.get("DatasetId").asText()).isEqualTo(datasetId);
        assertThat(version.get("DataSourceType").asText()).isEqualTo("OSS");
        assertThat(version.get("Property").asText()).isEqualTo("FILE");
        assertThat(version.get("Uri").asText())
                .isEqualTo("oss://ai4d-q9lgxlpwxzqluij66y.oss-cn-hangzhou.aliyuncs.com/catdog.json");
        assertThat(version.get("SourceType").asText()).isEqualTo("USER");
        assertThat(version.get("SourceId").asText()).isEqualTo("d-a0xbe5n03bhqof46ce");
        assertThat(version.get("Options").asText()).isEqualTo("{\"mountPath\":\"/mnt/data/\"}");
        assertThat(version.get("DataSize").asLong()).isEqualTo(2068);
        assertThat(version.get("DataCount").asLong()).isEqualTo(1000);
        assertThat(version.get("Description").asText()).isEqualTo("猫狗");
        assertThat(version.get("Labels").get(0).get("Key").asText()).isEqualTo("b");
        assertThat(version.get("Labels").get(1).get("Key").asText()).isEqualTo("a");
        assertThat(version.get("GmtCreateTime").asText()).isEqualTo("2025-03-01T08:00:01.000Z");
        assertThat(version.get("MountAccess").asText()).isEqualTo("RW");
        assertThat(api.get("/api/v1/datasets/" + datasetId)
                        .body()
                        .at("/LatestVersion/VersionName")
                        .asText())
                .isEqualTo("v2");
    }

    @Test
    void aVersionDefaultsToSourceTypeUserAndKeepsItsDatasetsDataSourceType() {
        JsonNode version = version(createVersion(""));

        assertThat(version.get("SourceType").asText()).isEqualTo("USER");
        assertError(
                api.post(versions, "{\"DataSourceType\":\"NAS\",\"Property\":\"FILE\",\"Uri\":\"nas://x/\"}"),
                400,
                "InvalidParameter");
        assertError(api.post(versions, "{\"DataSourceType\":\"OSS\",\"Uri\":\"oss://b/\"}"), 400, "MissingParameter");
        assertError(
                api.post(versions, "{\"DataSourceType\":\"OSS\",\"Property\":\"FOLDER\",\"Uri\":\"oss://b/\"}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        versions,
                        "{\"DataSourceType\":\"OSS\",\"Property\":\"FILE\",\"Uri\":\"oss://b/\",\"DataSize\":-1}"),
                400,
                "InvalidParameter");
        assertThat(names(list(""))).containsExactly("v1", "v2");
    }

    @Test
    void anUnknownVersionOrDatasetIs404With201300003() {
        assertError(api.get(versions + "/v9"), 404, "201300003");
        assertError(api.put(versions + "/v9", "{\"Description\":\"x\"}"), 404, "201300003");
        assertError(api.method("DELETE", versions + "/v9"), 404, "201300003");
        assertError(api.get("/api/v1/datasets/d-none/versions/v1"), 404, "201300003");
        assertError(
                api.post(
                        "/api/v1/datasets/d-none/versions",
                        "{\"DataSourceType\":\"OSS\",\"Property\":\"FILE\",\"Uri\":\"oss://b/\"}"),
                404,
                "201300003");
        assertThat(api.get(versions + "/v9").body().path("Message").asText()).isEqualTo("Dataset version not exists");
    }

    @Test
    void updateDatasetVersionChangesOptionsSizeCountAndDescriptionOnly() {
        String name = createVersion("\"DataSize\":2068,\"DataCount\":1000,\"Options\":\"{}\"");
        clock.now = clock.now.plusSeconds(30);

        ApiClient.Reply reply = api.put(
                versions + "/" + name,
                "{\"DataSize\":5096,\"DataCount\":1001,\"Description\":\"more\",\"Options\":\"{\\\"k\\\": 1}\"}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode version = version(name);
        assertThat(version.get("DataSize").asLong()).isEqualTo(5096);
        assertThat(version.get("DataCount").asLong()).isEqualTo(1001);
        assertThat(version.get("Description").asText()).isEqualTo("more");
        assertThat(version.get("Options").asText()).isEqualTo("{\"k\": 1}");
        assertThat(version.get("Uri").asText()).endsWith("catdog.json");
        assertThat(version.get("GmtModifiedTime").asText()).isEqualTo("2025-03-01T08:00:31.000Z");
        assertThat(api.get("/api/v1/datasets/" + datasetId)
                        .body()
                        .get("Options")
                        .asText())
                .as("only v1's Options are the dataset's")
                .isEqualTo("{}");
    }

    @Test
    void theDatasetsOptionsAreV1sBothWays() {
        api.put(versions + "/v1", "{\"Options\":\"{\\\"mountPath\\\":\\\"/mnt/v1/\\\"}\"}");

        assertThat(api.get("/api/v1/datasets/" + datasetId)
                        .body()
                        .get("Options")
                        .asText())
                .isEqualTo("{\"mountPath\":\"/mnt/v1/\"}");
    }

    @Test
    void versionV1GoesOnlyWithItsDataset() {
        createVersion("");

        assertError(api.method("DELETE", versions + "/v1"), 400, "InvalidParameter");

        assertThat(api.method("DELETE", versions + "/v2").status()).isEqualTo(200);
        assertError(api.get(versions + "/v2"), 404, "201300003");
        assertThat(api.get("/api/v1/datasets/" + datasetId)
                        .body()
                        .at("/LatestVersion/VersionName")
                        .asText())
                .isEqualTo("v1");
        assertThat(names(list(""))).containsExactly("v1");
    }

    @Test
    void listingNeedsItsPagingPagesAndCountsEveryMatch() {
        for (int i = 0; i < 4; i++) {
            createVersion("");
        }

        JsonNode page = api.get(versions + "?PageNumber=2&PageSize=2").body();

        assertThat(page.get("TotalCount").asInt()).isEqualTo(5);
        assertThat(page.get("PageNumber").asInt()).isEqualTo(2);
        assertThat(page.get("PageSize").asInt()).isEqualTo(2);
        assertThat(names(page)).containsExactly("v3", "v4");
        assertThat(api.get(versions + "?PageNumber=4&PageSize=2").body().get("DatasetVersions"))
                .isEmpty();
        assertError(api.get(versions), 400, "MissingParameter");
        assertError(api.get(versions + "?PageNumber=1"), 400, "MissingParameter");
    }

    @Test
    void listingSortsAndFiltersAsTheReferenceDescribes() {
        String big = createVersion("\"DataSize\":900,\"SourceType\":\"ITAG\",\"SourceId\":\"job-7\","
                + "\"Labels\":[{\"Key\":\"stage\",\"Value\":\"cleaned\"}]");
        String small = createVersion("\"DataSize\":100,\"Labels\":[{\"Key\":\"owner\",\"Value\":\"vision-team\"}]");

        assertThat(names(list("SortBy=DataSize&Order=DESC"))).containsExactly(big, "v1", small);
        assertThat(names(list("Order=DESC"))).containsExactly(small, big, "v1");
        assertThat(names(list("Properties=DIRECTORY"))).containsExactly("v1");
        assertThat(names(list("Properties=FILE,DIRECTORY"))).containsExactly("v1", big, small);
        assertThat(names(list("SourceTypes=ITAG"))).containsExactly(big);
        assertThat(names(list("SourceTypes=USER,ITAG"))).containsExactly("v1", big, small);
        assertThat(names(list("SourceId=job-7"))).containsExactly(big);
        assertThat(names(list("LabelKeys=STAG"))).containsExactly(big);
        assertThat(names(list("LabelValues=team,nothing"))).containsExactly(small);
        assertThat(names(list("LabelKeys=stage&LabelValues=team"))).isEmpty();
        assertError(api.get(versions + "?PageNumber=1&PageSize=10&SortBy=Name"), 400, "InvalidParameter");
    }

    @Test
    void createDatasetVersionLabelsIsAPutAndDeleteTakesKeys() {
        String name = createVersion("\"Labels\":[{\"Key\":\"a\",\"Value\":\"1\"}]");

        assertThat(api.put(
                                versions + "/" + name + "/labels",
                                "{\"Labels\":[{\"Key\":\"b\",\"Value\":\"2\"},{\"Key\":\"a\",\"Value\":\"3\"}]}")
                        .status())
                .isEqualTo(200);
        JsonNode labels = version(name).get("Labels");
        assertThat(labels.get(0).get("Key").asText()).isEqualTo("a");
        assertThat(labels.get(0).get("Value").asText()).isEqualTo("3");
        assertThat(labels.get(1).get("Key").asText()).isEqualTo("b");
        assertError(api.post(versions + "/" + name + "/labels", "{\"Labels\":[]}"), 404, "InvalidApi.NotFound");
        assertError(api.put(versions + "/" + name + "/labels", "{}"), 400, "MissingParameter");

        assertThat(api.method("DELETE", versions + "/" + name + "/labels?Keys=a,zzz")
                        .status())
                .isEqualTo(200);

        assertThat(version(name).get("Labels")).hasSize(1);
        assertThat(version(name).get("Labels").get(0).get("Key").asText()).isEqualTo("b");
        assertError(api.method("DELETE", versions + "/" + name + "/labels"), 400, "MissingParameter");
    }
}
