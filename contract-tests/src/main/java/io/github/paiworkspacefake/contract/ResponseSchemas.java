package io.github.paiworkspacefake.contract;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON Schemas (draft 2020-12) written from the reference pages, one per answer shape. */
enum ResponseSchemas {
    CREATE_WORKSPACE("create-workspace.json"),
    CREATE_DEFAULT_WORKSPACE("create-default-workspace.json"),
    DELETE_WORKSPACE("delete-workspace.json"),
    GET_WORKSPACE("get-workspace.json"),
    GET_WORKSPACE_VERBOSE("get-workspace-verbose.json"),
    GET_DEFAULT_WORKSPACE("get-default-workspace.json"),
    GET_DEFAULT_WORKSPACE_VERBOSE("get-default-workspace-verbose.json"),
    LIST_WORKSPACES("list-workspaces.json"),
    LIST_WORKSPACES_RESOURCE_LIMITS("list-workspaces-resource-limits.json"),
    LIST_WORKSPACES_CHECK_EXISTS("list-workspaces-check-exists.json"),
    UPDATE_WORKSPACE("update-workspace.json"),
    UPDATE_DEFAULT_WORKSPACE("update-default-workspace.json"),
    CHANGE_RESOURCE_GROUP("change-resource-group.json"),
    CREATE_MEMBER("create-member.json"),
    LIST_MEMBERS("list-members.json"),
    GET_MEMBER("get-member.json"),
    DELETE_MEMBERS("delete-members.json"),
    ADD_MEMBER_ROLE("add-member-role.json"),
    REMOVE_MEMBER_ROLE("remove-member-role.json"),
    LIST_WORKSPACE_USERS("list-workspace-users.json"),
    // the dataset families (DatasetContractChecks)
    CREATE_DATASET("create-dataset.json"),
    GET_DATASET("get-dataset.json"),
    LIST_DATASETS("list-datasets.json"),
    UPDATE_DATASET("update-dataset.json"),
    DELETE_DATASET("delete-dataset.json"),
    PUBLISH_DATASET("publish-dataset.json"),
    CREATE_DATASET_LABELS("create-dataset-labels.json"),
    DELETE_DATASET_LABELS("delete-dataset-labels.json"),
    CREATE_DATASET_VERSION("create-dataset-version.json"),
    GET_DATASET_VERSION("get-dataset-version.json"),
    LIST_DATASET_VERSIONS("list-dataset-versions.json"),
    UPDATE_DATASET_VERSION("update-dataset-version.json"),
    DELETE_DATASET_VERSION("delete-dataset-version.json"),
    CREATE_DATASET_VERSION_LABELS("create-dataset-version-labels.json"),
    DELETE_DATASET_VERSION_LABELS("delete-dataset-version-labels.json"),
    CREATE_DATASET_FILE_METAS("create-dataset-file-metas.json"),
    GET_DATASET_FILE_META("get-dataset-file-meta.json"),
    LIST_DATASET_FILE_METAS("list-dataset-file-metas.json"),
    UPDATE_DATASET_FILE_METAS("update-dataset-file-metas.json"),
    DELETE_DATASET_FILE_METAS("delete-dataset-file-metas.json"),
    GET_DATASET_FILE_METAS_STATISTICS("get-dataset-file-metas-statistics.json"),
    CREATE_DATASET_JOB("create-dataset-job.json"),
    GET_DATASET_JOB("get-dataset-job.json"),
    LIST_DATASET_JOBS("list-dataset-jobs.json"),
    UPDATE_DATASET_JOB("update-dataset-job.json"),
    DELETE_DATASET_JOB("delete-dataset-job.json"),
    STOP_DATASET_JOB("stop-dataset-job.json"),
    CREATE_DATASET_JOB_CONFIG("create-dataset-job-config.json"),
    GET_DATASET_JOB_CONFIG("get-dataset-job-config.json"),
    LIST_DATASET_JOB_CONFIGS("list-dataset-job-configs.json"),
    UPDATE_DATASET_JOB_CONFIG("update-dataset-job-config.json"),
    DELETE_DATASET_JOB_CONFIG("delete-dataset-job-config.json"),
    CREATE_EXPERIMENT("create-experiment.json"),
    GET_EXPERIMENT("get-experiment.json"),
    GET_EXPERIMENT_VERBOSE("get-experiment-verbose.json"),
    LIST_EXPERIMENT("list-experiment.json"),
    LIST_EXPERIMENT_VERBOSE("list-experiment-verbose.json"),
    UPDATE_EXPERIMENT("update-experiment.json"),
    DELETE_EXPERIMENT("delete-experiment.json"),
    SET_EXPERIMENT_LABELS("set-experiment-labels.json"),
    DELETE_EXPERIMENT_LABEL("delete-experiment-label.json"),
    CREATE_RUN("create-run.json"),
    GET_RUN("get-run.json"),
    GET_RUN_VERBOSE("get-run-verbose.json"),
    LIST_RUNS("list-runs.json"),
    LIST_RUNS_VERBOSE("list-runs-verbose.json"),
    UPDATE_RUN("update-run.json"),
    DELETE_RUN("delete-run.json"),
    DELETE_RUN_LABEL("delete-run-label.json"),
    LOG_RUN_METRICS("log-run-metrics.json"),
    LIST_RUN_METRICS("list-run-metrics.json"),
    ADD_IMAGE("add-image.json"),
    GET_IMAGE("get-image.json"),
    GET_IMAGE_VERBOSE("get-image-verbose.json"),
    LIST_IMAGES("list-images.json"),
    LIST_IMAGES_VERBOSE("list-images-verbose.json"),
    REMOVE_IMAGE("remove-image.json"),
    PUBLISH_IMAGE("publish-image.json"),
    CREATE_IMAGE_BUILD("create-image-build.json"),
    ADD_IMAGE_LABELS("add-image-labels.json"),
    REMOVE_IMAGE_LABELS("remove-image-labels.json"),
    LIST_IMAGE_LABELS("list-image-labels.json"),
    GET_CONFIG("get-config.json"),
    LIST_CONFIGS("list-configs.json"),
    UPDATE_CONFIG("update-config.json"),
    UPDATE_CONFIGS("update-configs.json"),
    DELETE_CONFIG("delete-config.json"),
    LIST_USER_CONFIGS("list-user-configs.json"),
    SET_USER_CONFIGS("set-user-configs.json"),
    DELETE_USER_CONFIG("delete-user-config.json"),
    CREATE_CONNECTION("create-connection.json"),
    GET_CONNECTION("get-connection.json"),
    LIST_CONNECTIONS("list-connections.json"),
    UPDATE_CONNECTION("update-connection.json"),
    DELETE_CONNECTION("delete-connection.json"),
    VALIDATE_CONNECTION("validate-connection.json"),
    CREATE_WORKSPACE_ROLE("create-workspace-role.json"),
    GET_WORKSPACE_ROLE("get-workspace-role.json"),
    LIST_WORKSPACE_ROLES("list-workspace-roles.json"),
    UPDATE_WORKSPACE_ROLE("update-workspace-role.json"),
    DELETE_WORKSPACE_ROLES("delete-workspace-roles.json"),
    GET_INSTANCE_JOB("get-instance-job.json"),
    LIST_PERMISSIONS("list-permissions.json"),
    GET_PERMISSION("get-permission.json"),
    CREATE_WORKSPACE_RESOURCE("create-workspace-resource.json"),
    LIST_RESOURCES("list-resources.json"),
    UPDATE_WORKSPACE_RESOURCE("update-workspace-resource.json"),
    DELETE_WORKSPACE_RESOURCE("delete-workspace-resource.json"),
    LIST_QUOTAS("list-quotas.json"),
    LIST_PRODUCTS("list-products.json"),
    CREATE_PRODUCT_ORDERS("create-product-orders.json"),
    LIST_FEATURES("list-features.json"),
    CREATE_PROMPT("create-prompt.json"),
    GET_PROMPT("get-prompt.json"),
    LIST_PROMPTS("list-prompts.json"),
    UPDATE_PROMPT("update-prompt.json"),
    DELETE_PROMPT("delete-prompt.json"),
    ACCEPT_DATAWORKS_EVENT("accept-dataworks-event.json"),
    ERROR("error.json");

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<ResponseSchemas, Schema> LOADED = new ConcurrentHashMap<>();

    private final String resource;

    ResponseSchemas(String resource) {
        this.resource = resource;
    }

    /** Every violation as {@code operation: pointer: keyword: message}; empty when the body conforms. */
    List<String> violations(String operation, String json) {
        List<Error> errors = schema().validate(json, InputFormat.JSON);
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

    private Schema schema() {
        return LOADED.computeIfAbsent(this, key -> {
            try (InputStream in = ResponseSchemas.class.getResourceAsStream("schemas/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("schema resource missing: " + resource);
                }
                return REGISTRY.getSchema(in, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
