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
