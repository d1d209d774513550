package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertClientError;
import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dataset families on workspaces the run creates (so they run only with {@code --allow-create}): create then
 * read, listing (paging, sorting, filters), labels, update, publish, versions, deletion, and, on an ADVANCED OSS
 * dataset, file metadata, a job and a job configuration. Each check creates its own workspace and deletes every
 * dataset it created when it ends (a dataset it could not delete fails the check, naming it); cleanup then deletes the
 * workspaces. The datasets point at {@code oss://pai-workspace-contract/<run id>/...}; registering a dataset reads
 * nothing there.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@Tag(CreatingContractChecks.TAG)
@DisplayName("datasets")
@Order(7)
public class DatasetContractChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = DatasetReadOnlyContractChecks.DATASET_NOT_FOUND;
    private static final String OPTIONS =
            "{ \"mountPath\": \"/mnt/data/\",\n  \"fs.jindo.args\": \"-oattr_timeout=7200\" }";

    private final ContractRun run;
    private final DatasetApi datasets;
    private final String check;
    private final List<String> created = new ArrayList<>();
    private String workspaceId;

    DatasetContractChecks(ContractRun run, TestInfo info) {
        this.run = run;
        this.datasets = new DatasetApi(run.api());
        this.check = "datasets > " + info.getDisplayName();
    }

    /** Deletes every dataset this check created and did not delete itself; one that stays fails the check. */
    @AfterEach
    void deleteWhatThisCheckCreated() {
        List<String> left = new ArrayList<>();
        for (String id : created) {
            ApiResponse deleted = datasets.deleteDataset(id);
            if (deleted.status() != 200 && deleted.status() != 404) {
                left.add(id + ": " + deleted);
            }
        }
        assertThat(left)
                .as("datasets of this check that could not be deleted; delete them by hand")
                .isEmpty();
    }

    private String workspace() {
        if (workspaceId == null) {
            workspaceId = RunWorkspaces.create(run, check, "datasets");
        }
        return workspaceId;
    }

    private String uri(String path) {
        return "oss://pai-workspace-contract.oss-cn-hangzhou.aliyuncs.com/"
                + run.names().runId() + "/" + path;
    }

    /** A CreateDataset body for the check's workspace: an OSS directory with a fresh name, and these members. */
    private String body(String name, String extra) {
        return "{\"WorkspaceId\":\"" + workspace() + "\",\"Name\":\"" + name
                + "\",\"Property\":\"DIRECTORY\",\"DataSourceType\":\"OSS\",\"Uri\":\"" + uri(name + "/") + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    /** CreateDataset, which must succeed; the dataset is deleted when the check ends. */
    private String create(String json) {
        ApiResponse answer = datasets.createDataset(json);
        recordIfCreated(answer);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        ResponseSchemas.CREATE_DATASET.assertValid(answer);
        return answer.json().get("DatasetId").asText();
    }

    private String create(String name, String extra) {
        return create(body(name, extra));
    }

    private void recordIfCreated(ApiResponse answer) {
        if (answer.status() == 200) {
            try {
                JsonNode id = answer.json().get("DatasetId");
                if (id != null && id.isTextual()) {
                    created.add(id.asText());
                }
            } catch (AssertionError notJson) {
                // nothing identifiable was created
            }
        }
    }

    private JsonNode get(String datasetId) {
        ApiResponse got = datasets.getDataset(datasetId);
        assertThat(got.status()).as("%s", got).isEqualTo(200);
        ResponseSchemas.GET_DATASET.assertValid(got);
        return got.json();
    }

    /** A ListDatasets answer, which must be 200 and valid against its schema. */
    static JsonNode list(ApiResponse listed) {
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        ResponseSchemas.LIST_DATASETS.assertValid(listed);
        return listed.json();
    }

    private JsonNode list(String... query) {
        String[] withWorkspace = new String[query.length + 2];
        withWorkspace[0] = "WorkspaceId";
        withWorkspace[1] = workspace();
        System.arraycopy(query, 0, withWorkspace, 2, query.length);
        return list(datasets.listDatasets(withWorkspace));
    }

    private static List<String> values(JsonNode array, String member) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(member).asText()));
        return values;
    }

    private static String text(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSucceeded(ApiResponse answer, ResponseSchemas schema) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        schema.assertValid(answer);
    }

    // ---- datasets

    @Test
    @DisplayName("CreateDataset then GetDataset returns what was stored: Options and Description byte for byte, labels"
            + " in the order sent, the defaults DataType COMMON, SourceType USER, Accessibility PRIVATE and Edition BASIC,"
            + " and LatestVersion v1 made from the dataset's Uri, Property and Options")
    void createThenGet() {
        String name = run.names().next();
        Instant before = Instant.now().minusSeconds(600);
        String id = create(
                name,
                "\"Options\":" + text(OPTIONS) + ",\"Description\":" + text("数据集 contract  check")
                        + ",\"Labels\":[{\"Key\":\"zeta\",\"Value\":\"1\"},{\"Key\":\"alpha\",\"Value\":\"2\"}]");

        JsonNode dataset = get(id);

        assertThat(dataset.get("DatasetId").asText()).as("DatasetId").isEqualTo(id);
        assertThat(dataset.get("Name").asText()).as("Name").isEqualTo(name);
        assertThat(dataset.path("WorkspaceId").asText()).as("WorkspaceId").isEqualTo(workspace());
        assertThat(dataset.get("Uri").asText()).as("Uri").isEqualTo(uri(name + "/"));
        assertThat(dataset.get("Property").asText()).as("Property").isEqualTo("DIRECTORY");
        assertThat(dataset.get("DataSourceType").asText()).as("DataSourceType").isEqualTo("OSS");
        assertThat(dataset.path("Options").asText()).as("Options").isEqualTo(OPTIONS);
        assertThat(dataset.path("Description").asText()).as("Description").isEqualTo("数据集 contract  check");
        assertThat(values(dataset.path("Labels"), "Key"))
                .as("label keys in order")
                .containsExactly("zeta", "alpha");
        assertThat(dataset.get("DataType").asText()).as("default DataType").isEqualTo("COMMON");
        assertThat(dataset.get("SourceType").asText()).as("default SourceType").isEqualTo("USER");
        assertThat(dataset.get("Accessibility").asText())
                .as("default Accessibility")
                .isEqualTo("PRIVATE");
        assertThat(dataset.path("Edition").asText("BASIC"))
                .as("default Edition")
                .isEqualTo("BASIC");
        assertThat(Instant.parse(dataset.get("GmtCreateTime").asText()))
                .as("GmtCreateTime")
                .isAfter(before);
        JsonNode latest = dataset.path("LatestVersion");
        assertThat(latest.path("VersionName").asText())
                .as("LatestVersion of a new dataset")
                .isEqualTo("v1");
        assertThat(latest.path("Uri").asText()).as("LatestVersion.Uri").isEqualTo(uri(name + "/"));
        assertThat(latest.path("Options").asText()).as("LatestVersion.Options").isEqualTo(OPTIONS);
    }

    @Test
    @DisplayName("CreateDataset refuses a missing Name, Property, DataSourceType or Uri, an undocumented Property and a"
            + " Name of 128 characters with 400 in the error format, and creates nothing")
    void createRefusesWhatTheReferenceForbids() {
        List<String> bodies = List.of(
                body("x", "").replaceFirst("\"Name\":\"x\",", ""),
                body("x", "").replace("\"Property\":\"DIRECTORY\",", ""),
                body("x", "").replace("\"DataSourceType\":\"OSS\",", ""),
                body("x", "").replaceFirst(",\"Uri\":\"[^\"]*\"", ""),
                body("x", "").replace("DIRECTORY", "FOLDER"),
                body("n" + "a".repeat(127), ""));

        for (String json : bodies) {
            ApiResponse answer = datasets.createDataset(json);
            recordIfCreated(answer);
            assertRefused(answer, 400);
        }

        assertThat(list().get("TotalCount").asLong())
                .as("datasets in the workspace")
                .isZero();
    }

    @Test
    @DisplayName("ListDatasets pages by PageSize with TotalCount of every match and an empty Datasets array past the"
            + " end, and sorts by Name in either Order")
    void listPagesAndSorts() {
        String prefix = run.names().next();
        for (String suffix : List.of("_b", "_c", "_a")) {
            create(prefix + suffix, "");
        }

        JsonNode first = list("PageNumber", "1", "PageSize", "2", "SortBy", "Name", "Order", "ASC");
        JsonNode second = list("PageNumber", "2", "PageSize", "2", "SortBy", "Name", "Order", "ASC");
        JsonNode past = list("PageNumber", "3", "PageSize", "2", "SortBy", "Name", "Order", "ASC");
        JsonNode descending = list("SortBy", "Name", "Order", "DESC");

        assertThat(first.get("TotalCount").asLong()).as("TotalCount on page 1").isEqualTo(3);
        assertThat(values(first.get("Datasets"), "Name")).as("page 1").containsExactly(prefix + "_a", prefix + "_b");
        assertThat(values(second.get("Datasets"), "Name")).as("page 2").containsExactly(prefix + "_c");
        assertThat(second.get("TotalCount").asLong()).as("TotalCount on page 2").isEqualTo(3);
        assertThat(past.get("Datasets")).as("the page past the end").isEmpty();
        assertThat(past.get("TotalCount").asLong())
                .as("TotalCount past the end")
                .isEqualTo(3);
        assertThat(values(descending.get("Datasets"), "Name"))
                .as("SortBy=Name&Order=DESC")
                .containsExactly(prefix + "_c", prefix + "_b", prefix + "_a");
    }

    @Test
    @DisplayName("ListDatasets filters by Name (a part, in any case), Properties, DataTypes and Label")
    void listFilters() {
        String name = run.names().next();
        String images =
                create(name + "_Images", "\"DataType\":\"PIC\",\"Labels\":[{\"Key\":\"team\",\"Value\":\"vision\"}]");
        String table = create(body(name + "_table", "\"DataType\":\"TEXT\"")
                .replace("DIRECTORY", "FILE")
                .replace(name + "_table/", name + "_table.csv"));

        assertThat(values(list("Name", name + "_images").get("Datasets"), "DatasetId"))
                .as("Name=<part, other case>")
                .containsExactly(images);
        assertThat(values(list("Properties", "FILE").get("Datasets"), "DatasetId"))
                .as("Properties=FILE")
                .containsExactly(table);
        assertThat(values(list("DataTypes", "PIC").get("Datasets"), "DatasetId"))
                .as("DataTypes=PIC")
                .containsExactly(images);
        assertThat(values(list("Label", "visio").get("Datasets"), "DatasetId"))
                .as("Label=visio")
                .containsExactly(images);
        assertThat(list("DataTypes", "AUDIO").get("Datasets"))
                .as("DataTypes=AUDIO")
                .isEmpty();
    }

    @Test
    @DisplayName("CreateDatasetLabels appends labels in the order sent and DeleteDatasetLabels removes exactly the"
            + " LabelKeys named")
    void labels() {
        String id = create(run.names().next(), "\"Labels\":[{\"Key\":\"keep\",\"Value\":\"1\"}]");

        assertSucceeded(
                datasets.createDatasetLabels(
                        id,
                        "{\"Labels\":[{\"Key\":\"gone1\",\"Value\":\"2\"},{\"Key\":\"new\",\"Value\":\"3\"},"
                                + "{\"Key\":\"gone2\",\"Value\":\"4\"}]}"),
                ResponseSchemas.CREATE_DATASET_LABELS);
        assertThat(values(get(id).path("Labels"), "Key"))
                .as("labels after CreateDatasetLabels")
                .containsExactly("keep", "gone1", "new", "gone2");
        assertSucceeded(datasets.deleteDatasetLabels(id, "gone1,gone2"), ResponseSchemas.DELETE_DATASET_LABELS);

        JsonNode labels = get(id).path("Labels");
        assertThat(values(labels, "Key")).as("labels after DeleteDatasetLabels").containsExactly("keep", "new");
        assertThat(values(labels, "Value")).as("their values").containsExactly("1", "3");
    }

    @Test
    @DisplayName("UpdateDataset changes Name, Description and Options, GetDataset shows them byte for byte, and the"
            + " rest stays")
    void update() {
        String name = run.names().next();
        String id = create(name, "\"Description\":\"before\",\"Options\":\"{}\"");
        String options = "{\"mountPath\": \"/mnt/data/updated/\", \"fs.oss.download.thread.concurrency\": \"128\"}";

        assertSucceeded(
                datasets.updateDataset(
                        id,
                        "{\"Name\":\"" + name + "_update\",\"Description\":\"after 更新\",\"Options\":" + text(options)
                                + "}"),
                ResponseSchemas.UPDATE_DATASET);

        JsonNode dataset = get(id);
        assertThat(dataset.get("Name").asText()).as("Name").isEqualTo(name + "_update");
        assertThat(dataset.path("Description").asText()).as("Description").isEqualTo("after 更新");
        assertThat(dataset.path("Options").asText()).as("Options").isEqualTo(options);
        assertThat(dataset.get("Uri").asText()).as("Uri, not updated").isEqualTo(uri(name + "/"));
        assertThat(dataset.get("Accessibility").asText())
                .as("Accessibility, not updated")
                .isEqualTo("PRIVATE");
    }

    @Test
    @DisplayName("PublishDataset turns a PRIVATE dataset PUBLIC")
    void publish() {
        String id = create(run.names().next(), "\"Accessibility\":\"PRIVATE\"");

        assertSucceeded(datasets.publishDataset(id), ResponseSchemas.PUBLISH_DATASET);

        assertThat(get(id).get("Accessibility").asText())
                .as("Accessibility after PublishDataset")
                .isEqualTo("PUBLIC");
    }

    @Test
    @DisplayName("DeleteDataset, then GetDataset and GetDatasetVersion of its v1 are 404 " + NOT_FOUND)
    void deleteThenGet() {
        String id = create(run.names().next(), "");

        assertSucceeded(datasets.deleteDataset(id), ResponseSchemas.DELETE_DATASET);

        assertRefused(datasets.getDataset(id), 404, NOT_FOUND);
        assertRefused(datasets.getDatasetVersion(id, "v1"), 404, NOT_FOUND);
    }

    // ---- versions

    @Test
    @DisplayName("CreateDatasetVersion names versions v2 then v3; GetDatasetVersion, ListDatasetVersions,"
            + " UpdateDatasetVersion and version labels read back what was sent; after DeleteDatasetVersion of v3 the"
            + " next is v4, and LatestVersion follows")
    void versions() {
        String name = run.names().next();
        String id = create(name, "");
        String version = "{\"DataSourceType\":\"OSS\",\"Property\":\"FILE\",\"Uri\":\"" + uri(name + "/part.json")
                + "\",\"DataSize\":2068,\"DataCount\":1000,\"Labels\":[{\"Key\":\"b\",\"Value\":\"2\"},"
                + "{\"Key\":\"a\",\"Value\":\"1\"}]}";

        List<String> names = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ApiResponse answer = datasets.createDatasetVersion(id, version);
            assertSucceeded(answer, ResponseSchemas.CREATE_DATASET_VERSION);
            names.add(answer.json().get("VersionName").asText());
        }
        assertThat(names).as("server-assigned version names").containsExactly("v2", "v3");

        ApiResponse got = datasets.getDatasetVersion(id, "v2");
        assertSucceeded(got, ResponseSchemas.GET_DATASET_VERSION);
        assertThat(got.json().get("Uri").asText()).as("v2's Uri").isEqualTo(uri(name + "/part.json"));
        assertThat(got.json().get("DataSize").asLong()).as("v2's DataSize").isEqualTo(2068);
        assertThat(values(got.json().path("Labels"), "Key"))
                .as("v2's labels in order")
                .containsExactly("b", "a");

        assertSucceeded(
                datasets.updateDatasetVersion(
                        id, "v2", "{\"DataSize\":5096,\"DataCount\":1001,\"Description\":\"more\"}"),
                ResponseSchemas.UPDATE_DATASET_VERSION);
        assertSucceeded(
                datasets.createDatasetVersionLabels(id, "v2", "{\"Labels\":[{\"Key\":\"c\",\"Value\":\"3\"}]}"),
                ResponseSchemas.CREATE_DATASET_VERSION_LABELS);
        assertSucceeded(
                datasets.deleteDatasetVersionLabels(id, "v2", "b"), ResponseSchemas.DELETE_DATASET_VERSION_LABELS);
        JsonNode updated = datasets.getDatasetVersion(id, "v2").json();
        assertThat(updated.get("DataSize").asLong())
                .as("DataSize after the update")
                .isEqualTo(5096);
        assertThat(updated.get("DataCount").asLong())
                .as("DataCount after the update")
                .isEqualTo(1001);
        assertThat(updated.path("Description").asText())
                .as("Description after the update")
                .isEqualTo("more");
        assertThat(values(updated.path("Labels"), "Key"))
                .as("labels after the label calls")
                .containsExactly("a", "c");

        ApiResponse listed = datasets.listDatasetVersions(id, "PageNumber", "1", "PageSize", "10");
        assertSucceeded(listed, ResponseSchemas.LIST_DATASET_VERSIONS);
        assertThat(listed.json().get("TotalCount").asLong())
                .as("%s: TotalCount", listed)
                .isEqualTo(3);
        assertThat(values(listed.json().get("DatasetVersions"), "VersionName"))
                .as("%s: versions", listed)
                .containsExactly("v1", "v2", "v3");

        assertSucceeded(datasets.deleteDatasetVersion(id, "v3"), ResponseSchemas.DELETE_DATASET_VERSION);
        assertRefused(datasets.getDatasetVersion(id, "v3"), 404, NOT_FOUND);
        assertThat(get(id).path("LatestVersion").path("VersionName").asText())
                .as("LatestVersion after deleting v3")
                .isEqualTo("v2");
        ApiResponse next = datasets.createDatasetVersion(id, version);
        assertSucceeded(next, ResponseSchemas.CREATE_DATASET_VERSION);
        assertThat(next.json().get("VersionName").asText())
                .as("the name after v3 was deleted")
                .isEqualTo("v4");
    }

    // ---- file metadata, jobs and job configurations, on an ADVANCED OSS dataset

    private String advanced() {
        return create(run.names().next(), "\"Edition\":\"ADVANCED\"");
    }

    private String metas(String... uris) {
        List<String> items = new ArrayList<>();
        for (String each : uris) {
            items.add("{\"Uri\":\"" + each + "\",\"FileType\":\"image\"}");
        }
        return "{\"WorkspaceId\":\"" + workspace() + "\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":["
                + String.join(",", items) + "]}";
    }

    @Test
    @DisplayName("File metadata of an ADVANCED dataset: CreateDatasetFileMetas answers each record, GetDatasetFileMeta"
            + " reads one, ListDatasetFileMetas pages by MaxResults and NextToken, UpdateDatasetFileMetas changes one,"
            + " GetDatasetFileMetasStatistics counts them, DeleteDatasetFileMetas removes one")
    void fileMetadata() {
        String id = advanced();
        String base = uri("files/");

        ApiResponse created =
                datasets.createDatasetFileMetas(id, metas(base + "a.png", base + "b.png", base + "c.png"));
        assertSucceeded(created, ResponseSchemas.CREATE_DATASET_FILE_METAS);
        assertThat(created.json().get("Status").asBoolean())
                .as("%s: Status", created)
                .isTrue();
        List<String> ids = values(created.json().path("SucceedDetails"), "DatasetFileMetaId");
        assertThat(ids).as("%s: the created records' ids", created).hasSize(3).doesNotContain("");

        ApiResponse got =
                datasets.getDatasetFileMeta(id, ids.get(0), "WorkspaceId", workspace(), "DatasetVersion", "v1");
        assertSucceeded(got, ResponseSchemas.GET_DATASET_FILE_META);
        assertThat(got.json().at("/DatasetFileMeta/Uri").asText())
                .as("the record's Uri")
                .isEqualTo(base + "a.png");

        List<String> paged = new ArrayList<>();
        String token = null;
        for (int page = 0; page < 5; page++) {
            ApiResponse listed = token == null
                    ? datasets.listDatasetFileMetas(
                            id, "WorkspaceId", workspace(), "DatasetVersion", "v1", "MaxResults", "2")
                    : datasets.listDatasetFileMetas(
                            id,
                            "WorkspaceId",
                            workspace(),
                            "DatasetVersion",
                            "v1",
                            "MaxResults",
                            "2",
                            "NextToken",
                            token);
            assertSucceeded(listed, ResponseSchemas.LIST_DATASET_FILE_METAS);
            assertThat(listed.json().get("TotalCount").asLong())
                    .as("%s: TotalCount", listed)
                    .isEqualTo(3);
            assertThat(listed.json().get("DatasetFileMetas").size())
                    .as("%s: items", listed)
                    .isLessThanOrEqualTo(2);
            paged.addAll(values(listed.json().get("DatasetFileMetas"), "DatasetFileMetaId"));
            token = listed.json().path("NextToken").asText("");
            if (token.isEmpty()) {
                break;
            }
        }
        assertThat(paged).as("every record, each once, over the pages").containsExactlyInAnyOrderElementsOf(ids);

        ApiResponse updated = datasets.updateDatasetFileMetas(
                id,
                "{\"WorkspaceId\":\"" + workspace() + "\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":[{"
                        + "\"DatasetFileMetaId\":\"" + ids.get(0) + "\",\"Comment\":\"checked\"}]}");
        assertSucceeded(updated, ResponseSchemas.UPDATE_DATASET_FILE_METAS);
        assertThat(datasets.getDatasetFileMeta(id, ids.get(0), "WorkspaceId", workspace(), "DatasetVersion", "v1")
                        .json()
                        .at("/DatasetFileMeta/Comment")
                        .asText())
                .as("Comment after UpdateDatasetFileMetas")
                .isEqualTo("checked");

        ApiResponse statistics =
                datasets.getDatasetFileMetasStatistics(id, "WorkspaceId", workspace(), "DatasetVersion", "v1");
        assertSucceeded(statistics, ResponseSchemas.GET_DATASET_FILE_METAS_STATISTICS);
        assertThat(statistics.json().get("TotalCount").asLong())
                .as("%s: TotalCount", statistics)
                .isEqualTo(3);
        ApiResponse byType = datasets.getDatasetFileMetasStatistics(
                id, "WorkspaceId", workspace(), "DatasetVersion", "v1", "AggregateBy", "filetype");
        assertSucceeded(byType, ResponseSchemas.GET_DATASET_FILE_METAS_STATISTICS);
        assertThat(byType.json().at("/DatasetFileMetasStats/0/Key").asText())
                .as("%s", byType)
                .isEqualTo("image");
        assertThat(byType.json().at("/DatasetFileMetasStats/0/Count").asLong())
                .as("%s", byType)
                .isEqualTo(3);

        ApiResponse deleted = datasets.deleteDatasetFileMetas(
                id, "WorkspaceId", workspace(), "DatasetVersion", "v1", "DatasetFileMetaIds", ids.get(2));
        assertSucceeded(deleted, ResponseSchemas.DELETE_DATASET_FILE_METAS);
        ApiResponse after = datasets.listDatasetFileMetas(id, "WorkspaceId", workspace(), "DatasetVersion", "v1");
        assertSucceeded(after, ResponseSchemas.LIST_DATASET_FILE_METAS);
        assertThat(values(after.json().get("DatasetFileMetas"), "DatasetFileMetaId"))
                .as("%s: the records left", after)
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1));
    }

    @Test
    @DisplayName(
            "Dataset jobs: CreateDatasetJob, GetDatasetJob and ListDatasetJobs show it, UpdateDatasetJob changes"
                    + " its Description, StopDatasetJob leaves it no longer Running, and after DeleteDatasetJob it is not found")
    void jobs() {
        String id = advanced();

        ApiResponse created = datasets.createDatasetJob(
                id,
                "{\"WorkspaceId\":\"" + workspace() + "\",\"DatasetVersion\":\"v1\",\"JobAction\":\"FileMetaExport\","
                        + "\"JobMode\":\"Full\",\"JobSpec\":\"{}\",\"Description\":\"contract check\"}");
        assertSucceeded(created, ResponseSchemas.CREATE_DATASET_JOB);
        String jobId = created.json().get("DatasetJobId").asText();

        ApiResponse got = datasets.getDatasetJob(id, jobId);
        assertSucceeded(got, ResponseSchemas.GET_DATASET_JOB);
        assertThat(got.json().get("JobAction").asText()).as("JobAction").isEqualTo("FileMetaExport");
        ApiResponse listed = datasets.listDatasetJobs(id, "WorkspaceId", workspace());
        assertSucceeded(listed, ResponseSchemas.LIST_DATASET_JOBS);
        assertThat(values(listed.json().get("DatasetJobs"), "DatasetJobId"))
                .as("%s: the job", listed)
                .containsExactly(jobId);

        assertSucceeded(
                datasets.updateDatasetJob(id, jobId, "{\"Description\":\"updated\"}"),
                ResponseSchemas.UPDATE_DATASET_JOB);
        assertThat(datasets.getDatasetJob(id, jobId).json().path("Description").asText())
                .as("Description after UpdateDatasetJob")
                .isEqualTo("updated");

        ApiResponse stopped = datasets.stopDatasetJob(id, jobId);
        if (stopped.status() == 200) {
            ResponseSchemas.STOP_DATASET_JOB.assertValid(stopped);
            assertThat(datasets.getDatasetJob(id, jobId).json().get("Status").asText())
                    .as("Status after StopDatasetJob")
                    .isNotEqualTo("Running");
        } else {
            assertClientError(stopped);
        }

        assertSucceeded(datasets.deleteDatasetJob(id, jobId), ResponseSchemas.DELETE_DATASET_JOB);
        assertClientError(datasets.getDatasetJob(id, jobId));
    }

    @Test
    @DisplayName("Dataset job configurations: CreateDatasetJobConfig, then GetDatasetJobConfig returns its Config byte"
            + " for byte, ListDatasetJobConfigs lists it, UpdateDatasetJobConfig changes it, and after"
            + " DeleteDatasetJobConfig it is not found")
    void jobConfigs() {
        String id = advanced();
        String config = "{ \"defaultModelId\": \"contract-model\" }";

        ApiResponse created = datasets.createDatasetJobConfig(
                id,
                "{\"WorkspaceId\":\"" + workspace() + "\",\"ConfigType\":\"MultimodalSemanticIndex\",\"Config\":"
                        + text(config) + "}");
        assertSucceeded(created, ResponseSchemas.CREATE_DATASET_JOB_CONFIG);
        String configId = created.json().get("DatasetJobConfigId").asText();

        ApiResponse got = datasets.getDatasetJobConfig(id, configId);
        assertSucceeded(got, ResponseSchemas.GET_DATASET_JOB_CONFIG);
        assertThat(got.json().get("Config").asText()).as("Config").isEqualTo(config);
        assertThat(got.json().get("ConfigType").asText()).as("ConfigType").isEqualTo("MultimodalSemanticIndex");
        ApiResponse listed = datasets.listDatasetJobConfigs(id, "WorkspaceId", workspace());
        assertSucceeded(listed, ResponseSchemas.LIST_DATASET_JOB_CONFIGS);
        assertThat(values(listed.json().get("DatasetJobConfigs"), "DatasetJobConfigId"))
                .as("%s: the configuration", listed)
                .containsExactly(configId);

        String changed = "{\"defaultModelId\":\"other-model\"}";
        assertSucceeded(
                datasets.updateDatasetJobConfig(id, configId, "{\"Config\":" + text(changed) + "}"),
                ResponseSchemas.UPDATE_DATASET_JOB_CONFIG);
        assertThat(datasets.getDatasetJobConfig(id, configId)
                        .json()
                        .get("Config")
                        .asText())
                .as("Config after UpdateDatasetJobConfig")
                .isEqualTo(changed);

        assertSucceeded(datasets.deleteDatasetJobConfig(id, configId), ResponseSchemas.DELETE_DATASET_JOB_CONFIG);
        assertClientError(datasets.getDatasetJobConfig(id, configId));
    }
}
