package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertClientError;
import static io.github.paiworkspacefake.contract.SettingsApi.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The workspace-settings operations that change something, on workspaces the run creates (so they run only with
 * {@code --allow-create}): configurations, prompts, connections and custom roles are created, read back and removed
 * again by the check that made them, whatever the check's outcome. A user configuration is set only when the account
 * has none, and removed again. A product order is a purchase: it is placed only with its own flag,
 * {@code --allow-product-orders}.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@Tag(CreatingContractChecks.TAG)
@DisplayName("workspace settings lifecycle")
@Order(7)
public class SettingsLifecycleContractChecks {

    /** A value with the characters a naive implementation might trim, unescape or re-encode. */
    static final String EXPORT_PATH = "oss://pai-contract.oss-cn-hangzhou-internal.aliyuncs.com/models/ 导出/";

    private static final Set<String> JOB_ENDED = Set.of("Successful", "Failed");
    private static final String SECRET = "sk-contract-check-secret-0001";

    private final ContractRun run;
    private final SettingsApi api;
    private final String check;

    SettingsLifecycleContractChecks(ContractRun run, TestInfo info) {
        this.run = run;
        this.api = new SettingsApi(run.api());
        this.check = "workspace settings lifecycle > " + info.getDisplayName();
    }

    private String createWorkspace() {
        return RunWorkspaces.create(run, check, "settings");
    }

    private static List<JsonNode> items(ApiResponse answer, String member) {
        List<JsonNode> items = new ArrayList<>();
        answer.json().get(member).forEach(items::add);
        return items;
    }

    /** A string as a JSON string literal. */
    private static String json(String text) {
        return JsonNodeFactory.instance.textNode(text).toString();
    }

    @Test
    @DisplayName(
            "UpdateConfigs of modelExportPath, as the PAI Python SDK writes it, is read back exactly by ListConfigs and "
                    + "GetConfig; ConfigKeys filters; DeleteConfig removes it")
    void configurationsRoundTrip() {
        String workspaceId = createWorkspace();
        String configs = SettingsApi.workspacePath(workspaceId, "configs");

        succeeded(
                api.send(
                        "UpdateConfigs",
                        "PUT",
                        configs,
                        "{\"Configs\":[{\"ConfigKey\":\"modelExportPath\",\"ConfigValue\":" + json(EXPORT_PATH) + "},"
                                + "{\"CategoryName\":\"CommonResourceConfig\",\"ConfigKey\":\"tempStoragePath\","
                                + "\"ConfigValue\":\"oss://pai-contract/tmp/\"}]}"),
                ResponseSchemas.UPDATE_CONFIGS);
        ApiResponse listed = succeeded(
                api.get("ListConfigs", configs, "ConfigKeys", "modelExportPath"), ResponseSchemas.LIST_CONFIGS);
        ApiResponse one = succeeded(
                api.get("GetConfig", SettingsApi.workspacePath(workspaceId, "config"), "ConfigKey", "modelExportPath"),
                ResponseSchemas.GET_CONFIG);

        assertThat(items(listed, "Configs"))
                .as("%s: ConfigKeys=modelExportPath", listed)
                .singleElement()
                .satisfies(config -> {
                    assertThat(config.get("ConfigKey").asText()).isEqualTo("modelExportPath");
                    assertThat(config.get("ConfigValue").asText()).isEqualTo(EXPORT_PATH);
                });
        assertThat(one.json().get("ConfigValue").asText()).as("%s", one).isEqualTo(EXPORT_PATH);
        assertThat(one.json().get("WorkspaceId").asText()).as("%s", one).isEqualTo(workspaceId);

        succeeded(
                api.send(
                        "DeleteConfig",
                        "DELETE",
                        SettingsApi.workspacePath(workspaceId, "configs", "modelExportPath"),
                        null),
                ResponseSchemas.DELETE_CONFIG);
        ApiResponse after = succeeded(
                api.get("ListConfigs", configs, "ConfigKeys", "modelExportPath"), ResponseSchemas.LIST_CONFIGS);
        assertThat(items(after, "Configs")).as("%s: after DeleteConfig", after).isEmpty();
    }

