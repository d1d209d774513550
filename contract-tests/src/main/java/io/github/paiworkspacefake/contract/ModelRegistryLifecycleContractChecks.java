package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertClientError;
import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The model registry and code sources in workspaces the run creates (so they run only with {@code --allow-create}):
 * register then read, the latest version, the name filters, labels, paging, publish, and delete then read. Each check
 * creates its own workspace and deletes every model and code source it created when it ends, whatever happened, so a
 * run leaves none behind on a real account; one it cannot delete fails the check with the answer, for deleting by hand.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@Tag(CreatingContractChecks.TAG)
@DisplayName("model registry lifecycle")
@Order(7)
public class ModelRegistryLifecycleContractChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String URI = "oss://pai-contract-suite.oss-cn-hangzhou.aliyuncs.com/models/";

    private final ContractRun run;
    private final ModelRegistryCalls calls;
    private final String check;
    private final List<String> models = new ArrayList<>();
    private final List<String> codeSources = new ArrayList<>();

    ModelRegistryLifecycleContractChecks(ContractRun run, TestInfo info) {
        this.run = run;
        this.calls = new ModelRegistryCalls(run.api());
        this.check = "model registry lifecycle > " + info.getDisplayName();
    }

    /** Deletes what the check created and did not delete itself; what cannot be deleted fails the check. */
    @AfterEach
    void deleteWhatTheCheckCreated() {
        List<String> left = new ArrayList<>();
        for (String codeSourceId : codeSources) {
            ApiResponse deleted = calls.deleteCodeSource(codeSourceId);
            if (deleted.status() != 200 && deleted.status() != 404) {
                left.add("code source " + codeSourceId + ": " + deleted);
            }
        }
        for (String modelId : models) {
            ApiResponse deleted = calls.deleteModel(modelId);
            if (deleted.status() != 200 && deleted.status() != 404) {
                left.add("model " + modelId + ": " + deleted);
            }
        }
        assertThat(left)
                .as("what the check created and could not delete; delete it by hand")
                .isEmpty();
    }

    private String workspace() {
        return RunWorkspaces.create(run, check, "model registry");
    }

    private static ObjectNode body() {
        return JSON.createObjectNode();
    }

    private static ObjectNode label(String key, String value) {
        return body().put("Key", key).put("Value", value);
    }

    private static void assertSucceeded(ApiResponse answer, ModelRegistrySchemas schema) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        schema.assertValid(answer);
    }

    /** CreateModel, which must succeed; the model is deleted when the check ends. */
    private String createModel(ObjectNode body) {
        ApiResponse created = calls.createModel(body.toString());
        if (created.status() == 200 && created.json().path("ModelId").isTextual()) {
            models.add(created.json().get("ModelId").asText());
        }
        assertSucceeded(created, ModelRegistrySchemas.CREATE_MODEL);
        return created.json().get("ModelId").asText();
    }

    private String createModel(String workspaceId, String name) {
        return createModel(body().put("ModelName", name).put("WorkspaceId", workspaceId));
    }

    private JsonNode getModel(String modelId) {
        ApiResponse got = calls.getModel(modelId);
        assertSucceeded(got, ModelRegistrySchemas.GET_MODEL);
        return got.json();
    }

    private String createVersion(String modelId, ObjectNode body) {
        ApiResponse created = calls.createModelVersion(modelId, body.toString());
        assertSucceeded(created, ModelRegistrySchemas.CREATE_MODEL_VERSION);
        return created.json().get("VersionName").asText();
    }

    private JsonNode getVersion(String modelId, String versionName) {
        ApiResponse got = calls.getModelVersion(modelId, versionName);
        assertSucceeded(got, ModelRegistrySchemas.GET_MODEL_VERSION);
        return got.json();
    }

    private JsonNode listModels(String... query) {
        ApiResponse listed = calls.listModels(query);
        assertSucceeded(listed, ModelRegistrySchemas.LIST_MODELS);
        return listed.json();
    }

    private static List<String> names(JsonNode list, String items, String member) {
        List<String> names = new ArrayList<>();
        list.get(items).forEach(item -> names.add(item.path(member).asText()));
        return names;
    }

    /** A code source of the workspace, which must be created; it is deleted when the check ends. */
    private String createCodeSource(ObjectNode body) {
        ApiResponse created = calls.createCodeSource(body.toString());
        if (created.status() == 200 && created.json().path("CodeSourceId").isTextual()) {
            codeSources.add(created.json().get("CodeSourceId").asText());
        }
        assertSucceeded(created, ModelRegistrySchemas.CODE_SOURCE_ID);
        return created.json().get("CodeSourceId").asText();
    }

    private JsonNode getCodeSource(String codeSourceId) {
        ApiResponse got = calls.getCodeSource(codeSourceId);
        assertSucceeded(got, ModelRegistrySchemas.GET_CODE_SOURCE);
        return got.json();
    }

    private static ObjectNode codeSourceBody(String workspaceId, String name) {
        return body().put("WorkspaceId", workspaceId)
                .put("DisplayName", name)
                .put("Description", "代码配置 of the contract suite")
                .put("CodeRepo", "https://github.com/mattn/go-sqlite3.git")
                .put("CodeBranch", "master")
                .put("CodeCommit", "0")
                .put("CodeRepoUserName", "contract")
                .put("CodeRepoAccessToken", "token-01")
                .put("MountPath", "/mnt/code/contract/");
    }

    @Test
    @DisplayName("CreateModel then GetModel returns every member as sent, PRIVATE when Accessibility is not sent")
    void registerThenRead() {
        String workspaceId = workspace();
        String name = run.names().next();
        ObjectNode body = body().put("ModelName", name)
                .put("WorkspaceId", workspaceId)
                .put("ModelDescription", "情感分析 of the contract suite")
                .put("Domain", "nlp")
                .put("Task", "text-classification")
                .put("Origin", "ModelScope")
                .put("ModelType", "Checkpoint")
                .put("ModelDoc", "https://example.com/model.md")
                .put("OrderNumber", 3);
        body.putObject("ExtraInfo").put("RatingCount", 2866).put("Rating", "4.94");
        body.putArray("Labels").add(label("b", "2")).add(label("a", "1")).add(label("c", "3"));

        JsonNode model = getModel(createModel(body));

        for (String member : List.of(
                "ModelName", "ModelDescription", "Domain", "Task", "Origin", "ModelType", "ModelDoc", "WorkspaceId")) {
            assertThat(model.path(member).asText())
                    .as("GetModel %s", member)
                    .isEqualTo(body.get(member).asText());
        }
        assertThat(model.path("OrderNumber").asLong())
                .as("GetModel OrderNumber")
                .isEqualTo(3);
        assertThat(model.path("ExtraInfo")).as("GetModel ExtraInfo").isEqualTo(body.get("ExtraInfo"));
        assertThat(model.path("Labels"))
                .as("GetModel Labels, in the order sent")
                .isEqualTo(body.get("Labels"));
        assertThat(model.path("Accessibility").asText())
                .as("GetModel Accessibility")
                .isEqualTo("PRIVATE");
    }

    @Test
    @DisplayName("UpdateModel changes only the members sent")
    void updateChangesOnlyWhatIsSent() {
        String workspaceId = workspace();
        ObjectNode body = body().put("ModelName", run.names().next())
                .put("WorkspaceId", workspaceId)
                .put("Domain", "nlp")
                .put("Task", "text-classification");
        String modelId = createModel(body);

        ApiResponse updated =
                calls.updateModel(modelId, body().put("Domain", "cv").toString());

        assertSucceeded(updated, ModelRegistrySchemas.CHANGE);
        JsonNode model = getModel(modelId);
        assertThat(model.path("Domain").asText())
                .as("GetModel Domain after the update")
                .isEqualTo("cv");
        assertThat(model.path("Task").asText()).as("GetModel Task, not sent").isEqualTo("text-classification");
        assertThat(model.path("ModelName").asText())
                .as("GetModel ModelName, not sent")
                .isEqualTo(body.get("ModelName").asText());
    }

    @Test
    @DisplayName("CreateModelVersion without a VersionName names the first version 0.1.0 and the second 0.2.0;"
            + " GetModelVersion returns the specs as sent and a non-empty ApprovalStatus and SourceType")
    void versionsWithoutANameAndTheirSpecs() {
        String modelId = createModel(workspace(), run.names().next());
        ObjectNode first = body().put("Uri", URI + "first/").put("FormatType", "SavedModel");
        first.putObject("InferenceSpec").put("processor", "tensorflow_gpu_1.12");
        first.putObject("TrainingSpec").putObject("hyperparameters").put("epochs", 3);
        first.putObject("Metrics").putArray("Results").addObject().put("acc", 0.91);

        String firstName = createVersion(modelId, first);
        String secondName = createVersion(modelId, body().put("Uri", URI + "second/"));

        assertThat(firstName).as("the first version's name").isEqualTo("0.1.0");
        assertThat(secondName).as("the second version's name").isEqualTo("0.2.0");
        JsonNode version = getVersion(modelId, firstName);
        assertThat(version.path("Uri").asText()).as("Uri").isEqualTo(URI + "first/");
        assertThat(version.path("FormatType").asText()).as("FormatType").isEqualTo("SavedModel");
        for (String spec : List.of("InferenceSpec", "TrainingSpec", "Metrics")) {
            assertThat(version.path(spec)).as(spec).isEqualTo(first.get(spec));
        }
        assertThat(version.path("ApprovalStatus").asText()).as("ApprovalStatus").isNotEmpty();
        assertThat(version.path("SourceType").asText()).as("SourceType").isNotEmpty();
    }

    @Test
    @DisplayName("GetModel and ListModels show the most recently created version as LatestVersion, with its labels")
    void theLatestVersion() {
        String workspaceId = workspace();
        String name = run.names().next();
        String modelId = createModel(workspaceId, name);
        createVersion(modelId, body().put("Uri", URI + "1.0.0/").put("VersionName", "1.0.0"));
        ObjectNode second = body().put("Uri", URI + "1.1.0/").put("VersionName", "1.1.0");
        second.putArray("Labels").add(label("Foo", "Bar"));
        createVersion(modelId, second);

        JsonNode latest = getModel(modelId).path("LatestVersion");
        JsonNode listed = listModels("ModelName", "\"" + name + "\"", "WorkspaceId", workspaceId);

        assertThat(latest.path("VersionName").asText())
                .as("GetModel LatestVersion.VersionName")
                .isEqualTo("1.1.0");
        assertThat(latest.path("Labels")).as("GetModel LatestVersion.Labels").isEqualTo(second.get("Labels"));
        assertThat(listed.get("Models")).as("ListModels of the exact name").hasSize(1);
        JsonNode listedLatest = listed.get("Models").get(0).path("LatestVersion");
        assertThat(listedLatest.path("VersionName").asText())
                .as("ListModels LatestVersion.VersionName")
                .isEqualTo("1.1.0");
        assertThat(listedLatest.path("Labels"))
                .as("ListModels LatestVersion.Labels")
                .isEqualTo(second.get("Labels"));
    }

    @Test
    @DisplayName(
            "ListModels: a ModelName in double quotes matches that name exactly, a bare one every name containing it")
    void exactAndPartialNameFilters() {
        String workspaceId = workspace();
        String name = run.names().next();
        createModel(workspaceId, name);
        createModel(workspaceId, name + "_longer");

        JsonNode exact = listModels("ModelName", "\"" + name + "\"", "WorkspaceId", workspaceId);
        JsonNode partial = listModels("ModelName", name, "WorkspaceId", workspaceId);

        assertThat(names(exact, "Models", "ModelName"))
                .as("ListModels ModelName=\"%s\"", name)
                .containsExactly(name);
        assertThat(exact.get("TotalCount").asLong())
                .as("TotalCount of the exact match")
                .isEqualTo(1);
        assertThat(names(partial, "Models", "ModelName"))
                .as("ListModels ModelName=%s", name)
                .containsExactlyInAnyOrder(name, name + "_longer");
    }

    @Test
    @DisplayName("CreateModelLabels adds labels in the order sent; DeleteModelLabels removes exactly the keys given")
    void labels() {
        String workspaceId = workspace();
        ObjectNode body = body().put("ModelName", run.names().next()).put("WorkspaceId", workspaceId);
        body.putArray("Labels").add(label("a", "1")).add(label("b", "2"));
        String modelId = createModel(body);
        ObjectNode added = body();
        added.putArray("Labels").add(label("d", "4")).add(label("c", "3"));

        assertSucceeded(calls.createModelLabels(modelId, added.toString()), ModelRegistrySchemas.CHANGE);
        assertSucceeded(calls.deleteModelLabels(modelId, "a,c"), ModelRegistrySchemas.CHANGE);

        assertThat(getModel(modelId).path("Labels").toString())
                .as("GetModel Labels after adding d, c and deleting a, c")
                .isEqualTo("[{\"Key\":\"b\",\"Value\":\"2\"},{\"Key\":\"d\",\"Value\":\"4\"}]");
    }

    @Test
    @DisplayName("CreateModelVersion with a VersionName the model has is refused in the error format, and the version"
            + " stays as it was")
    void aVersionNameTwiceIsRefused() {
        String modelId = createModel(workspace(), run.names().next());
        createVersion(modelId, body().put("Uri", URI + "kept/").put("VersionName", "1.0.0"));

        assertClientError(calls.createModelVersion(
                modelId,
                body().put("Uri", URI + "other/").put("VersionName", "1.0.0").toString()));

        assertThat(getVersion(modelId, "1.0.0").path("Uri").asText())
                .as("Uri of 1.0.0")
                .isEqualTo(URI + "kept/");
    }

    @Test
    @DisplayName("ListModelVersions pages with TotalCount and answers an empty Versions array past the end")
    void versionPaging() {
        String modelId = createModel(workspace(), run.names().next());
        for (String version : List.of("1.0.0", "1.1.0", "1.2.0")) {
            createVersion(modelId, body().put("Uri", URI + version + "/").put("VersionName", version));
        }

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            ApiResponse listed =
                    calls.listModelVersions(modelId, "PageNumber", Integer.toString(page), "PageSize", "2");
            assertSucceeded(listed, ModelRegistrySchemas.LIST_MODEL_VERSIONS);
            assertThat(listed.json().get("TotalCount").asLong())
                    .as("%s: TotalCount", listed)
                    .isEqualTo(3);
            assertThat(listed.json().get("Versions"))
                    .as("%s: Versions", listed)
                    .hasSize(page == 1 ? 2 : page == 2 ? 1 : 0);
            seen.addAll(names(listed.json(), "Versions", "VersionName"));
        }
        assertThat(seen).as("the versions of every page").containsExactlyInAnyOrder("1.0.0", "1.1.0", "1.2.0");
    }

    @Test
    @DisplayName("DeleteModelVersion then GetModelVersion is 404 " + ModelRegistryContractChecks.VERSION_NOT_FOUND
            + "; DeleteModel then GetModel and its versions are 404 " + ModelRegistryContractChecks.MODEL_NOT_FOUND)
    void deleteThenRead() {
        String modelId = createModel(workspace(), run.names().next());
        createVersion(modelId, body().put("Uri", URI + "1.0.0/").put("VersionName", "1.0.0"));
        createVersion(modelId, body().put("Uri", URI + "1.1.0/").put("VersionName", "1.1.0"));

        assertSucceeded(calls.deleteModelVersion(modelId, "1.0.0"), ModelRegistrySchemas.CHANGE);
        assertRefused(calls.getModelVersion(modelId, "1.0.0"), 404, ModelRegistryContractChecks.VERSION_NOT_FOUND);
        assertThat(getVersion(modelId, "1.1.0").path("VersionName").asText()).isEqualTo("1.1.0");
        assertSucceeded(calls.deleteModel(modelId), ModelRegistrySchemas.CHANGE);

        assertRefused(calls.getModel(modelId), 404, ModelRegistryContractChecks.MODEL_NOT_FOUND);
        assertRefused(calls.getModelVersion(modelId, "1.1.0"), 404, ModelRegistryContractChecks.MODEL_NOT_FOUND);
    }

    @Test
    @DisplayName("CreateCodeSource then GetCodeSource returns what was stored, CodeRepoAccessToken included, and"
            + " ListCodeSources lists it")
    void codeSourceRegisterThenRead() {
        String workspaceId = workspace();
        ObjectNode body = codeSourceBody(workspaceId, run.names().next());

        String codeSourceId = createCodeSource(body);

        JsonNode source = getCodeSource(codeSourceId);
        for (String member : List.of(
                "DisplayName",
                "Description",
                "CodeRepo",
                "CodeBranch",
                "CodeCommit",
                "CodeRepoUserName",
                "CodeRepoAccessToken",
                "MountPath",
                "WorkspaceId")) {
            assertThat(source.path(member).asText())
                    .as("GetCodeSource %s", member)
                    .isEqualTo(body.get(member).asText());
        }
        ApiResponse listed = calls.listCodeSources("WorkspaceId", workspaceId);
        assertSucceeded(listed, ModelRegistrySchemas.LIST_CODE_SOURCES);
        assertThat(names(listed.json(), "CodeSources", "CodeSourceId"))
                .as("%s: CodeSourceIds", listed)
                .contains(codeSourceId);
    }

    @Test
    @DisplayName("PublishCodeSource turns a PRIVATE code source PUBLIC")
    void publish() {
        String codeSourceId =
                createCodeSource(codeSourceBody(workspace(), run.names().next()).put("Accessibility", "PRIVATE"));
        assertThat(getCodeSource(codeSourceId).path("Accessibility").asText())
                .as("Accessibility before")
                .isEqualTo("PRIVATE");

        assertSucceeded(calls.publishCodeSource(codeSourceId), ModelRegistrySchemas.CODE_SOURCE_ID);

        assertThat(getCodeSource(codeSourceId).path("Accessibility").asText())
                .as("Accessibility after PublishCodeSource")
                .isEqualTo("PUBLIC");
    }

    @Test
    @DisplayName("UpdateCodeSource then GetCodeSource shows the change; DeleteCodeSource then GetCodeSource is 404 "
            + ModelRegistryContractChecks.CODE_SOURCE_NOT_FOUND)
    void codeSourceUpdateAndDelete() {
        String codeSourceId =
                createCodeSource(codeSourceBody(workspace(), run.names().next()));

        assertSucceeded(
                calls.updateCodeSource(
                        codeSourceId, body().put("CodeCommit", "1").toString()),
                ModelRegistrySchemas.CODE_SOURCE_ID);
        assertThat(getCodeSource(codeSourceId).path("CodeCommit").asText())
                .as("CodeCommit after the update")
                .isEqualTo("1");
        assertSucceeded(calls.deleteCodeSource(codeSourceId), ModelRegistrySchemas.CODE_SOURCE_ID);

        assertRefused(calls.getCodeSource(codeSourceId), 404, ModelRegistryContractChecks.CODE_SOURCE_NOT_FOUND);
    }
}
