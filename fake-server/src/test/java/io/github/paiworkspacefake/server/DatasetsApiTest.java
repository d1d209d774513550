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
 * Datasets through HTTP (CreateDataset, GetDataset, ListDatasets, UpdateDataset, DeleteDataset, PublishDataset,
 * CreateDatasetLabels, DeleteDatasetLabels).
 */
class DatasetsApiTest {

    private static final String DATASETS = "/api/v1/datasets";
    private static final String OPTIONS = "{\"mountPath\":\"/mnt/data/\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00.000Z"));
    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().clock(clock).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;

    @BeforeEach
    void defaultWorkspace() {
        workspaceId = api.createWorkspace("data_ws");
        fake.makeDefault(workspaceId);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String body(String name, String extra) {
        return "{\"Name\":\"" + name + "\",\"Property\":\"DIRECTORY\",\"DataSourceType\":\"NAS\","
                + "\"Uri\":\"nas://086b649545.cn-hangzhou/" + name + "/\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private String create(String name, String extra) {
        ApiClient.Reply reply = api.post(DATASETS, body(name, extra));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body().get("DatasetId").asText();
    }

    private JsonNode get(String datasetId) {
        ApiClient.Reply reply = api.get(DATASETS + "/" + datasetId);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body();
    }

    private JsonNode list(String query) {
        ApiClient.Reply reply = api.get(DATASETS + (query.isEmpty() ? "" : "?" + query));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body();
    }

    private static List<String> texts(JsonNode array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(member).asText()));
        return values;
    }

    @Test
    void createThenGetAnswersWhatWasStoredWithTheDocumentedDefaults() {
        String id = create("images", "\"WorkspaceId\":\"" + workspaceId + "\"");

        JsonNode dataset = get(id);

        assertThat(id).matches("d-[0-9a-z]{13}");
        assertThat(dataset.get("DatasetId").asText()).isEqualTo(id);
        assertThat(dataset.get("Name").asText()).isEqualTo("images");
        assertThat(dataset.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(dataset.get("Property").asText()).isEqualTo("DIRECTORY");
        assertThat(dataset.get("DataSourceType").asText()).isEqualTo("NAS");
        assertThat(dataset.get("Uri").asText()).isEqualTo("nas://086b649545.cn-hangzhou/images/");
        assertThat(dataset.get("DataType").asText()).isEqualTo("COMMON");
        assertThat(dataset.get("SourceType").asText()).isEqualTo("USER");
        assertThat(dataset.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(dataset.get("Edition").asText()).isEqualTo("BASIC");
        assertThat(dataset.get("ProviderType").asText()).isEqualTo("Ecs");
        assertThat(dataset.get("IsShared").asBoolean()).isFalse();
        assertThat(dataset.get("OwnerId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(dataset.get("UserId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(dataset.get("Labels")).isEmpty();
        assertThat(dataset.get("GmtCreateTime").asText()).isEqualTo("2025-03-01T08:00:00.000Z");
        assertThat(dataset.get("GmtModifiedTime").asText()).isEqualTo("2025-03-01T08:00:00.000Z");
        assertThat(dataset.has("Provider")).isFalse();
    }

    @Test
    void aDatasetStartsWithVersionV1MadeFromItsOwnMembers() {
        String id = create(
                "first",
                "\"Options\":" + ApiClient.JSON.valueToTree(OPTIONS) + ",\"SourceType\":\"ITAG\","
                        + "\"SourceId\":\"d-xxxxx_v1\",\"DataSize\":2068,\"DataCount\":1000,"
                        + "\"VersionDescription\":\"首个版本\",\"VersionLabels\":[{\"Key\":\"stage\",\"Value\":\"raw\"}]");

        JsonNode latest = get(id).get("LatestVersion");
        JsonNode v1 = api.get(DATASETS + "/" + id + "/versions/v1").body();

        assertThat(latest.get("VersionName").asText()).isEqualTo("v1");
        assertThat(latest.has("DatasetId"))
                .as("the DatasetVersion model has no DatasetId")
                .isFalse();
        assertThat(v1.get("DatasetId").asText()).isEqualTo(id);
        assertThat(v1.get("Uri").asText()).isEqualTo("nas://086b649545.cn-hangzhou/first/");
        assertThat(v1.get("Property").asText()).isEqualTo("DIRECTORY");
        assertThat(v1.get("DataSourceType").asText()).isEqualTo("NAS");
        assertThat(v1.get("Options").asText()).isEqualTo(OPTIONS);
        assertThat(v1.get("SourceType").asText()).isEqualTo("ITAG");
        assertThat(v1.get("SourceId").asText()).isEqualTo("d-xxxxx_v1");
        assertThat(v1.get("DataSize").asLong()).isEqualTo(2068);
        assertThat(v1.get("DataCount").asLong()).isEqualTo(1000);
        assertThat(v1.get("Description").asText()).isEqualTo("首个版本");
        assertThat(texts(v1.get("Labels"), "Key")).containsExactly("stage");
        assertThat(latest).isEqualTo(withoutMembers(v1, "RequestId", "DatasetId"));
    }

    private static JsonNode withoutMembers(JsonNode node, String... members) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = node.deepCopy();
        copy.remove(List.of(members));
        return copy;
    }

    @Test
    void anOmittedWorkspaceIdMeansTheCallersDefaultWorkspace() {
        String id = create("in_default", "");

        assertThat(get(id).get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(texts(list("").get("Datasets"), "DatasetId")).containsExactly(id);
    }

    @Test
    void withoutADefaultWorkspaceAnOmittedWorkspaceIdIsAnErrorInTheApisFormat() {
        fake.deleteWorkspace(workspaceId);

        assertError(api.post(DATASETS, body("orphan", "")), 404, "100400027");
        assertError(api.get(DATASETS), 404, "100400027");
        assertThat(fake.datasets().publicDatasets()).isEmpty();
    }

    @Test
    void aWorkspaceOfAnotherAccountOrNoneIsNotFound() {
        String others = fake.addWorkspace(Workspace.builder("others_ws")
                        .owner(Account.of("9990000000000009", "other"))
                        .build())
                .workspaceId();

        assertError(api.post(DATASETS, body("x", "\"WorkspaceId\":\"" + others + "\"")), 404, "100400027");
        assertError(api.post(DATASETS, body("x", "\"WorkspaceId\":\"424242\"")), 404, "100400027");
        assertError(api.get(DATASETS + "?WorkspaceId=" + others), 404, "100400027");
        assertThat(fake.datasets().list(others)).isEmpty();
    }

    @Test
    void optionsAndOtherStringsComeBackByteForByte() {
        String options =
                "{ \"mountPath\": \"/mnt/data/nas\",\n  \"fs.jindo.args\": \"-oattr_timeout=7200\", \"é\":\"数据\\u00e9\" }";
        String description = "用于标注的数据。 Two  spaces,\ttab";
        String id = create(
                "bytes",
                "\"Options\":" + ApiClient.JSON.valueToTree(options) + ",\"Description\":"
                        + ApiClient.JSON.valueToTree(description)
                        + ",\"ImportInfo\":\"{\\\"region\\\":\\\"cn-wulanchabu\\\"}\"");

        JsonNode dataset = get(id);

        assertThat(dataset.get("Options").asText()).isEqualTo(options);
        assertThat(dataset.get("Description").asText()).isEqualTo(description);
        assertThat(dataset.get("ImportInfo").asText()).isEqualTo("{\"region\":\"cn-wulanchabu\"}");
    }

    @Test
    void labelsComeBackInTheOrderSent() {
        String id = create(
                "labelled",
                "\"Labels\":[{\"Key\":\"key3\",\"Value\":\"c\"},{\"Key\":\"key1\",\"Value\":\"a\"},"
                        + "{\"Key\":\"key2\",\"Value\":\"b\"}]");

        assertThat(texts(get(id).get("Labels"), "Key")).containsExactly("key3", "key1", "key2");
        assertThat(texts(get(id).get("Labels"), "Value")).containsExactly("c", "a", "b");
    }

    @Test
    void createDatasetLabelsSetsEachKeyWhereItStandsAndAppendsNewOnes() {
        String id = create("labels", "\"Labels\":[{\"Key\":\"a\",\"Value\":\"1\"},{\"Key\":\"b\",\"Value\":\"2\"}]");

        ApiClient.Reply reply = api.post(
                DATASETS + "/" + id + "/labels",
                "{\"DatasetId\":\"" + id
                        + "\",\"Labels\":[{\"Key\":\"c\",\"Value\":\"3\"},{\"Key\":\"a\",\"Value\":\"9\"}]}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode labels = get(id).get("Labels");
        assertThat(texts(labels, "Key")).containsExactly("a", "b", "c");
        assertThat(texts(labels, "Value")).containsExactly("9", "2", "3");
    }

    @Test
    void deleteDatasetLabelsRemovesExactlyTheKeysNamedAndTakesTerraformsJsonBody() {
        String id = create(
                "unlabel",
                "\"Labels\":[{\"Key\":\"key1\",\"Value\":\"1\"},{\"Key\":\"key2\",\"Value\":\"2\"},"
                        + "{\"Key\":\"key3\",\"Value\":\"3\"}]");

        ApiClient.Reply reply = api.send(
                "DELETE",
                DATASETS + "/" + id + "/labels?LabelKeys=key1,key3,absent",
                "application/json; charset=utf-8",
                "{\"DatasetId\":\"" + id + "\"}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(texts(get(id).get("Labels"), "Key")).containsExactly("key2");
        assertThat(api.method("DELETE", DATASETS + "/" + id + "/labels").status())
                .as("without LabelKeys nothing is removed")
                .isEqualTo(200);
        assertThat(texts(get(id).get("Labels"), "Key")).containsExactly("key2");
    }

    @Test
    void labelsBreakingTheReferencesRulesAreRefusedAndNothingChanges() {
        String id = create("strict_labels", "\"Labels\":[{\"Key\":\"k\",\"Value\":\"v\"}]");
        String labels = DATASETS + "/" + id + "/labels";

        assertError(
                api.post(labels, "{\"Labels\":[{\"Key\":\"aliyun.tag\",\"Value\":\"v\"}]}"), 400, "InvalidParameter");
        assertError(api.post(labels, "{\"Labels\":[{\"Key\":\"a=b\",\"Value\":\"v\"}]}"), 400, "InvalidParameter");
        assertError(api.post(labels, "{\"Labels\":[{\"Key\":\"k\",\"Value\":\"x,y\"}]}"), 400, "InvalidParameter");
        assertError(
                api.post(labels, "{\"Labels\":[{\"Key\":\"" + "k".repeat(129) + "\",\"Value\":\"v\"}]}"),
                400,
                "InvalidParameter");
        assertError(api.post(labels, "{\"Labels\":[{\"Value\":\"v\"}]}"), 400, "MissingParameter");
        assertError(
                api.post(DATASETS, body("bad_labels", "\"Labels\":[{\"Key\":\"acs:x\",\"Value\":\"v\"}]")),
                400,
                "InvalidParameter");

        assertThat(get(id).get("Labels")).hasSize(1);
        assertThat(list("").get("TotalCount").asLong()).isEqualTo(1);
    }

    @Test
    void requiredAndEnumeratedMembersAreCheckedAsTheReferenceSays() {
        assertError(
                api.post(DATASETS, "{\"Property\":\"FILE\",\"DataSourceType\":\"OSS\",\"Uri\":\"oss://b/k\"}"),
                400,
                "MissingParameter");
        assertError(
                api.post(DATASETS, "{\"Name\":\"n\",\"DataSourceType\":\"OSS\",\"Uri\":\"oss://b/k\"}"),
                400,
                "MissingParameter");
        assertError(
                api.post(DATASETS, "{\"Name\":\"n\",\"Property\":\"FILE\",\"Uri\":\"oss://b/k\"}"),
                400,
                "MissingParameter");
        assertError(
                api.post(DATASETS, "{\"Name\":\"n\",\"Property\":\"FILE\",\"DataSourceType\":\"OSS\"}"),
                400,
                "MissingParameter");
        assertError(
                api.post(DATASETS, body("n", "\"Property\":\"FOLDER\"").replace("\"Property\":\"DIRECTORY\",", "")),
                400,
                "InvalidParameter");
        assertError(api.post(DATASETS, body("n", "").replace("NAS", "HDFS")), 400, "InvalidParameter");
        assertError(api.post(DATASETS, body("n", "\"Accessibility\":\"EVERYONE\"")), 400, "InvalidParameter");
        assertError(api.post(DATASETS, body("n", "\"DataType\":\"IMAGE\"")), 400, "InvalidParameter");
        assertError(api.post(DATASETS, body("n", "\"Edition\":\"PRO\"")), 400, "InvalidParameter");
        assertError(api.post(DATASETS, body("n", "\"ProviderType\":\"ecs\"")), 400, "InvalidParameter");
        assertError(api.post(DATASETS, body("n", "\"SourceType\":\"FRIEND\"")), 400, "InvalidParameter");
        assertError(api.post(DATASETS, body("n", "\"DataSize\":0")), 400, "InvalidParameter");
        assertError(api.post(DATASETS, body("n", "\"Provider\":\"pai\"")), 400, "InvalidParameter");
        assertError(api.post(DATASETS, body("n", "\"Edition\":\"ADVANCED\"")), 400, "InvalidParameter");

        assertThat(list("").get("TotalCount").asLong()).isZero();
    }

    @Test
    void aNameIsOneTo127LettersDigitsChineseUnderscoresAndHyphensStartingWithNoSign() {
        create("数据集-2025_v1", "");
        create("9" + "a".repeat(126), "");

        assertError(api.post(DATASETS, body("a".repeat(128), "")), 400, "InvalidParameter");
        assertError(api.post(DATASETS, body("-leading", "")), 400, "InvalidParameter");
        assertError(api.post(DATASETS, body("has space", "")), 400, "InvalidParameter");
        assertError(api.post(DATASETS, body("", "")), 400, "MissingParameter");
        assertThat(list("").get("TotalCount").asLong()).isEqualTo(2);
    }

    @Test
    void aNameIsUniqueWithinItsWorkspace() {
        create("twin", "");
        String other = api.createWorkspace("other_ws");

        assertError(api.post(DATASETS, body("twin", "")), 409, "DatasetNameAlreadyExists");
        create("twin", "\"WorkspaceId\":\"" + other + "\"");
        assertThat(list("").get("TotalCount").asLong()).isEqualTo(1);
    }

    @Test
    void publishDatasetTurnsAPrivateDatasetPublic() {
        String id = create("to_publish", "");
        assertThat(get(id).get("Accessibility").asText()).isEqualTo("PRIVATE");

        ApiClient.Reply reply = api.put(DATASETS + "/" + id + "/publish", "{\"DatasetId\":\"" + id + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(get(id).get("Accessibility").asText()).isEqualTo("PUBLIC");
        assertThat(api.put(DATASETS + "/" + id + "/publish", "{}").status()).isEqualTo(200);
        assertThat(get(id).get("Accessibility").asText()).isEqualTo("PUBLIC");
    }

    @Test
    void updateDatasetChangesWhatItIsGivenAndV1sOptionsWithTheDatasets() {
        String id = create("before", "\"Description\":\"old\",\"Options\":\"{}\"");
        clock.now = clock.now.plusSeconds(60);

        ApiClient.Reply reply = api.put(
                DATASETS + "/" + id,
                "{\"DatasetId\":\"" + id + "\",\"Name\":\"before_update\",\"Description\":\"新的描述\",\"Options\":"
                        + ApiClient.JSON.valueToTree(OPTIONS) + "}");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode dataset = get(id);
        assertThat(dataset.get("Name").asText()).isEqualTo("before_update");
        assertThat(dataset.get("Description").asText()).isEqualTo("新的描述");
        assertThat(dataset.get("Options").asText()).isEqualTo(OPTIONS);
        assertThat(dataset.get("GmtModifiedTime").asText()).isEqualTo("2025-03-01T08:01:00.000Z");
        assertThat(dataset.get("GmtCreateTime").asText()).isEqualTo("2025-03-01T08:00:00.000Z");
        assertThat(dataset.at("/LatestVersion/Options").asText()).isEqualTo(OPTIONS);
        assertThat(dataset.get("Uri").asText()).isEqualTo("nas://086b649545.cn-hangzhou/before/");
    }

    @Test
    void updateDatasetKeepsWhatItIsNotGivenAndChecksTheName() {
        String id = create("keep", "\"Description\":\"d\",\"Options\":\"{\\\"a\\\":1}\"");

        assertThat(api.put(
                                DATASETS + "/" + id,
                                "{\"Accessibility\":\"ROLE_PUBLIC\",\"AccessibleRoleIdList\":[\"PAI.AlgoDeveloper\"]}")
                        .status())
                .isEqualTo(200);

        JsonNode dataset = get(id);
        assertThat(dataset.get("Description").asText()).isEqualTo("d");
        assertThat(dataset.get("Options").asText()).isEqualTo("{\"a\":1}");
        assertThat(dataset.get("Accessibility").asText()).isEqualTo("ROLE_PUBLIC");
        assertThat(dataset.get("AccessibleRoleIdList").get(0).asText()).isEqualTo("PAI.AlgoDeveloper");
        assertError(api.put(DATASETS + "/" + id, "{\"Name\":\"\"}"), 400, "InvalidParameter");
        assertError(api.put(DATASETS + "/" + id, "{\"Name\":\"bad name\"}"), 400, "InvalidParameter");
        assertThat(get(id).get("Name").asText()).isEqualTo("keep");
    }

    @Test
    void anOssDatasetCanBeUpgradedFromBasicToAdvancedAndNoOtherEditionChangeIsAllowed() {
        String id = api.post(
                        DATASETS,
                        "{\"Name\":\"oss_data\",\"Property\":\"DIRECTORY\",\"DataSourceType\":\"OSS\",\"Uri\":\"oss://bucket.oss-cn-hangzhou.aliyuncs.com/d/\"}")
                .body()
                .get("DatasetId")
                .asText();
        String nas = create("nas_data", "");

        assertError(api.put(DATASETS + "/" + nas, "{\"Edition\":\"ADVANCED\"}"), 400, "InvalidParameter");
        assertError(api.put(DATASETS + "/" + id, "{\"Edition\":\"LOGICAL\"}"), 400, "InvalidParameter");
        assertThat(api.put(DATASETS + "/" + id, "{\"Edition\":\"ADVANCED\"}").status())
                .isEqualTo(200);
        assertError(api.put(DATASETS + "/" + id, "{\"Edition\":\"BASIC\"}"), 400, "InvalidParameter");

        assertThat(get(id).get("Edition").asText()).isEqualTo("ADVANCED");
        assertThat(get(nas).get("Edition").asText()).isEqualTo("BASIC");
    }

    @Test
    void sharingIsNotHonouredAndSaysSo() {
        String id = create("shared", "");

        assertError(api.put(DATASETS + "/" + id, "{\"SharingConfig\":{\"SharedTo\":[]}}"), 400, "UnsupportedParameter");
        assertError(api.get(DATASETS + "?ShareScope=TO_ME"), 400, "UnsupportedParameter");
        try (PaiWorkspaceFake lenient =
                PaiWorkspaceFake.builder().lenient(true).build().start()) {
            ApiClient lenientApi = new ApiClient(lenient.baseUrl());
            lenient.makeDefault(lenientApi.createWorkspace("lenient_ws"));
            assertThat(lenientApi.get(DATASETS + "?ShareScope=BY_ME").status()).isEqualTo(200);
        }
    }

    @Test
    void deleteDatasetRemovesItAndItsVersionsAndAReadThenSaysNotFound() {
        String id = create("doomed", "");
        assertThat(api.post(
                                DATASETS + "/" + id + "/versions",
                                "{\"DataSourceType\":\"NAS\",\"Property\":\"FILE\",\"Uri\":\"nas://x/y\"}")
                        .status())
                .isEqualTo(200);

        assertThat(api.method("DELETE", DATASETS + "/" + id).status()).isEqualTo(200);

        assertError(api.get(DATASETS + "/" + id), 404, "201300003");
        assertError(api.get(DATASETS + "/" + id + "/versions/v1"), 404, "201300003");
        assertError(api.get(DATASETS + "/" + id + "/versions/v2"), 404, "201300003");
        assertError(api.method("DELETE", DATASETS + "/" + id), 404, "201300003");
        assertThat(fake.snapshot()).doesNotContain(id);
    }

    @Test
    void anUnknownDatasetIs404With201300003ForEveryOperation() {
        String unknown = DATASETS + "/d-unknown000000";

        assertError(api.get(unknown), 404, "201300003");
        assertError(api.put(unknown, "{\"Description\":\"x\"}"), 404, "201300003");
        assertError(api.method("DELETE", unknown), 404, "201300003");
        assertError(api.put(unknown + "/publish", "{}"), 404, "201300003");
        assertError(api.post(unknown + "/labels", "{\"Labels\":[{\"Key\":\"k\",\"Value\":\"v\"}]}"), 404, "201300003");
        assertError(api.method("DELETE", unknown + "/labels?LabelKeys=k"), 404, "201300003");
        assertThat(api.get(unknown).body().path("Message").asText()).isEqualTo("Dataset not exists");
    }

    @Test
    void listingPagesByTenWithTheTotalOfAllMatchesAndAnEmptyPagePastTheEnd() {
        for (int i = 1; i <= 12; i++) {
            create(String.format("set_%02d", i), "");
            clock.now = clock.now.plusSeconds(1);
        }

        JsonNode first = list("");
        JsonNode second = list("PageNumber=2");
        JsonNode past = list("PageNumber=3");
        JsonNode small = list("PageNumber=3&PageSize=5");

        assertThat(first.get("TotalCount").asLong()).isEqualTo(12);
        assertThat(texts(first.get("Datasets"), "Name")).hasSize(10).startsWith("set_01", "set_02");
        assertThat(texts(second.get("Datasets"), "Name")).containsExactly("set_11", "set_12");
        assertThat(past.get("Datasets").isArray()).isTrue();
        assertThat(past.get("Datasets")).isEmpty();
        assertThat(past.get("TotalCount").asLong()).isEqualTo(12);
        assertThat(texts(small.get("Datasets"), "Name")).containsExactly("set_11", "set_12");
        assertError(api.get(DATASETS + "?PageSize=101"), 400, "InvalidParameter");
        assertError(api.get(DATASETS + "?PageNumber=0"), 400, "InvalidParameter");
    }

    @Test
    void anEmptyWorkspaceListsAnEmptyDatasetsArray() {
        JsonNode empty = list("");

        assertThat(empty.get("TotalCount").asLong()).isZero();
        assertThat(empty.get("Datasets").isArray()).isTrue();
        assertThat(empty.get("Datasets")).isEmpty();
    }

    @Test
    void listingSortsByTheTimesOrTheNameInEitherOrder() {
        String a = create("alpha", "");
        clock.now = clock.now.plusSeconds(1);
        String c = create("charlie", "");
        clock.now = clock.now.plusSeconds(1);
        String b = create("bravo", "");
        clock.now = clock.now.plusSeconds(1);
        api.put(DATASETS + "/" + a, "{\"Description\":\"touched\"}");

        assertThat(texts(list("Order=DESC").get("Datasets"), "DatasetId")).containsExactly(b, c, a);
        assertThat(texts(list("SortBy=Name&Order=ASC").get("Datasets"), "Name"))
                .containsExactly("alpha", "bravo", "charlie");
        assertThat(texts(list("SortBy=GmtModifiedTime&Order=DESC").get("Datasets"), "DatasetId"))
                .containsExactly(a, b, c);
        assertError(api.get(DATASETS + "?SortBy=Size"), 400, "InvalidParameter");
        assertError(api.get(DATASETS + "?Order=desc"), 400, "InvalidParameter");
    }

    @Test
    void listingFiltersAsTheReferenceDescribes() {
        String images = create(
                "Cat_Images",
                "\"DataType\":\"PIC\",\"SourceType\":\"ITAG\",\"SourceId\":\"job-1\","
                        + "\"Labels\":[{\"Key\":\"team\",\"Value\":\"vision\"}]");
        String texts = create("corpus", "\"DataType\":\"TEXT\",\"Accessibility\":\"PUBLIC\"");
        String file = api.post(
                        DATASETS,
                        "{\"Name\":\"table\",\"Property\":\"FILE\",\"DataSourceType\":\"OSS\",\"Edition\":\"ADVANCED\","
                                + "\"Uri\":\"oss://bucket.oss-cn-hangzhou.aliyuncs.com/test/a.csv\"}")
                .body()
                .get("DatasetId")
                .asText();

        assertThat(ids("Name=cat")).containsExactly(images);
        assertThat(ids("Properties=FILE")).containsExactly(file);
        assertThat(ids("Properties=FILE,DIRECTORY")).containsExactly(images, texts, file);
        assertThat(ids("DataSourceTypes=OSS")).containsExactly(file);
        assertThat(ids("DataTypes=PIC,TEXT")).containsExactly(images, texts);
        assertThat(ids("Label=visi")).containsExactly(images);
        assertThat(ids("SourceId=job-1")).containsExactly(images);
        assertThat(ids("SourceTypes=USER")).containsExactly(texts, file);
        assertThat(ids("Accessibility=PUBLIC")).containsExactly(texts);
        assertThat(ids("Edition=ADVANCED")).containsExactly(file);
        assertThat(ids("DatasetIds=" + file + "," + images)).containsExactly(images, file);
        assertThat(ids("Name=cat&DataTypes=TEXT")).isEmpty();
        assertError(api.get(DATASETS + "?Properties=FOLDER"), 400, "InvalidParameter");
    }

    private List<String> ids(String query) {
        JsonNode answer = list(query);
        assertThat(answer.get("TotalCount").asLong())
                .isEqualTo(answer.get("Datasets").size());
        return texts(answer.get("Datasets"), "DatasetId");
    }

    @Test
    void listItemsCarryTheLatestVersionAndNoUndeclaredMembers() {
        String id = create("versioned", "");
        api.post(
                DATASETS + "/" + id + "/versions",
                "{\"DataSourceType\":\"NAS\",\"Property\":\"FILE\",\"Uri\":\"nas://x/v2\"}");

        JsonNode item = list("").get("Datasets").get(0);

        assertThat(item.at("/LatestVersion/VersionName").asText()).isEqualTo("v2");
        assertThat(item.at("/LatestVersion/Uri").asText()).isEqualTo("nas://x/v2");
        assertThat(item.has("Provider")).isFalse();
        assertThat(item.get("Uri").asText()).isEqualTo("nas://086b649545.cn-hangzhou/versioned/");
    }

    @Test
    void providerPaiWithoutAWorkspaceListsThePublicDatasetsWhichAreNoneByDefault() {
        create("mine", "");

        JsonNode none = list("Name=&Provider=pai&Order=DESC&PageNumber=1&PageSize=10");

        assertThat(none.get("TotalCount").asLong()).isZero();
        assertThat(none.get("Datasets").isArray()).isTrue();
        assertThat(none.get("Datasets")).isEmpty();

        Dataset mnist = fake.datasets()
                .addPublic(DatasetSeed.builder("mnist", "oss://pai-public-data.oss-cn-hangzhou.aliyuncs.com/mnist/")
                        .dataType("PIC")
                        .build());
        Dataset imdb = fake.datasets()
                .addPublic(DatasetSeed.builder("imdb", "oss://pai-public-data.oss-cn-hangzhou.aliyuncs.com/imdb/")
                        .dataType("TEXT")
                        .build());

        JsonNode listed = list("Name=&Provider=pai&Order=DESC&PageNumber=1&PageSize=10");
        assertThat(texts(listed.get("Datasets"), "DatasetId")).containsExactly(imdb.datasetId(), mnist.datasetId());
        assertThat(listed.at("/Datasets/0/Accessibility").asText()).isEqualTo("PUBLIC");
        assertThat(listed.at("/Datasets/0").has("WorkspaceId")).isFalse();
        assertThat(texts(list("Provider=pai&Name=mni").get("Datasets"), "Name")).containsExactly("mnist");
        assertThat(texts(list("").get("Datasets"), "Name")).containsExactly("mine");
    }

    @Test
    void everyAccountReadsAPublicDatasetAndNoneChangesIt() {
        Dataset mnist = fake.datasets()
                .addPublic(
                        DatasetSeed.builder("mnist", "oss://pai-public/mnist/").build());

        JsonNode dataset = get(mnist.datasetId());

        assertThat(dataset.get("Provider").asText()).isEqualTo("pai");
        assertThat(dataset.get("Name").asText()).isEqualTo("mnist");
        assertThat(dataset.get("Uri").asText()).isEqualTo("oss://pai-public/mnist/");
        assertThat(dataset.get("MountAccess").asText()).isEqualTo("RO");
        assertThat(api.get(DATASETS + "/" + mnist.datasetId() + "/versions/v1").status())
                .isEqualTo(200);
        assertError(
                api.put(DATASETS + "/" + mnist.datasetId(), "{\"Description\":\"mine now\"}"),
                403,
                "OperationDenied.PublicDataset");
        assertError(api.method("DELETE", DATASETS + "/" + mnist.datasetId()), 403, "OperationDenied.PublicDataset");
        assertThat(fake.datasets().get(mnist.datasetId())).isPresent();
    }

    @Test
    void providersOtherThanPaiFilterTheWorkspacesDatasets() {
        String github = create("from_github", "\"Provider\":\"Github\"");
        create("plain", "");

        assertThat(ids("Provider=Github")).containsExactly(github);
        assertThat(get(github).get("Provider").asText()).isEqualTo("Github");
    }
}
