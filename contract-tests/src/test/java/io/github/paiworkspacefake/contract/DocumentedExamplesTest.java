package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The reference pages' own example responses, kept as fixtures, validate against the schemas. They do not all obey
 * their tables (see README, "Contract suite"); the schemas accept what the tables allow and these quirks.
 */
class DocumentedExamplesTest {

    private static String example(String name) throws IOException {
        try (InputStream in = DocumentedExamplesTest.class.getResourceAsStream("examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void createWorkspaceExampleValidates() throws IOException {
        assertThat(ResponseSchemas.CREATE_WORKSPACE.violations("CreateWorkspace", example("create-workspace.json"))).isEmpty();
    }

    @Test
    void getWorkspaceExampleValidatesAsAVerboseAnswer() throws IOException {
        assertThat(ResponseSchemas.GET_WORKSPACE_VERBOSE.violations("GetWorkspace", example("get-workspace-verbose.json"))).isEmpty();
    }

    @Test
    void getWorkspaceExampleIsNotANonVerboseAnswerBecauseItHasOwner() throws IOException {
        assertThat(ResponseSchemas.GET_WORKSPACE.violations("GetWorkspace", example("get-workspace-verbose.json"))).isNotEmpty();
    }

    @Test
    void getDefaultWorkspaceExampleValidatesAsAVerboseAnswerDespiteItsTrailingWhitespace() throws IOException {
        String json = example("get-default-workspace-verbose.json");

        assertThat(json).contains("\"CREATING \"", "4216\\n");
        assertThat(ResponseSchemas.GET_DEFAULT_WORKSPACE_VERBOSE.violations("GetDefaultWorkspace", json)).isEmpty();
    }

    @Test
    void listWorkspacesExampleValidatesThoughItsItemHasNeitherDisplayNameNorResourceGroupId() throws IOException {
        String json = example("list-workspaces.json");

        assertThat(json).doesNotContain("DisplayName", "resourceGroupId");
        assertThat(ResponseSchemas.LIST_WORKSPACES.violations("ListWorkspaces", json)).isEmpty();
    }

    @Test
    void listWorkspacesExampleCarriesResourceLimitsAsAGetResourceLimitsAnswerDoes() throws IOException {
        assertThat(ResponseSchemas.LIST_WORKSPACES_RESOURCE_LIMITS.violations("ListWorkspaces", example("list-workspaces.json"))).isEmpty();
    }

    @Test
    void listWorkspacesRefusesAnItemWithoutTheMembersTheExampleHas() throws IOException {
        String withoutAdminNames = example("list-workspaces.json").replace("\"AdminNames\": [\n        \"demo_test@***.aliyunid.com\"\n      ],", "");
        String countAsString = example("list-workspaces.json").replace("\"TotalCount\": 1", "\"TotalCount\": \"1\"");

        assertThat(ResponseSchemas.LIST_WORKSPACES.violations("ListWorkspaces", withoutAdminNames))
                .anySatisfy(v -> assertThat(v).startsWith("ListWorkspaces: /Workspaces/0: required"));
        assertThat(ResponseSchemas.LIST_WORKSPACES.violations("ListWorkspaces", countAsString))
                .anySatisfy(v -> assertThat(v).startsWith("ListWorkspaces: /TotalCount: type"));
    }

    @Test
    void checkWorkspaceExistsAnswersAsTheSkillDocumentsThemValidate() {
        // [SKILL] elides the RequestId ("RequestId":..); any non-empty string stands in for it.
        assertThat(ResponseSchemas.LIST_WORKSPACES_CHECK_EXISTS.violations("ListWorkspaces",
                "{\"TotalCount\":0,\"RequestId\":\"r\",\"Workspaces\":[]}")).isEmpty();
        assertThat(ResponseSchemas.LIST_WORKSPACES_CHECK_EXISTS.violations("ListWorkspaces",
                "{\"TotalCount\":1,\"RequestId\":\"r\",\"Workspaces\":[{\"WorkspaceName\":\"test\"}]}")).isEmpty();
        assertThat(ResponseSchemas.LIST_WORKSPACES_CHECK_EXISTS.violations("ListWorkspaces",
                "{\"TotalCount\":2,\"RequestId\":\"r\",\"Workspaces\":[{\"WorkspaceName\":\"a\"},{\"WorkspaceName\":\"b\"}]}"))
                .as("a name exists at most once").isNotEmpty();
    }

    @Test
    void theRequestIdOnlyExampleValidatesForDeleteUpdateAndUpdateDefaultButNotChangeResourceGroup() throws IOException {
        String json = example("delete-workspace.json");

        assertThat(ResponseSchemas.DELETE_WORKSPACE.violations("DeleteWorkspace", json)).isEmpty();
        assertThat(ResponseSchemas.UPDATE_WORKSPACE.violations("UpdateWorkspace", json)).isEmpty();
        assertThat(ResponseSchemas.UPDATE_DEFAULT_WORKSPACE.violations("UpdateDefaultWorkspace", json)).isEmpty();
        assertThat(ResponseSchemas.CHANGE_RESOURCE_GROUP.violations("ChangeResourceGroup", json))
                .singleElement().asString().startsWith("ChangeResourceGroup: /: required").contains("requestId");
        assertThat(ResponseSchemas.CHANGE_RESOURCE_GROUP.violations("ChangeResourceGroup", json.replace("RequestId", "requestId"))).isEmpty();
    }

    @Test
    void violationsNameTheOperationThePointerAndTheRule() {
        String broken = "{\"RequestId\":\"r\",\"WorkspaceId\":\"1\",\"WorkspaceName\":\"w\",\"GmtCreateTime\":\"2021-01-21T17:12:35Z\","
                + "\"GmtModifiedTime\":\"2021-01-21T17:12:35.232Z\",\"DisplayName\":\"w\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"],"
                + "\"Creator\":\"c\",\"Status\":\"ENABLED\",\"IsDefault\":\"true\"}";

        assertThat(ResponseSchemas.GET_WORKSPACE.violations("GetWorkspace", broken))
                .anySatisfy(v -> assertThat(v).startsWith("GetWorkspace: /IsDefault: type"))
                .anySatisfy(v -> assertThat(v).startsWith("GetWorkspace: /GmtCreateTime: pattern"));
    }
}
