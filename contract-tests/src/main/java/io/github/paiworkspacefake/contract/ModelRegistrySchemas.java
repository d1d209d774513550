package io.github.paiworkspacefake.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas (draft 2020-12) of the model registry's and code sources' answers, written from the reference (the
 * SDK's response models and the shared models {@code Model}, {@code ModelVersion}, {@code CodeSourceItem} and
 * {@code Label}). They refer to each other ({@code model.json} to {@code model-version.json} and {@code label.json}),
 * which the registry finds beside them on the class path.
 */
enum ModelRegistrySchemas {
    CREATE_MODEL("create-model.json"),
    GET_MODEL("get-model.json"),
    LIST_MODELS("list-models.json"),
    CREATE_MODEL_VERSION("create-model-version.json"),
    GET_MODEL_VERSION("get-model-version.json"),
    LIST_MODEL_VERSIONS("list-model-versions.json"),
    /** The answer of the operations that change a model or version: UpdateModel, DeleteModel, the label operations. */
    CHANGE("model-registry-change.json"),
    /** The answer of CreateCodeSource, UpdateCodeSource, DeleteCodeSource and PublishCodeSource. */
    CODE_SOURCE_ID("code-source-id.json"),
    GET_CODE_SOURCE("get-code-source.json"),
    LIST_CODE_SOURCES("list-code-sources.json");

    private static final String BASE = "https://paiworkspacefake.github.io/schemas/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(
                    resolvers -> resolvers.mapPrefix(BASE, "classpath:io/github/paiworkspacefake/contract/schemas/")));
    private static final Map<ModelRegistrySchemas, Schema> LOADED = new ConcurrentHashMap<>();

    private final String resource;

    ModelRegistrySchemas(String resource) {
        this.resource = resource;
    }

    /** Every violation as {@code operation: pointer: keyword: message}; empty when the body conforms. */
    List<String> violations(String operation, String json) {
        List<Error> errors = LOADED.computeIfAbsent(this, key -> REGISTRY.getSchema(SchemaLocation.of(BASE + resource)))
                .validate(json, InputFormat.JSON);
        return errors.stream()
                .map(error -> operation + ": " + pointer(error) + ": " + error.getKeyword() + ": " + error.getMessage())
                .toList();
    }

    /** Fails with every violation listed, naming the operation, the JSON pointer and the rule. */
    void assertValid(ApiResponse response) {
        List<String> violations = violations(response.operation(), response.body());
        if (!violations.isEmpty()) {
            throw new AssertionError("The " + response.operation() + " answer breaks schema " + resource + ":\n  "
                    + String.join("\n  ", violations) + "\n  body: " + response.abbreviated());
        }
    }

    private static String pointer(Error error) {
        String location = error.getInstanceLocation().toString();
        String pointer = location.replaceFirst("^\\$", "").replace(".", "/").replaceAll("\\[(\\d+)]", "/$1");
        return pointer.isEmpty() ? "/" : pointer;
    }
}