    @Test
    @DisplayName(
            "CreatePrompt, GetPrompt, ListPrompts, UpdatePrompt and DeletePrompt: what was stored is read back, and a "
                    + "deleted prompt is gone")
    void promptsRoundTrip() {
        String workspaceId = createWorkspace();
        String content = "{ \"context\":\"You are a careful reviewer.\",\n \"inputData\":\"车道\" }";
        ApiResponse created = succeeded(
                api.send(
                        "CreatePrompt",
                        "POST",
                        "/api/v1/prompts",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"PromptName\":\"contract-prompt\",\"FrameworkType\":"
                                + "\"ICIO\",\"FrameworkContent\":" + json(content) + ",\"Description\":\"contract\"}"),
                ResponseSchemas.CREATE_PROMPT);
        String promptId = created.json().get("PromptId").asText();
        String path = SettingsApi.apiPath("prompts", promptId);
        try {
            ApiResponse read =
                    succeeded(api.get("GetPrompt", path, "WorkspaceId", workspaceId), ResponseSchemas.GET_PROMPT);
            assertThat(read.json().get("PromptName").asText()).as("%s", read).isEqualTo("contract-prompt");
            assertThat(read.json().get("FrameworkContent").asText())
                    .as("%s", read)
                    .isEqualTo(content);
            ApiResponse listed = succeeded(
                    api.get("ListPrompts", "/api/v1/prompts", "WorkspaceId", workspaceId),
                    ResponseSchemas.LIST_PROMPTS);
            assertThat(items(listed, "Prompts"))
                    .as("%s", listed)
                    .anySatisfy(prompt ->
                            assertThat(prompt.get("PromptId").asText()).isEqualTo(promptId));
            succeeded(
                    api.send(
                            "UpdatePrompt",
                            "PUT",
                            path,
                            "{\"WorkspaceId\":\"" + workspaceId + "\",\"Description\":\"changed\"}"),
                    ResponseSchemas.UPDATE_PROMPT);
            ApiResponse changed =
                    succeeded(api.get("GetPrompt", path, "WorkspaceId", workspaceId), ResponseSchemas.GET_PROMPT);
            assertThat(changed.json().get("Description").asText())
                    .as("%s", changed)
                    .isEqualTo("changed");
            assertThat(changed.json().get("FrameworkContent").asText())
                    .as("%s", changed)
                    .isEqualTo(content);
        } finally {
            succeeded(
                    api.send("DeletePrompt", "DELETE", path, null, "WorkspaceId", workspaceId),
                    ResponseSchemas.DELETE_PROMPT);
        }
        assertClientError(api.get("GetPrompt", path, "WorkspaceId", workspaceId));
    }

