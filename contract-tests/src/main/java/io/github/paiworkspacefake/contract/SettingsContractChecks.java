package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertClientError;
import static io.github.paiworkspacefake.contract.SettingsApi.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The workspace-settings operations, read-only: configurations, user configurations, connections, roles, instance
 * jobs, permissions, resources, quotas, products, features and prompts. Every request is a GET; those about a
 * workspace read one the run can read (the account's default workspace, or with {@code --allow-create} one the run
 * created; skipped otherwise).
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@DisplayName("workspace settings")
@Order(7)
public class SettingsContractChecks {

    private final ContractRun run;
    private final SettingsApi api;

    SettingsContractChecks(ContractRun run) {
        this.run = run;
        this.api = new SettingsApi(run.api());
    }

    private String workspace() {
        return run.members().readableWorkspace().require();
    }

    private static List<JsonNode> items(ApiResponse answer, String member) {
        List<JsonNode> items = new ArrayList<>();
        answer.json().get(member).forEach(items::add);
        return items;
    }

    /** TotalCount is at least the number of items answered; all of them when the page holds them all. */
    private static void assertCounted(ApiResponse answer, String member) {
        long total = answer.json().get("TotalCount").asLong();
        assertThat(total)
                .as("%s: TotalCount against the %s listed", answer, member)
                .isGreaterThanOrEqualTo(items(answer, member).size());
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName(
            "ListConfigs answers Configs, an array even when empty, and TotalCount; ConfigKeys=modelExportPath (the key "
                    + "every PAI Python SDK session reads) lists that key only")
    void listConfigsAnswersItsShape() {
        String workspaceId = workspace();

        ApiResponse all = succeeded(
                api.get("ListConfigs", SettingsApi.workspacePath(workspaceId, "configs")),
                ResponseSchemas.LIST_CONFIGS);
        ApiResponse exportPath = succeeded(
                api.get(
                        "ListConfigs",
                        SettingsApi.workspacePath(workspaceId, "configs"),
                        "ConfigKeys",
                        "modelExportPath"),
                ResponseSchemas.LIST_CONFIGS);

        assertCounted(all, "Configs");
        assertThat(items(exportPath, "Configs"))
                .as("%s", exportPath)
                .allSatisfy(
                        config -> assertThat(config.get("ConfigKey").asText()).isEqualTo("modelExportPath"));
    }

    @Test
    @DisplayName("ListConfigs of a workspace that does not exist is a client error in the error format")
    void listConfigsOfAnUnknownWorkspaceIsRefused() {
        assertClientError(
                api.get("ListConfigs", SettingsApi.workspacePath(ReadOnlyContractChecks.unknownId(), "configs")));
    }

    @Test
    @DisplayName("ListUserConfigs answers Configs, an array even when empty, each with its Scope subUser or owner")
    void listUserConfigsAnswersItsShape() {
        ApiResponse answer = succeeded(
                api.get(
                        "ListUserConfigs",
                        "/api/v1/userconfigs",
                        "CategoryNames",
                        "DataPrivacyConfig",
                        "ConfigKeys",
                        "customizePAIAssumedRole"),
                ResponseSchemas.LIST_USER_CONFIGS);

        assertCounted(answer, "Configs");
        assertThat(items(answer, "Configs"))
                .as("%s", answer)
                .allSatisfy(config ->
                        assertThat(config.get("CategoryName").asText()).isEqualTo("DataPrivacyConfig"));
    }

    @Test
    @DisplayName(
            "ListConnections pages by MaxResults: MaxResults=1 answers at most one connection, TotalCount counts them "
                    + "all, and a NextToken leads to the next one")
    void listConnectionsPages() {
        ApiResponse first = succeeded(
                api.get("ListConnections", "/api/v1/connections", "MaxResults", "1"), ResponseSchemas.LIST_CONNECTIONS);

        List<JsonNode> page = items(first, "Connections");
        assertThat(page).as("%s", first).hasSizeLessThanOrEqualTo(1);
        assertCounted(first, "Connections");
        JsonNode nextToken = first.json().get("NextToken");
        if (first.json().get("TotalCount").asLong() > 1
                && nextToken != null
                && !nextToken.asText().isEmpty()) {
            ApiResponse second = succeeded(
                    api.get(
                            "ListConnections",
                            "/api/v1/connections",
                            "MaxResults",
                            "1",
                            "NextToken",
                            nextToken.asText()),
                    ResponseSchemas.LIST_CONNECTIONS);
            assertThat(items(second, "Connections"))
                    .as("%s: the next page", second)
                    .hasSize(1)
                    .noneSatisfy(connection -> assertThat(connection.get("ConnectionId"))
                            .isEqualTo(page.get(0).get("ConnectionId")));
        }
    }

    @Test
    @DisplayName("GetConnection, GetInstanceJob and GetWorkspaceRole of ids that do not exist are client errors in the "
            + "error format")
    void unknownIdsAreRefused() {
        String unknown = "conn-" + ReadOnlyContractChecks.unknownId();
        assertClientError(api.get("GetConnection", SettingsApi.apiPath("connections", unknown)));
        assertClientError(api.get(
                "GetInstanceJob",
                SettingsApi.apiPath(
                        "instancejobs", "CreateWorkspaceCustomRole-role-" + ReadOnlyContractChecks.unknownId())));
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName(
            "ListWorkspaceRoles of a workspace the run can read: the documented shape; GetWorkspaceRole of a role id "
                    + "that does not exist is a client error")
    void listWorkspaceRolesAnswersItsShape() {
        String workspaceId = workspace();

        ApiResponse answer = succeeded(
                api.get(
                        "ListWorkspaceRoles",
                        SettingsApi.workspacePath(workspaceId, "roles"),
                        "VerboseFields",
                        "ModulePermissions"),
                ResponseSchemas.LIST_WORKSPACE_ROLES);

        assertCounted(answer, "Roles");
        assertClientError(api.get(
                "GetWorkspaceRole",
                SettingsApi.workspacePath(workspaceId, "roles", "role-" + ReadOnlyContractChecks.unknownId())));
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName(
            "ListPermissions of a workspace the run can read lists each PermissionCode once, with its rules; GetPermission "
                    + "of a listed code answers that code")
    void listPermissionsAnswersEachCodeOnce() {
        String workspaceId = workspace();

        ApiResponse answer = succeeded(
                api.get("ListPermissions", SettingsApi.workspacePath(workspaceId, "permissions")),
                ResponseSchemas.LIST_PERMISSIONS);

        assertCounted(answer, "Permissions");
        Set<String> codes = new HashSet<>();
        for (JsonNode permission : items(answer, "Permissions")) {
            assertThat(codes.add(permission.get("PermissionCode").asText()))
                    .as("%s: %s listed once", answer, permission.get("PermissionCode"))
                    .isTrue();
        }
        if (!codes.isEmpty()) {
            String code = codes.iterator().next();
            ApiResponse one = succeeded(
                    api.get("GetPermission", SettingsApi.workspacePath(workspaceId, "permissions", code)),
                    ResponseSchemas.GET_PERMISSION);
            assertThat(one.json().get("PermissionCode").asText()).as("%s", one).isEqualTo(code);
        }
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName(
            "ListResources of a workspace the run can read: the documented shape, TotalCount counting every resource, "
                    + "PageSize=1 answering at most one")
    void listResourcesAnswersItsShape() {
        String workspaceId = workspace();

        ApiResponse all = succeeded(
                api.get("ListResources", "/api/v1/resources", "WorkspaceId", workspaceId),
                ResponseSchemas.LIST_RESOURCES);
        ApiResponse one = succeeded(
                api.get("ListResources", "/api/v1/resources", "WorkspaceId", workspaceId, "PageSize", "1"),
                ResponseSchemas.LIST_RESOURCES);

        assertCounted(all, "Resources");
        assertThat(items(one, "Resources")).as("%s", one).hasSizeLessThanOrEqualTo(1);
        assertThat(one.json().get("TotalCount").asLong())
                .as("%s: TotalCount with PageSize=1", one)
                .isEqualTo(all.json().get("TotalCount").asLong());
    }

    @Test
    @DisplayName(
            "ListProducts for PAI_share with Verbose (the aliyun CLI's first call) answers that product with whether it is "
                    + "purchased; ListQuotas and ListFeatures answer their documented shapes")
    void productsQuotasAndFeaturesAnswerTheirShapes() {
        ApiResponse products = succeeded(
                api.get("ListProducts", "/api/v1/products", "ProductCodes", "PAI_share", "Verbose", "true"),
                ResponseSchemas.LIST_PRODUCTS);
        ApiResponse quotas = succeeded(api.get("ListQuotas", "/api/v1/quotas"), ResponseSchemas.LIST_QUOTAS);
        ApiResponse features = succeeded(api.get("ListFeatures", "/api/v1/features"), ResponseSchemas.LIST_FEATURES);

        assertThat(items(products, "Products"))
                .as("%s", products)
                .singleElement()
                .satisfies(product ->
                        assertThat(product.get("ProductCode").asText()).isEqualTo("PAI_share"));
        assertCounted(quotas, "Quotas");
        assertCounted(features, "Features");
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName("ListPrompts of a workspace the run can read: the documented shape, TotalCount counting every prompt")
    void listPromptsAnswersItsShape() {
        ApiResponse answer = succeeded(
                api.get("ListPrompts", "/api/v1/prompts", "WorkspaceId", workspace()), ResponseSchemas.LIST_PROMPTS);

        assertCounted(answer, "Prompts");
    }
}
