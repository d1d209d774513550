package io.github.paiworkspacefake.server.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.FieldSpec;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.catalogue.ParameterSpec;
import io.github.paiworkspacefake.server.internal.catalogue.TypeSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The catalogue against facts of the API reference, stated here in this test's own words (the AIWorkSpace API
 * reference and the SDK's models, as ../shared/aiworkspace-operations.md and client-flows.md record them), so that a
 * wrong generator or a careless overlay edit is caught.
 */
class CatalogueFactsTest {

    private static final Catalogue CATALOGUE = Catalogue.get();

    private static OperationSpec op(Operation operation) {
        return CATALOGUE.operation(operation);
    }

    private static ParameterSpec parameter(Operation operation, String name) {
        return op(operation).parameter(name).orElseThrow(() -> new AssertionError(operation + " lacks " + name));
    }

    @Test
    void knowsTheSdks127OperationsAndCreateDefaultWorkspace() {
        assertThat(Operation.values()).hasSize(128);
        assertThat(CATALOGUE.operations()).hasSize(128);
    }

    @Test
    void groupsThemInTheReferencesFamilies() {
        Map<String, Long> sizes = Arrays.stream(Operation.values())
                .collect(Collectors.groupingBy(Operation::family, TreeMap::new, Collectors.counting()));
        assertThat(sizes)
                .containsOnly(
                        Map.entry("Workspace", 8L), // 7 and CreateDefaultWorkspace
                        Map.entry("Member", 7L),
                        Map.entry("WorkspaceRole", 5L),
                        Map.entry("Permission", 2L),
                        Map.entry("Resource", 4L),
                        Map.entry("Quota", 1L),
                        Map.entry("Product", 2L),
                        Map.entry("Feature", 1L),
                        Map.entry("Config", 5L),
                        Map.entry("UserConfig", 3L),
                        Map.entry("Connection", 6L),
                        Map.entry("Dataset", 8L),
                        Map.entry("DatasetVersion", 7L),
                        Map.entry("DatasetFileMeta", 6L),
                        Map.entry("DatasetJob", 6L),
                        Map.entry("DatasetJobConfig", 5L),
                        Map.entry("Model", 7L),
                        Map.entry("ModelVersion", 7L),
                        Map.entry("CodeSource", 6L),
                        Map.entry("Experiment", 7L),
                        Map.entry("Run", 8L),
                        Map.entry("Image", 6L),
                        Map.entry("ImageLabel", 3L),
                        Map.entry("Prompt", 5L),
                        Map.entry("InstanceJob", 1L),
                        Map.entry("Other", 2L));
    }

    @ParameterizedTest
    @CsvSource({
        "CreateWorkspace, POST, /api/v1/workspaces",
        "GetMember, GET, /api/v1/workspaces/{WorkspaceId}/member",
        "DeleteWorkspaceRoles, POST, /api/v1/workspaces/{WorkspaceId}/roles/action/delete",
        "SetUserConfigs, PUT, /api/v1/userconfigs",
        "DeleteUserConfig, DELETE, /api/v1/userconfigs/{CategoryName}",
        "ValidateConnection, POST, /api/v1/connections/validate",
        "PublishDataset, PUT, /api/v1/datasets/{DatasetId}/publish",
        "CreateDatasetVersionLabels, PUT, /api/v1/datasets/{DatasetId}/versions/{VersionName}/labels",
        "ListDatasetJobConfigs, GET, /api/v1/datasets/{DatasetId}/datasetjobconfigs/",
        "GetDatasetFileMetasStatistics, GET, /api/v1/statistics/datasets/{DatasetId}/datasetfilemetas",
        "StopDatasetJob, PUT, /api/v1/datasets/{DatasetId}/datasetjobs/{DatasetJobId}/action/stop",
        "CreateModelVersionLabels, POST, /api/v1/models/{ModelId}/versions/{VersionName}/labels",
        "PublishCodeSource, PUT, /api/v1/codesources/{CodeSourceId}/publish",
        "ListExperiment, GET, /api/v1/experiments",
        "DeleteExperimentLabel, DELETE, /api/v1/experiments/{ExperimentId}/labels/{Key}",
        "LogRunMetrics, POST, /api/v1/runs/{RunId}/metrics/action/log",
        "ListImageLabels, GET, /api/v1/image/labels",
        "RemoveImageLabels, DELETE, /api/v1/images/{ImageId}/labels/{LabelKey}",
        "CreateImageBuild, POST, /api/v1/imagebuilds",
        "GetInstanceJob, GET, /api/v1/instancejobs/{InstanceJobId}",
        "AcceptDataworksEvent, POST, /api/v1/workspaces/action/acceptdataworksevent",
        "ChangeResourceGroup, PUT, /resourcegroups/action/changeresourcegroup",
        "CreateDefaultWorkspace, POST, /api/v1/defaultWorkspaces"
    })
    void routesEachOperationAsTheReferenceDoes(Operation operation, String method, String path) {
        assertThat(op(operation).method()).isEqualTo(method);
        assertThat(op(operation).path()).isEqualTo(path);
    }

