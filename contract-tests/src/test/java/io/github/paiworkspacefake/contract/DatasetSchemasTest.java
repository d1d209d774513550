package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dataset schemas against the reference's own example values (each answer put together from the examples of its
 * members, kept as fixtures under examples/), and the members each schema requires: those every answer of the kind
 * has, as docs/contract-suite.md lists them.
 */
class DatasetSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode example(String name) throws IOException {
        try (InputStream in = DatasetSchemasTest.class.getResourceAsStream("examples/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of(ResponseSchemas.CREATE_DATASET, "create-dataset.json", List.of("RequestId", "DatasetId")),
                Arguments.of(
                        ResponseSchemas.GET_DATASET,
                        "get-dataset.json",
                        List.of(
                                "RequestId",
                                "DataSourceType",
                                "DataType",
                                "DatasetId",
                                "GmtCreateTime",
                                "GmtModifiedTime",
                                "Name",
                                "Property",
                                "SourceType",
                                "Uri",
                                "Accessibility")),
                Arguments.of(
                        ResponseSchemas.LIST_DATASETS,
                        "list-datasets.json",
                        List.of("RequestId", "TotalCount", "Datasets")),
                Arguments.of(
                        ResponseSchemas.CREATE_DATASET_VERSION,
                        "create-dataset-version.json",
                        List.of("RequestId", "VersionName")),
                Arguments.of(
                        ResponseSchemas.GET_DATASET_VERSION,
                        "get-dataset-version.json",
                        List.of(
                                "RequestId",
                                "DataSourceType",
                                "GmtCreateTime",
                                "GmtModifiedTime",
                                "Property",
                                "Uri",
                                "VersionName",
                                "DatasetId")),
                Arguments.of(
                        ResponseSchemas.LIST_DATASET_VERSIONS,
                        "list-dataset-versions.json",
                        List.of("RequestId", "TotalCount", "DatasetVersions")),
                Arguments.of(
                        ResponseSchemas.CREATE_DATASET_FILE_METAS,
                        "create-dataset-file-metas.json",
                        List.of("RequestId", "Status")),
                Arguments.of(
                        ResponseSchemas.GET_DATASET_FILE_META,
                        "get-dataset-file-meta.json",
                        List.of("RequestId", "DatasetFileMeta", "DatasetId", "DatasetVersion", "WorkspaceId")),
                Arguments.of(
                        ResponseSchemas.LIST_DATASET_FILE_METAS,
                        "list-dataset-file-metas.json",
                        List.of("RequestId", "DatasetFileMetas", "TotalCount")),
                Arguments.of(
                        ResponseSchemas.GET_DATASET_FILE_METAS_STATISTICS,
                        "get-dataset-file-metas-statistics.json",
                        List.of("requestId", "TotalCount")),
                Arguments.of(
                        ResponseSchemas.CREATE_DATASET_JOB,
                        "create-dataset-job.json",
                        List.of("RequestId", "DatasetJobId")),
                Arguments.of(
                        ResponseSchemas.GET_DATASET_JOB,
                        "get-dataset-job.json",
                        List.of("RequestId", "CreateTime", "JobAction", "Status")),
                Arguments.of(
                        ResponseSchemas.LIST_DATASET_JOBS,
                        "list-dataset-jobs.json",
                        List.of("RequestId", "TotalCount", "DatasetJobs")),
                Arguments.of(
                        ResponseSchemas.CREATE_DATASET_JOB_CONFIG,
                        "create-dataset-job-config.json",
                        List.of("RequestId", "DatasetJobConfigId")),
                Arguments.of(
                        ResponseSchemas.GET_DATASET_JOB_CONFIG,
                        "get-dataset-job-config.json",
                        List.of("RequestId", "Config", "ConfigType", "CreateTime", "DatasetId")),
                Arguments.of(
                        ResponseSchemas.LIST_DATASET_JOB_CONFIGS,
                        "list-dataset-job-configs.json",
                        List.of("RequestId", "TotalCount", "DatasetJobConfigs")));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theReferencesExampleValidatesAndExactlyTheListedMembersAreRequired(
            ResponseSchemas schema, String fixture, List<String> required) throws IOException {
        ObjectNode example = example(fixture);

        assertThat(schema.violations(fixture, example.toString()))
                .as("the example")
                .isEmpty();
        List<String> needed = new ArrayList<>();
        example.fieldNames().forEachRemaining(member -> {
            ObjectNode without = example.deepCopy();
            without.remove(member);
            if (!schema.violations(fixture, without.toString()).isEmpty()) {
                needed.add(member);
            }
        });
        assertThat(needed).as("members whose absence breaks %s", fixture).containsExactlyInAnyOrderElementsOf(required);
    }

    @ParameterizedTest
    @EnumSource(
            value = ResponseSchemas.class,
            names = {
                "UPDATE_DATASET",
                "DELETE_DATASET",
                "PUBLISH_DATASET",
                "CREATE_DATASET_LABELS",
                "DELETE_DATASET_LABELS",
                "UPDATE_DATASET_VERSION",
                "DELETE_DATASET_VERSION",
                "CREATE_DATASET_VERSION_LABELS",
                "DELETE_DATASET_VERSION_LABELS",
                "UPDATE_DATASET_JOB",
                "DELETE_DATASET_JOB",
                "STOP_DATASET_JOB",
                "UPDATE_DATASET_JOB_CONFIG",
                "DELETE_DATASET_JOB_CONFIG"
            })
    void theAnswersWithOnlyARequestIdRequireIt(ResponseSchemas schema) {
        assertThat(schema.violations("x", "{\"RequestId\":\"8D7B2E70-F770-505B-A672-09F1D8F2EC1E\"}"))
                .isEmpty();
        assertThat(schema.violations("x", "{}")).isNotEmpty();
        assertThat(schema.violations("x", "{\"requestId\":\"8D7B2E70\"}")).isNotEmpty();
    }

    @Test
    void theUpdateAndDeleteOfFileMetadataAnswerAStatus() {
        for (ResponseSchemas schema :
                List.of(ResponseSchemas.UPDATE_DATASET_FILE_METAS, ResponseSchemas.DELETE_DATASET_FILE_METAS)) {
            assertThat(schema.violations(
                            "x",
                            "{\"RequestId\":\"R\",\"Status\":false,\"FailedDetails\":"
                                    + "[{\"DatasetFileMetaId\":\"07914c95\",\"Result\":\"Not Found\"}]}"))
                    .isEmpty();
            assertThat(schema.violations("x", "{\"RequestId\":\"R\"}")).isNotEmpty();
            assertThat(schema.violations("x", "{\"RequestId\":\"R\",\"Status\":\"true\"}"))
                    .isNotEmpty();
        }
    }

    @Test
    void aDatasetsEnumeratedMembersTakeOnlyTheReferencesValues() throws IOException {
        ObjectNode example = example("get-dataset.json");

        for (String[] broken : new String[][] {
            {"Property", "FOLDER"},
            {"Accessibility", "EVERYONE"},
            {"DataType", "IMAGE"},
            {"Edition", "PRO"},
            {"DataSourceType", "HDFS"},
            {"MountAccess", "RX"},
            {"GmtCreateTime", "2021-01-30 12:51:33"}
        }) {
            ObjectNode copy = example.deepCopy();
            copy.put(broken[0], broken[1]);
            assertThat(ResponseSchemas.GET_DATASET.violations("GetDataset", copy.toString()))
                    .as("%s=%s", broken[0], broken[1])
                    .isNotEmpty();
        }
    }
}
