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
 * The file metadata of an ADVANCED dataset (CreateDatasetFileMetas, GetDatasetFileMeta, ListDatasetFileMetas,
 * UpdateDatasetFileMetas, DeleteDatasetFileMetas, GetDatasetFileMetasStatistics): batches, reads, listing,
 * statistics; a BASIC dataset has none.
 */
class DatasetFileMetasApiTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00.000Z"));
    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().clock(clock).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;
    private String datasetId;
    private String metas;

    @BeforeEach
    void advancedDataset() {
        workspaceId = api.createWorkspace("data_ws");
        fake.makeDefault(workspaceId);
        datasetId = create("cars", "ADVANCED");
        metas = "/api/v1/datasets/" + datasetId + "/datasetfilemetas";
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String create(String name, String edition) {
        return api.post(
                        "/api/v1/datasets",
                        "{\"Name\":\"" + name
                                + "\",\"Property\":\"DIRECTORY\",\"DataSourceType\":\"OSS\",\"Edition\":\"" + edition
                                + "\",\"Uri\":\"oss://test-bucket.oss-cn-shanghai.aliyuncs.com/" + name + "/\"}")
                .body()
                .get("DatasetId")
                .asText();
    }

    private static String item(String uri, String extra) {
        return "{\"Uri\":\"" + uri + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private JsonNode createMetas(String... items) {
        ApiClient.Reply reply = api.post(
                metas,
                "{\"WorkspaceId\":\"" + workspaceId + "\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":["
                        + String.join(",", items) + "]}");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body();
    }

    private String createOne(String uri, String extra) {
        return createMetas(item(uri, extra))
                .at("/SucceedDetails/0/DatasetFileMetaId")
                .asText();
    }

    private JsonNode list(String query) {
        ApiClient.Reply reply = api.get(
                metas + "?WorkspaceId=" + workspaceId + "&DatasetVersion=v1" + (query.isEmpty() ? "" : "&" + query));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body();
    }

    private static List<String> uris(JsonNode answer) {
        List<String> uris = new ArrayList<>();
        answer.get("DatasetFileMetas").forEach(item -> uris.add(item.get("Uri").asText()));
        return uris;
    }

    private JsonNode statistics(String query) {
        ApiClient.Reply reply = api.get("/api/v1/statistics/datasets/" + datasetId + "/datasetfilemetas?WorkspaceId="
                + workspaceId + "&DatasetVersion=v1" + (query.isEmpty() ? "" : "&" + query));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body();
    }

    @Test
    void aBasicDatasetHasNoFileMetadataAndSaysSo() {
        String basic = create("plain", "BASIC");
        String path = "/api/v1/datasets/" + basic + "/datasetfilemetas";

        assertError(
                api.post(
                        path,
                        "{\"WorkspaceId\":\"" + workspaceId
                                + "\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":[{\"Uri\":\"oss://b/a.jpg\"}]}"),
                400,
                "OperationDenied.DatasetEdition");
        assertError(
                api.get(path + "?WorkspaceId=" + workspaceId + "&DatasetVersion=v1"),
                400,
                "OperationDenied.DatasetEdition");
        assertError(
                api.get("/api/v1/statistics/datasets/" + basic + "/datasetfilemetas?WorkspaceId=" + workspaceId
                        + "&DatasetVersion=v1"),
                400,
                "OperationDenied.DatasetEdition");
        assertThat(api.put("/api/v1/datasets/" + basic, "{\"Edition\":\"ADVANCED\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.get(path + "?WorkspaceId=" + workspaceId + "&DatasetVersion=v1")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void createInABatchAnswersEachRecordAndRefusesAUriTheVersionHolds() {
        JsonNode created = createMetas(
                item("oss://test-bucket/dataset/cat.png", "\"ContentType\":\"image/png\",\"DataSize\":120000"),
                item("oss://test-bucket/dataset/dog.jpg", "\"FileType\":\"image\""));

        assertThat(created.get("Status").asBoolean()).isTrue();
        assertThat(created.get("SucceedDetails")).hasSize(2);
        assertThat(created.get("FailedDetails")).isEmpty();
        assertThat(created.at("/SucceedDetails/0/DatasetFileMetaId").asText()).matches("[0-9a-f]{64}");
        assertThat(created.at("/SucceedDetails/0/Uri").asText()).isEqualTo("oss://test-bucket/dataset/cat.png");

        JsonNode again =
                createMetas(item("oss://test-bucket/dataset/cat.png", ""), item("oss://test-bucket/new.png", ""));

        assertThat(again.get("Status").asBoolean()).isFalse();
        assertThat(again.at("/FailedDetails/0/Uri").asText()).isEqualTo("oss://test-bucket/dataset/cat.png");
        assertThat(again.at("/FailedDetails/0/Result").asText()).isEqualTo("Already Exists");
        assertThat(again.at("/FailedDetails/0/DatasetFileMetaId").asText())
                .isEqualTo(created.at("/SucceedDetails/0/DatasetFileMetaId").asText());
        assertThat(again.at("/SucceedDetails/0/Uri").asText()).isEqualTo("oss://test-bucket/new.png");
        assertThat(list("").get("TotalCount").asInt()).isEqualTo(3);
    }

    @Test
    void aBadItemRefusesTheWholeBatch() {
        assertError(
                api.post(
                        metas,
                        "{\"WorkspaceId\":\"" + workspaceId
                                + "\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":[{\"Uri\":\"oss://b/ok.png\"},{\"FileName\":\"x\"}]}"),
                400,
                "MissingParameter");
        assertError(
                api.post(
                        metas,
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":["
                                + item("oss://b/a.png", "\"FileCreateTime\":\"yesterday\"") + "]}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        metas,
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":["
                                + item("oss://b/a.png", "\"Tags\":\"{\\\"ai\\\":[\\\"cat\\\"]}\"") + "]}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(metas, "{\"WorkspaceId\":\"" + workspaceId + "\",\"DatasetFileMetas\":[]}"),
                400,
                "MissingParameter");
        assertError(
                api.post(
                        metas,
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"DatasetVersion\":\"v7\",\"DatasetFileMetas\":["
                                + item("oss://b/a.png", "") + "]}"),
                404,
                "201300003");
        assertError(
                api.post(
                        metas,
                        "{\"WorkspaceId\":\"999\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":["
                                + item("oss://b/a.png", "") + "]}"),
                404,
                "201300003");

        assertThat(list("").get("TotalCount").asInt()).isZero();
    }

    @Test
    void getAnswersTheRecordWithWhatTheFakeDerivesFromItsUri() {
        String id = createOne(
                "oss://test-bucket/cars/20250221/0001.jpg",
                "\"ContentType\":\"image/jpeg\",\"Comment\":\"第一张\",\"FileCreateTime\":\"2025-01-12T14:36:01Z\","
                        + "\"MetaAttributes\":\"{ \\\"ImageHeight\\\": 400 }\",\"Tags\":\"{\\\"user\\\":[\\\"car\\\"]}\"");

        ApiClient.Reply reply = api.get(metas + "/" + id + "?WorkspaceId=" + workspaceId + "&DatasetVersion=v1");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode meta = reply.body().get("DatasetFileMeta");
        assertThat(reply.body().get("DatasetId").asText()).isEqualTo(datasetId);
        assertThat(reply.body().get("DatasetVersion").asText()).isEqualTo("v1");
        assertThat(reply.body().get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(meta.get("DatasetFileMetaId").asText()).isEqualTo(id);
        assertThat(meta.get("FileName").asText()).isEqualTo("0001.jpg");
        assertThat(meta.get("FileDir").asText()).isEqualTo("cars/20250221/");
        assertThat(meta.get("FileType").asText()).isEqualTo("image");
        assertThat(meta.get("Comment").asText()).isEqualTo("第一张");
        assertThat(meta.get("FileCreateTime").asText()).isEqualTo("2025-01-12T14:36:01Z");
        assertThat(meta.get("MetaAttributes").asText()).isEqualTo("{ \"ImageHeight\": 400 }");
        assertThat(meta.get("Tags").asText()).isEqualTo("{\"user\":[\"car\"]}");
        assertThat(meta.get("TagUpdateTime").asText()).isEqualTo("2025-03-01T08:00:00.000Z");
        assertThat(meta.get("Status").asText()).isEqualTo("ACTIVE");
        assertError(api.get(metas + "/ffff"), 404, "DatasetFileMeta.NotFound");
        assertError(api.get(metas + "/" + id + "?DatasetVersion=v2"), 404, "201300003");
    }

    @Test
    void listingPagesByMaxResultsAndNextTokenNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            createOne("oss://test-bucket/f" + i + ".png", "");
            clock.now = clock.now.plusSeconds(1);
        }

        JsonNode first = list("MaxResults=2");
        JsonNode second =
                list("MaxResults=2&NextToken=" + first.get("NextToken").asText());
        JsonNode last = list("MaxResults=2&NextToken=" + second.get("NextToken").asText());

        assertThat(uris(first)).containsExactly("oss://test-bucket/f5.png", "oss://test-bucket/f4.png");
        assertThat(first.get("TotalCount").asInt()).isEqualTo(5);
        assertThat(first.get("MaxResults").asInt()).isEqualTo(2);
        assertThat(first.get("DatasetId").asText()).isEqualTo(datasetId);
        assertThat(first.get("DatasetVersion").asText()).isEqualTo("v1");
        assertThat(first.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(uris(second)).containsExactly("oss://test-bucket/f3.png", "oss://test-bucket/f2.png");
        assertThat(uris(last)).containsExactly("oss://test-bucket/f1.png");
        assertThat(last.has("NextToken")).isFalse();
        assertThat(list("").get("MaxResults").asInt()).isEqualTo(10);
        assertError(
                api.get(metas + "?WorkspaceId=" + workspaceId + "&DatasetVersion=v1&MaxResults=101"),
                400,
                "InvalidParameter");
        assertError(api.get(metas + "?DatasetVersion=v1"), 400, "MissingParameter");
        assertError(api.get(metas + "?WorkspaceId=" + workspaceId), 400, "MissingParameter");
    }

    @Test
    void listingFiltersByNameDirectoryTypesTagsTimesAndIds() {
        String cat = createOne(
                "oss://test-bucket/pets/cat.png",
                "\"ContentType\":\"image/png\",\"FileUpdateTime\":\"2025-01-10T00:00:00Z\",\"Tags\":\"{\\\"user\\\":[\\\"cat\\\",\\\"white\\\"]}\"");
        createOne(
                "oss://test-bucket/pets/dog.jpg",
                "\"ContentType\":\"image/jpeg\",\"FileUpdateTime\":\"2025-02-10T00:00:00Z\",\"Tags\":\"{\\\"user\\\":[\\\"dog\\\",\\\"white\\\"]}\"");
        createOne("oss://test-bucket/cars/car.mp4", "\"ContentType\":\"video/mp4\",\"FileType\":\"video\"");

        assertThat(uris(list("QueryFileName=CAT"))).containsExactly("oss://test-bucket/pets/cat.png");
        assertThat(uris(list("QueryFileDir=pets/&SortBy=FileUpdateTime&Order=ASC")))
                .containsExactly("oss://test-bucket/pets/cat.png", "oss://test-bucket/pets/dog.jpg");
        assertThat(uris(list("QueryFileTypeIncludeAny=video"))).containsExactly("oss://test-bucket/cars/car.mp4");
        assertThat(uris(list("QueryContentTypeIncludeAny=image/png,image/gif")))
                .containsExactly("oss://test-bucket/pets/cat.png");
        assertThat(uris(list("QueryTagsIncludeAny=cat,dog&SortBy=FileUpdateTime&Order=ASC")))
                .containsExactly("oss://test-bucket/pets/cat.png", "oss://test-bucket/pets/dog.jpg");
        assertThat(uris(list("QueryTagsIncludeAll=dog,white"))).containsExactly("oss://test-bucket/pets/dog.jpg");
        assertThat(uris(list("QueryTagsIncludeAny=white&QueryTagsExclude=dog")))
                .containsExactly("oss://test-bucket/pets/cat.png");
        assertThat(uris(list("QueryType=VECTOR&QueryTagsIncludeAll=nothing"))).hasSize(3);
        assertThat(uris(list("StartFileUpdateTime=2025-02-01T00:00:00.000Z")))
                .containsExactly("oss://test-bucket/pets/dog.jpg");
        assertThat(uris(list("EndFileUpdateTime=2025-02-01T00:00:00.000Z")))
                .containsExactly("oss://test-bucket/pets/cat.png");
        assertThat(uris(list("DatasetFileMetaIds=" + cat))).containsExactly("oss://test-bucket/pets/cat.png");
        assertError(
                api.get(metas + "?WorkspaceId=" + workspaceId + "&DatasetVersion=v1&StartFileUpdateTime=soon"),
                400,
                "InvalidParameter");
        assertError(
                api.get(metas + "?WorkspaceId=" + workspaceId + "&DatasetVersion=v1&QueryText=cat"),
                400,
                "UnsupportedParameter");
    }

    @Test
    void updateChangesMembersAndTagsByGroupAndReportsRecordsItDoesNotHold() {
        String id = createOne(
                "oss://test-bucket/a.png",
                "\"Comment\":\"old\",\"Tags\":\"{\\\"user\\\":[\\\"cat\\\",\\\"white\\\"]}\"");
        clock.now = clock.now.plusSeconds(60);

        ApiClient.Reply reply = api.put(
                metas,
                "{\"WorkspaceId\":\"" + workspaceId + "\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":["
                        + "{\"DatasetFileMetaId\":\"" + id + "\",\"Comment\":\"new\",\"DataSize\":10,"
                        + "\"Tags\":\"{\\\"user\\\":{\\\"add\\\":[\\\"kitten\\\"],\\\"remove\\\":[\\\"white\\\"]}}\"},"
                        + "{\"DatasetFileMetaId\":\"0000\",\"Comment\":\"x\"}]}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.body().get("Status").asBoolean()).isFalse();
        assertThat(reply.body().at("/FailedDetails/0/DatasetFileMetaId").asText())
                .isEqualTo("0000");
        assertThat(reply.body().at("/FailedDetails/0/Result").asText()).isEqualTo("Not Found");
        JsonNode meta = api.get(metas + "/" + id).body().get("DatasetFileMeta");
        assertThat(meta.get("Comment").asText()).isEqualTo("new");
        assertThat(meta.get("DataSize").asLong()).isEqualTo(10);
        assertThat(meta.get("Tags").asText()).isEqualTo("{\"user\":[\"cat\",\"kitten\"]}");
        assertThat(meta.get("TagUpdateTime").asText()).isEqualTo("2025-03-01T08:01:00.000Z");
    }

    @Test
    void aiTagsNeedTheTaggingJobTheyCameFrom() {
        String id = createOne("oss://test-bucket/road.png", "");
        String update = "{\"DatasetFileMetas\":[{\"DatasetFileMetaId\":\"" + id
                + "\",\"Tags\":\"{\\\"ai\\\":[\\\"lane line\\\",\\\"sunny day\\\"]}\"}]";

        assertError(api.put(metas, update + "}"), 400, "InvalidParameter");
        assertError(api.put(metas, update + ",\"TagJobId\":\"dsjob-none\"}"), 404, "DatasetJob.NotFound");
        String job = api.post(
                        "/api/v1/datasets/" + datasetId + "/datasetjobs",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"JobAction\":\"IntelligentTag\",\"JobSpec\":\"{}\"}")
                .body()
                .get("DatasetJobId")
                .asText();

        assertThat(api.put(metas, update + ",\"TagJobId\":\"" + job + "\"}").status())
                .isEqualTo(200);
        assertThat(api.put(
                                metas,
                                "{\"DatasetFileMetas\":[{\"DatasetFileMetaId\":\"" + id
                                        + "\",\"Tags\":\"{\\\"user-delete-ai-tags\\\":{\\\"add\\\":[\\\"sunny day\\\"]}}\"}]}")
                        .status())
                .isEqualTo(200);

        assertThat(api.get(metas + "/" + id).body().at("/DatasetFileMeta/Tags").asText())
                .isEqualTo("{\"ai\":[\"lane line\",\"sunny day\"],\"user-delete-ai-tags\":[\"sunny day\"]}");
        assertThat(uris(list("QueryTagsIncludeAny=sunny%20day"))).isEmpty();
        assertThat(uris(list("QueryTagsIncludeAny=lane%20line"))).containsExactly("oss://test-bucket/road.png");
    }

    @Test
    void deleteMarksRecordsDeletedWhichOnlyTheStatusFilterStillLists() {
        String keep = createOne("oss://test-bucket/keep.png", "");
        String gone = createOne("oss://test-bucket/gone.png", "");

        ApiClient.Reply reply = api.method(
                "DELETE",
                metas + "?WorkspaceId=" + workspaceId + "&DatasetVersion=v1&DatasetFileMetaIds=" + gone + ",abc");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("Status").asBoolean()).isFalse();
        assertThat(reply.body().at("/FailedDetails/0/DatasetFileMetaId").asText())
                .isEqualTo("abc");
        assertThat(uris(list(""))).containsExactly("oss://test-bucket/keep.png");
        assertThat(uris(list("Status=DELETED"))).containsExactly("oss://test-bucket/gone.png");
        assertThat(uris(list("Status=ALL&SortBy=FileCreateTime&Order=ASC"))).hasSize(2);
        assertThat(api.get(metas + "/" + gone)
                        .body()
                        .at("/DatasetFileMeta/Status")
                        .asText())
                .isEqualTo("DELETED");
        assertThat(api.method("DELETE", metas + "?DatasetFileMetaIds=" + gone)
                        .body()
                        .get("Status")
                        .asBoolean())
                .as("deleting twice finds nothing to delete")
                .isFalse();
        assertThat(createMetas(item("oss://test-bucket/gone.png", ""))
                        .get("Status")
                        .asBoolean())
                .as("its Uri may be created again")
                .isTrue();
        assertThat(uris(list("SortBy=FileCreateTime"))).hasSize(2).contains("oss://test-bucket/keep.png");
        assertThat(keep).isNotEqualTo(gone);
        assertError(api.method("DELETE", metas), 400, "MissingParameter");
    }

    @Test
    void statisticsAreComputedFromTheActiveRecords() {
        createOne(
                "oss://test-bucket/pets/cat.png",
                "\"FileType\":\"image\",\"Tags\":\"{\\\"user\\\":[\\\"cat\\\",\\\"white\\\"]}\"");
        createOne(
                "oss://test-bucket/pets/dog.png", "\"FileType\":\"image\",\"Tags\":\"{\\\"user\\\":[\\\"white\\\"]}\"");
        String video = createOne("oss://test-bucket/clips/a.mp4", "\"FileType\":\"video\"");
        createOne("oss://test-bucket/clips/b.mp4", "\"FileType\":\"video\"");
        createOne("oss://test-bucket/clips/c.mp4", "\"FileType\":\"video\"");
        api.method("DELETE", metas + "?DatasetFileMetaIds=" + video);

        JsonNode total = statistics("");
        JsonNode types = statistics("AggregateBy=filetype");
        JsonNode dirs = statistics("AggregateBy=FILEDIR&MaxResults=1");
        JsonNode tags = statistics("AggregateBy=tags.user");

        assertThat(total.get("requestId").asText()).isNotBlank();
        assertThat(total.has("RequestId")).isFalse();
        assertThat(total.get("TotalCount").asInt()).isEqualTo(4);
        assertThat(total.has("DatasetFileMetasStats")).isFalse();
        assertThat(types.at("/DatasetFileMetasStats/0/Key").asText()).isIn("image", "video");
        assertThat(types.at("/DatasetFileMetasStats/0/Count").asInt()).isEqualTo(2);
        assertThat(types.get("DatasetFileMetasStats")).hasSize(2);
        assertThat(types.get("TotalCount").asInt()).isEqualTo(2);
        assertThat(dirs.get("DatasetFileMetasStats")).hasSize(1);
        assertThat(dirs.get("TotalCount").asInt()).isEqualTo(2);
        assertThat(tags.at("/DatasetFileMetasStats/0/Key").asText()).isEqualTo("white");
        assertThat(tags.at("/DatasetFileMetasStats/0/Count").asInt()).isEqualTo(2);
        assertThat(tags.at("/DatasetFileMetasStats/1/Key").asText()).isEqualTo("cat");
        assertError(
                api.get("/api/v1/statistics/datasets/" + datasetId + "/datasetfilemetas?WorkspaceId=" + workspaceId
                        + "&DatasetVersion=v1&AggregateBy=size"),
                400,
                "InvalidParameter");
    }

    @Test
    void deletingAVersionTakesItsFileMetadataAlong() {
        String v2 = api.post(
                        "/api/v1/datasets/" + datasetId + "/versions",
                        "{\"DataSourceType\":\"OSS\",\"Property\":\"DIRECTORY\",\"Uri\":\"oss://test-bucket/v2/\"}")
                .body()
                .get("VersionName")
                .asText();
        ApiClient.Reply created = api.post(
                metas,
                "{\"WorkspaceId\":\"" + workspaceId + "\",\"DatasetVersion\":\"" + v2 + "\",\"DatasetFileMetas\":["
                        + item("oss://test-bucket/v2/a.png", "") + "]}");
        String id = created.body().at("/SucceedDetails/0/DatasetFileMetaId").asText();
        createOne("oss://test-bucket/v2/a.png", "");

        api.method("DELETE", "/api/v1/datasets/" + datasetId + "/versions/" + v2);

        assertError(api.get(metas + "/" + id), 404, "DatasetFileMeta.NotFound");
        assertThat(list("").get("TotalCount").asInt()).as("v1's records stay").isEqualTo(1);
    }
}