    @Test
    @DisplayName("CreateConnection keeps Configs and Secrets: GetConnection answers a secret in plain text only with "
            + "EncryptOption=PlainText; ListConnections pages and finds it by name; UpdateConnection, "
            + "ValidateConnection and DeleteConnection answer their shapes, and a deleted connection is gone")
    void connectionsRoundTrip() {
        String workspaceId = createWorkspace();
        List<String> ids = new ArrayList<>();
        try {
            for (String name : List.of("contract-conn-a", "contract-conn-b")) {
                ApiResponse created = succeeded(
                        api.send(
                                "CreateConnection",
                                "POST",
                                "/api/v1/connections",
                                "{\"WorkspaceId\":\"" + workspaceId + "\",\"ConnectionName\":\"" + name + "\","
                                        + "\"ConnectionType\":\"DashScopeConnection\","
                                        + "\"Configs\":{\"base_url\":\"https://dashscope.aliyuncs.com/compatible-mode/v1\"},"
                                        + "\"Secrets\":{\"api_key\":\"" + SECRET + "\"}}"),
                        ResponseSchemas.CREATE_CONNECTION);
                ids.add(created.json().get("ConnectionId").asText());
            }
            String path = SettingsApi.apiPath("connections", ids.get(0));
            ApiResponse secret = succeeded(
                    api.get("GetConnection", path, "EncryptOption", "Secret"), ResponseSchemas.GET_CONNECTION);
            ApiResponse plain = succeeded(
                    api.get("GetConnection", path, "EncryptOption", "PlainText"), ResponseSchemas.GET_CONNECTION);
            assertThat(secret.json().at("/Secrets/api_key").asText())
                    .as("%s: with EncryptOption=Secret the secret is not answered in plain text", secret)
                    .isNotEqualTo(SECRET);
            assertThat(plain.json().at("/Secrets/api_key").asText())
                    .as("%s", plain)
                    .isEqualTo(SECRET);
            assertThat(plain.json().at("/Configs/base_url").asText())
                    .as("%s", plain)
                    .isEqualTo("https://dashscope.aliyuncs.com/compatible-mode/v1");

            ApiResponse page = succeeded(
                    api.get("ListConnections", "/api/v1/connections", "WorkspaceId", workspaceId, "MaxResults", "1"),
                    ResponseSchemas.LIST_CONNECTIONS);
            assertThat(items(page, "Connections")).as("%s", page).hasSize(1);
            assertThat(page.json().get("TotalCount").asLong())
                    .as("%s: TotalCount", page)
                    .isEqualTo(2);
            ApiResponse byName = succeeded(
                    api.get(
                            "ListConnections",
                            "/api/v1/connections",
                            "WorkspaceId",
                            workspaceId,
                            "ConnectionName",
                            "contract-conn-b"),
                    ResponseSchemas.LIST_CONNECTIONS);
            assertThat(items(byName, "Connections"))
                    .as("%s", byName)
                    .singleElement()
                    .satisfies(item ->
                            assertThat(item.get("ConnectionId").asText()).isEqualTo(ids.get(1)));

            succeeded(
                    api.send("UpdateConnection", "PUT", path, "{\"Description\":\"changed by the contract suite\"}"),
                    ResponseSchemas.UPDATE_CONNECTION);
            assertThat(succeeded(api.get("GetConnection", path), ResponseSchemas.GET_CONNECTION)
                            .json()
                            .get("Description")
                            .asText())
                    .isEqualTo("changed by the contract suite");
            succeeded(
                    api.send(
                            "ValidateConnection",
                            "POST",
                            "/api/v1/connections/validate",
                            "{\"WorkspaceId\":\"" + workspaceId + "\",\"ConnectionId\":\"" + ids.get(0)
                                    + "\",\"ValidateType\":\"Connectivity\"}"),
                    ResponseSchemas.VALIDATE_CONNECTION);
        } finally {
            for (String id : ids) {
                succeeded(
                        api.send("DeleteConnection", "DELETE", SettingsApi.apiPath("connections", id), null),
                        ResponseSchemas.DELETE_CONNECTION);
            }
        }
        assertClientError(api.get("GetConnection", SettingsApi.apiPath("connections", ids.get(0))));
    }

