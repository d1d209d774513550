package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model registry's schemas accept the reference's own examples (the SDK's per-field examples put together, kept as
 * fixtures) and refuse what its tables rule out.
 */
class ModelRegistrySchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String example(String name) {
        try (InputStream in = ModelRegistrySchemasTest.class.getResourceAsStream("examples/model-registry-" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode exampleNode(String name) throws IOException {
        return (ObjectNode) JSON.readTree(example(name));
    }

    @ParameterizedTest
    @CsvSource({
        "CREATE_MODEL, create-model.json",
        "GET_MODEL, get-model.json",
        "LIST_MODELS, list-models.json",
        "CREATE_MODEL_VERSION, create-model-version.json",
        "GET_MODEL_VERSION, get-model-version.json",
        "LIST_MODEL_VERSIONS, list-model-versions.json",
        "CHANGE, change.json",
        "CODE_SOURCE_ID, delete-code-source.json",
        "GET_CODE_SOURCE, get-code-source.json",
        "LIST_CODE_SOURCES, list-code-sources.json"
    })
    void theReferencesExamplesValidate(ModelRegistrySchemas schema, String example) {
        assertThat(schema.violations("example", example(example))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "ApprovalStatus, Unknown, enum",
        "SourceType, Manual, enum",
        "InferenceSpec, not an object, type",
        "GmtCreateTime, 2021/01/30, pattern"
    })
    void aVersionOutsideTheTablesFails(String member, String value, String keyword) throws IOException {
        ObjectNode version = exampleNode("get-model-version.json");
        version.put(member, value);

        assertThat(ModelRegistrySchemas.GET_MODEL_VERSION.violations("GetModelVersion", version.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("/" + member, keyword));
    }

    @ParameterizedTest
    @CsvSource({"VersionName", "Uri", "ApprovalStatus", "SourceType", "GmtCreateTime", "GmtModifiedTime"})
    void aVersionWithoutARequiredMemberFails(String member) throws IOException {
        ObjectNode version = exampleNode("get-model-version.json");
        version.remove(member);

        assertThat(ModelRegistrySchemas.GET_MODEL_VERSION.violations("GetModelVersion", version.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("required", member));
    }

    @ParameterizedTest
    @CsvSource({"ModelId", "ModelName", "Accessibility", "GmtCreateTime", "GmtModifiedTime", "RequestId"})
    void aModelWithoutARequiredMemberFails(String member) throws IOException {
        ObjectNode model = exampleNode("get-model.json");
        model.remove(member);

        assertThat(ModelRegistrySchemas.GET_MODEL.violations("GetModel", model.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("required", member));
    }

    @ParameterizedTest
    @CsvSource({
        "GET_MODEL, get-model.json, /LatestVersion/ApprovalStatus",
        "LIST_MODELS, list-models.json, /Models/0/LatestVersion/ApprovalStatus",
        "LIST_MODEL_VERSIONS, list-model-versions.json, /Versions/0/ApprovalStatus"
    })
    void theNestedVersionIsCheckedToo(ModelRegistrySchemas schema, String example, String pointer) throws IOException {
        ObjectNode answer = exampleNode(example);
        ((ObjectNode) answer.at(pointer.substring(0, pointer.lastIndexOf('/')))).put("ApprovalStatus", "Unknown");

        assertThat(schema.violations("answer", answer.toString()))
                .anySatisfy(violation -> assertThat(violation).contains(pointer, "enum"));
    }

    @ParameterizedTest
    @CsvSource({"LIST_MODELS, list-models.json", "LIST_MODEL_VERSIONS, list-model-versions.json"})
    void aTotalCountAsAStringFails(ModelRegistrySchemas schema, String example) throws IOException {
        ObjectNode answer = exampleNode(example);
        answer.put("TotalCount", "15");

        assertThat(schema.violations("answer", answer.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("/TotalCount", "type"));
    }

    @ParameterizedTest
    @CsvSource({"GmtModifyTime", "CodeSourceId", "WorkspaceId", "Accessibility"})
    void aCodeSourceWithoutARequiredMemberFails(String member) throws IOException {
        ObjectNode source = exampleNode("get-code-source.json");
        source.remove(member);

        assertThat(ModelRegistrySchemas.GET_CODE_SOURCE.violations("GetCodeSource", source.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("required", member));
    }

    @ParameterizedTest
    @CsvSource({"Labels", "Tags"})
    void aLabelWithoutAKeyFails(String member) throws IOException {
        ObjectNode list = exampleNode("list-models.json");
        ((ObjectNode) list.at("/Models/0/" + member + "/0")).remove("Key");

        assertThat(ModelRegistrySchemas.LIST_MODELS.violations("ListModels", list.toString()))
                .anySatisfy(violation -> assertThat(violation).contains("/Models/0/" + member + "/0", "required"));
    }
}