    @Test
    void spellsTheRequestIdInLowerCamelCaseWhereTheSdkModelsDo() {
        assertThat(Arrays.stream(Operation.values())
                        .filter(operation -> op(operation).requestIdField().equals("requestId")))
                .containsExactlyInAnyOrder(
                        Operation.AcceptDataworksEvent,
                        Operation.ChangeResourceGroup,
                        Operation.CreateRun,
                        Operation.DeleteRun,
                        Operation.DeleteRunLabel,
                        Operation.GetDatasetFileMetasStatistics,
                        Operation.ListExperiment,
                        Operation.ListRunMetrics,
                        Operation.ListRuns,
                        Operation.LogRunMetrics,
                        Operation.UpdateRun);
    }

    @Test
    void codeSourcesSpellTheirModificationTimeGmtModifyTime() {
        assertThat(op(Operation.GetCodeSource).response())
                .extracting(FieldSpec::name)
                .contains("GmtModifyTime")
                .doesNotContain("GmtModifiedTime");
    }

    @Test
    void tellsInt64FromInt32() {
        assertThat(parameter(Operation.ListWorkspaces, "PageNumber").type().isInt64())
                .isTrue();
        assertThat(parameter(Operation.ListWorkspaces, "PageSize").type().isInt64())
                .isFalse();
        assertThat(op(Operation.ListWorkspaces).response())
                .filteredOn(field -> field.name().equals("TotalCount"))
                .singleElement()
                .satisfies(field -> assertThat(field.type().isInt64()).isTrue());
    }

    @ParameterizedTest
    @CsvSource({
        "CreateWorkspace, WorkspaceName",
        "CreateWorkspace, Description",
        "CreateWorkspace, EnvTypes",
        "CreateDataset, Name",
        "CreateDataset, Property",
        "CreateDataset, DataSourceType",
        "CreateDataset, Uri",
        "DeleteMembers, MemberIds",
        "CreateMember, Members",
        "CreateModel, ModelName",
        "CreateExperiment, Name",
        "CreateCodeSource, DisplayName",
        "GetDataset, DatasetId"
    })
    void requiresWhatTheReferenceRequires(Operation operation, String name) {
        assertThat(parameter(operation, name).constraints().required()).isTrue();
    }

    @Test
    void knowsWhereEachParameterTravels() {
        assertThat(parameter(Operation.GetWorkspace, "WorkspaceId").location()).isEqualTo(ParameterSpec.Location.PATH);
        assertThat(parameter(Operation.GetWorkspace, "Verbose").location()).isEqualTo(ParameterSpec.Location.QUERY);
        assertThat(parameter(Operation.CreateDataset, "Options").location()).isEqualTo(ParameterSpec.Location.BODY);
        assertThat(parameter(Operation.DeleteDatasetLabels, "LabelKeys").location())
                .isEqualTo(ParameterSpec.Location.QUERY);
        assertThat(parameter(Operation.CreateModelVersion, "TrainingSpec")
                        .type()
                        .kind())
                .isEqualTo(TypeSpec.Kind.MAP);
    }

    @Test
    void knowsTheEnumerationsOfTheReference() {
        assertThat(parameter(Operation.CreateDataset, "Property").constraints().enumValues())
                .containsExactlyInAnyOrder("FILE", "DIRECTORY");
        assertThat(parameter(Operation.CreateDataset, "Accessibility")
                        .constraints()
                        .enumValues())
                .containsExactlyInAnyOrder("PRIVATE", "PUBLIC", "ROLE_PUBLIC");
        assertThat(parameter(Operation.CreateModelVersion, "ApprovalStatus")
                        .constraints()
                        .enumValues())
                .containsExactlyInAnyOrder("Pending", "Approved", "Rejected");
        assertThat(parameter(Operation.ListWorkspaces, "Option").constraints().enumValues())
                .contains("GetWorkspaces", "GetResourceLimits", "CheckWorkspaceExists");
    }