    /** GetInstanceJob until the job ends, within the run's deletion timeout; the last answer. */
    private ApiResponse awaitJob(String instanceJobId) {
        Instant deadline = Instant.now().plus(run.config().deletionTimeout());
        while (true) {
            ApiResponse job = succeeded(
                    api.get("GetInstanceJob", SettingsApi.apiPath("instancejobs", instanceJobId)),
                    ResponseSchemas.GET_INSTANCE_JOB);
            if (JOB_ENDED.contains(job.json().get("Status").asText())
                    || Instant.now().isAfter(deadline)) {
                return job;
            }
            pause(Duration.ofMillis(200));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName(
            "CreateWorkspaceRole answers an instance job that ends Successful; the role is then read back with its "
                    + "ModulePermissions and listed; UpdateWorkspaceRole's job renames it; DeleteWorkspaceRoles removes it")
    void customRolesRoundTrip() {
        String workspaceId = createWorkspace();
        String roles = SettingsApi.workspacePath(workspaceId, "roles");
        String permissions = "[{\"ModuleName\":\"DLC\",\"PermissionType\":\"ReadOnly\"}]";
        ApiResponse created = succeeded(
                api.send(
                        "CreateWorkspaceRole",
                        "POST",
                        roles,
                        "{\"RoleName\":\"contract-role\",\"RoleType\":\"custom\",\"ModulePermissions\":" + permissions
                                + "}"),
                ResponseSchemas.CREATE_WORKSPACE_ROLE);
        String jobId = created.json().get("InstanceJobId").asText();
        ApiResponse job = awaitJob(jobId);
        String roleId = job.json().get("InstanceId").asText();
        try {
            assertThat(job.json().get("Status").asText())
                    .as(
                            "%s: the job ended, successfully, within %s",
                            job, run.config().deletionTimeout())
                    .isEqualTo("Successful");
            assertThat(job.json().get("Type").asText()).as("%s", job).isEqualTo("CreateWorkspaceCustomRole");
            ApiResponse role = succeeded(
                    api.get("GetWorkspaceRole", SettingsApi.workspacePath(workspaceId, "roles", roleId)),
                    ResponseSchemas.GET_WORKSPACE_ROLE);
            assertThat(role.json().get("RoleName").asText()).as("%s", role).isEqualTo("contract-role");
            assertThat(role.json().at("/ModulePermissions/0/ModuleName").asText())
                    .as("%s", role)
                    .isEqualTo("DLC");
            assertThat(role.json().at("/ModulePermissions/0/PermissionType").asText())
                    .as("%s", role)
                    .isEqualTo("ReadOnly");
            ApiResponse listed = succeeded(api.get("ListWorkspaceRoles", roles), ResponseSchemas.LIST_WORKSPACE_ROLES);
            assertThat(items(listed, "Roles"))
                    .as("%s", listed)
                    .anySatisfy(item -> assertThat(item.get("RoleId").asText()).isEqualTo(roleId));

            ApiResponse updated = succeeded(
                    api.send(
                            "UpdateWorkspaceRole",
                            "PUT",
                            SettingsApi.workspacePath(workspaceId, "roles", roleId),
                            "{\"RoleName\":\"contract-role-renamed\"}"),
                    ResponseSchemas.UPDATE_WORKSPACE_ROLE);
            assertThat(awaitJob(updated.json().get("InstanceJobId").asText())
                            .json()
                            .get("Status")
                            .asText())
                    .isEqualTo("Successful");
            assertThat(succeeded(
                                    api.get(
                                            "GetWorkspaceRole",
                                            SettingsApi.workspacePath(workspaceId, "roles", roleId)),
                                    ResponseSchemas.GET_WORKSPACE_ROLE)
                            .json()
                            .get("RoleName")
                            .asText())
                    .isEqualTo("contract-role-renamed");
        } finally {
            succeeded(
                    api.send(
                            "DeleteWorkspaceRoles",
                            "POST",
                            SettingsApi.workspacePath(workspaceId, "roles", "action", "delete"),
                            "{\"RoleIds\":[\"" + roleId + "\"]}"),
                    ResponseSchemas.DELETE_WORKSPACE_ROLES);
        }
        Instant deadline = Instant.now().plus(run.config().deletionTimeout());
        ApiResponse gone;
        do {
            gone = api.get("GetWorkspaceRole", SettingsApi.workspacePath(workspaceId, "roles", roleId));
            if (gone.status() == 200) {
                pause(Duration.ofMillis(200));
            }
        } while (gone.status() == 200 && Instant.now().isBefore(deadline));
        assertClientError(gone);
    }

    @Test
    @DisplayName(
            "The creator of a workspace holds permissions in it: ListPermissions lists some, and GetPermission of each "
                    + "answers its rules")
    void theCreatorHoldsPermissions() {
        String workspaceId = createWorkspace();

        ApiResponse listed = succeeded(
                api.get("ListPermissions", SettingsApi.workspacePath(workspaceId, "permissions")),
                ResponseSchemas.LIST_PERMISSIONS);

        assertThat(items(listed, "Permissions")).as("%s", listed).isNotEmpty();
        JsonNode first = items(listed, "Permissions").get(0);
        ApiResponse one = succeeded(
                api.get(
                        "GetPermission",
                        SettingsApi.workspacePath(
                                workspaceId,
                                "permissions",
                                first.get("PermissionCode").asText())),
                ResponseSchemas.GET_PERMISSION);
        assertThat(one.json().get("PermissionRules")).as("%s", one).isNotEmpty();
    }

    @Test
    @DisplayName(
            "SetUserConfigs without Scope, when the account has no such configuration: ListUserConfigs reads it back "
                    + "with a Scope, and DeleteUserConfig removes it (skipped when the account has one, which is never "
                    + "changed)")
    void userConfigurationsRoundTrip() {
        ApiResponse before = succeeded(
                api.get(
                        "ListUserConfigs",
                        "/api/v1/userconfigs",
                        "CategoryNames",
                        "DataPrivacyConfig",
                        "ConfigKeys",
                        "customizePAIAssumedRole"),
                ResponseSchemas.LIST_USER_CONFIGS);
        Assumptions.assumeTrue(
                items(before, "Configs").isEmpty(),
                "the account has a customizePAIAssumedRole configuration, which the suite never changes");
        String value = "acs:ram::1:role/pai-contract-check";
        succeeded(
                api.send(
                        "SetUserConfigs",
                        "PUT",
                        "/api/v1/userconfigs",
                        "{\"Configs\":[{\"CategoryName\":\"DataPrivacyConfig\",\"ConfigKey\":\"customizePAIAssumedRole\","
                                + "\"ConfigValue\":\"" + value + "\"}]}"),
                ResponseSchemas.SET_USER_CONFIGS);
        String scope = null;
        try {
            ApiResponse read = succeeded(
                    api.get(
                            "ListUserConfigs",
                            "/api/v1/userconfigs",
                            "CategoryNames",
                            "DataPrivacyConfig",
                            "ConfigKeys",
                            "customizePAIAssumedRole"),
                    ResponseSchemas.LIST_USER_CONFIGS);
            JsonNode config = items(read, "Configs").stream()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(read + ": the configuration just set is not listed"));
            scope = config.get("Scope").asText();
            assertThat(config.get("ConfigValue").asText()).as("%s", read).isEqualTo(value);
            assertThat(scope).as("%s: Scope (Terraform needs it)", read).isNotBlank();
        } finally {
            succeeded(
                    scope == null
                            ? api.send(
                                    "DeleteUserConfig",
                                    "DELETE",
                                    "/api/v1/userconfigs/DataPrivacyConfig",
                                    null,
                                    "ConfigKey",
                                    "customizePAIAssumedRole")
                            : api.send(
                                    "DeleteUserConfig",
                                    "DELETE",
                                    "/api/v1/userconfigs/DataPrivacyConfig",
                                    null,
                                    "ConfigKey",
                                    "customizePAIAssumedRole",
                                    "Scope",
                                    scope),
                    ResponseSchemas.DELETE_USER_CONFIG);
        }
        ApiResponse after = succeeded(
                api.get(
                        "ListUserConfigs",
                        "/api/v1/userconfigs",
                        "CategoryNames",
                        "DataPrivacyConfig",
                        "ConfigKeys",
                        "customizePAIAssumedRole"),
                ResponseSchemas.LIST_USER_CONFIGS);
        assertThat(items(after, "Configs"))
                .as("%s: after DeleteUserConfig", after)
                .isEmpty();
    }

    @Test
    @DisplayName(
            "AcceptDataworksEvent, an internal operation, answers 200 with its requestId, or refuses the caller in the "
                    + "error format")
    void acceptDataworksEventAnswersItsShape() {
        ApiResponse answer = api.send(
                "AcceptDataworksEvent",
                "POST",
                "/api/v1/workspaces/action/acceptdataworksevent",
                "{\"MessageId\":\"pai-contract-check\",\"Data\":{\"eventCode\":\"pai-contract-check\"}}");

        if (answer.status() == 200) {
            ResponseSchemas.ACCEPT_DATAWORKS_EVENT.assertValid(answer);
        } else {
            assertClientError(answer);
        }
    }

    @Test
    @DisplayName("CreateProductOrders of pay-as-you-go PAI answers its OrderId, and ListProducts then finds PAI_share "
            + "purchased (only with --allow-product-orders: on a real account an order is a purchase)")
    void aProductOrderPurchasesTheProduct() {
        Assumptions.assumeTrue(
                run.config().allowProductOrders(),
                "places a product order: run with --allow-product-orders (-D" + ContractConfig.ALLOW_PRODUCT_ORDERS
                        + "=true) to include it");

        succeeded(
                api.send(
                        "CreateProductOrders",
                        "POST",
                        "/api/v1/productorders",
                        "{\"AutoPay\":true,\"Products\":[{\"ProductCode\":\"PAI_share\",\"ChargeType\":\"POSTPAY\","
                                + "\"OrderType\":\"BUY\"}]}"),
                ResponseSchemas.CREATE_PRODUCT_ORDERS);
        ApiResponse products = succeeded(
                api.get("ListProducts", "/api/v1/products", "ProductCodes", "PAI_share"),
                ResponseSchemas.LIST_PRODUCTS);

        assertThat(items(products, "Products"))
                .as("%s", products)
                .singleElement()
                .satisfies(product ->
                        assertThat(product.get("IsPurchased").asBoolean()).isTrue());
    }
}