    @Test
    void knowsTheLengthsOfTheReference() {
        assertThat(parameter(Operation.CreateDataset, "Name").constraints())
                .satisfies(rules -> assertThat(rules.minLength()).isEqualTo(1))
                .satisfies(rules -> assertThat(rules.maxLength()).isEqualTo(127));
        assertThat(parameter(Operation.CreateWorkspace, "WorkspaceName").constraints())
                .satisfies(rules -> assertThat(rules.minLength()).isEqualTo(3))
                .satisfies(rules -> assertThat(rules.maxLength()).isEqualTo(23));
        assertThat(parameter(Operation.CreateWorkspace, "Description")
                        .constraints()
                        .maxLength())
                .isEqualTo(80);
    }

    @Test
    void knowsHowListsTravelInTheQuery() {
        assertThat(parameter(Operation.DeleteMembers, "MemberIds").encoding())
                .isEqualTo(ParameterSpec.Encoding.COMMA_SEPARATED);
        assertThat(parameter(Operation.ListWorkspaces, "WorkspaceIds").encoding())
                .isEqualTo(ParameterSpec.Encoding.COMMA_SEPARATED);
        assertThat(parameter(Operation.ListDatasetFileMetas, "QueryTagsIncludeAll")
                        .encoding())
                .isEqualTo(ParameterSpec.Encoding.SIMPLE);
    }

    @ParameterizedTest
    @CsvSource({
        "ListWorkspaces, pageNumber, Workspaces, 20",
        "ListDatasets, pageNumber, Datasets, 10",
        "ListModels, pageNumber, Models, 10",
        "ListCodeSources, pageNumber, CodeSources, 20",
        "ListImages, pageNumber, Images, 20"
    })
    void knowsHowEachListPages(Operation operation, String style, String items, int defaultPageSize) {
        assertThat(op(operation).list().styles()).contains(style);
        assertThat(op(operation).list().itemsField()).isEqualTo(items);
        assertThat(op(operation).list().defaultPageSize()).isEqualTo(defaultPageSize);
    }

    @Test
    void knowsTheTokenStylesAndTheirDefaults() {
        assertThat(op(Operation.ListConnections).list().styles()).containsExactly("nextToken");
        assertThat(op(Operation.ListRunMetrics).list().styles()).containsExactly("pageToken");
        assertThat(op(Operation.ListRunMetrics).list().defaultMaxResults()).isEqualTo(10);
        assertThat(op(Operation.ListDatasetFileMetas).list().defaultMaxResults())
                .isEqualTo(10);
    }

    @Test
    void pagesExperimentsAndRunsBothWays() {
        assertThat(op(Operation.ListExperiment).list().styles()).contains("pageNumber", "pageToken");
        assertThat(op(Operation.ListRuns).list().styles()).contains("pageNumber", "pageToken");
    }

    @Test
    void knowsEachFamilysNotFoundAnswerWhereClientsRelyOnIt() {
        assertThat(CATALOGUE.family("Workspace").orElseThrow().notFound().orElseThrow())
                .satisfies(error -> assertThat(error.code()).isEqualTo("100400027"))
                .satisfies(error -> assertThat(error.status()).isEqualTo(404));
        assertThat(CATALOGUE
                        .family("Member")
                        .orElseThrow()
                        .notFound()
                        .orElseThrow()
                        .code())
                .isEqualTo("100600006");
        assertThat(CATALOGUE
                        .family("Dataset")
                        .orElseThrow()
                        .notFound()
                        .orElseThrow()
                        .code())
                .isEqualTo("201300003");
        assertThat(CATALOGUE
                        .family("CodeSource")
                        .orElseThrow()
                        .notFound()
                        .orElseThrow()
                        .code())
                .isEqualTo("201400002");
        assertThat(CATALOGUE
                        .family("Model")
                        .orElseThrow()
                        .notFound()
                        .orElseThrow()
                        .code())
                .isEqualTo("201900002");
        assertThat(CATALOGUE
                        .family("ModelVersion")
                        .orElseThrow()
                        .notFound()
                        .orElseThrow()
                        .code())
                .isEqualTo("201900003");
    }

    @Test
    void recordsWhyTheFakeDepartsFromTheReference() {
        assertThat(op(Operation.CreateDefaultWorkspace).why()).isNotEmpty();
        assertThat(op(Operation.ListWorkspaces).why())
                .anySatisfy(why -> assertThat(why).startsWith("Option:"));
    }
}
