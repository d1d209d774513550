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
        assertThat(ResponseSchemas.CREATE_WORKSPACE.violations("CreateWorkspace", example("create-workspace.json")))
                .isEmpty();
    }

    @Test
    void getWorkspaceExampleValidatesAsAVerboseAnswer() throws IOException {
        assertThat(ResponseSchemas.GET_WORKSPACE_VERBOSE.violations(
                        "GetWorkspace", example("get-workspace-verbose.json")))
                .isEmpty();
    }

    @Test
    void getWorkspaceExampleIsNotANonVerboseAnswerBecauseItHasOwner() throws IOException {
        assertThat(ResponseSchemas.GET_WORKSPACE.violations("GetWorkspace", example("get-workspace-verbose.json")))
                .isNotEmpty();
    }

    @Test
    void getDefaultWorkspaceExampleValidatesAsAVerboseAnswerDespiteItsTrailingWhitespace() throws IOException {
        String json = example("get-default-workspace-verbose.json");

        assertThat(json).contains("\"CREATING \"", "4216\\n");
        assertThat(ResponseSchemas.GET_DEFAULT_WORKSPACE_VERBOSE.violations("GetDefaultWorkspace", json))
                .isEmpty();
    }

    @Test
    void listWorkspacesExampleValidatesThoughItsItemHasNeitherDisplayNameNorResourceGroupId() throws IOException {
        String json = example("list-workspaces.json");

        assertThat(json).doesNotContain("DisplayName", "resourceGroupId");
        assertThat(ResponseSchemas.LIST_WORKSPACES.violations("ListWorkspaces", json))
                .isEmpty();
    }

    @Test
    void listWorkspacesExampleCarriesResourceLimitsAsAGetResourceLimitsAnswerDoes() throws IOException {
        assertThat(ResponseSchemas.LIST_WORKSPACES_RESOURCE_LIMITS.violations(
                        "ListWorkspaces", example("list-workspaces.json")))
                .isEmpty();
    }

    @Test
    void listWorkspacesRefusesAnItemWithoutTheMembersTheExampleHas() throws IOException {
        String withoutAdminNames = example("list-workspaces.json")
                .replace("\"AdminNames\": [\n        \"demo_test@***.aliyunid.com\"\n      ],", "");
        String countAsString = example("list-workspaces.json").replace("\"TotalCount\": 1", "\"TotalCount\": \"1\"");

        assertThat(ResponseSchemas.LIST_WORKSPACES.violations("ListWorkspaces", withoutAdminNames))
                .anySatisfy(v -> assertThat(v).startsWith("ListWorkspaces: /Workspaces/0: required"));
        assertThat(ResponseSchemas.LIST_WORKSPACES.violations("ListWorkspaces", countAsString))
                .anySatisfy(v -> assertThat(v).startsWith("ListWorkspaces: /TotalCount: type"));
    }

    @Test
    void checkWorkspaceExistsAnswersAsTheSkillDocumentsThemValidate() {
        // [SKILL] elides the RequestId ("RequestId":..); any non-empty string stands in for it.
        assertThat(ResponseSchemas.LIST_WORKSPACES_CHECK_EXISTS.violations(
                        "ListWorkspaces", "{\"TotalCount\":0,\"RequestId\":\"r\",\"Workspaces\":[]}"))
                .isEmpty();
        assertThat(ResponseSchemas.LIST_WORKSPACES_CHECK_EXISTS.violations(
                        "ListWorkspaces",
                        "{\"TotalCount\":1,\"RequestId\":\"r\",\"Workspaces\":[{\"WorkspaceName\":\"test\"}]}"))
                .isEmpty();
        assertThat(
                        ResponseSchemas.LIST_WORKSPACES_CHECK_EXISTS.violations(
                                "ListWorkspaces",
                                "{\"TotalCount\":2,\"RequestId\":\"r\",\"Workspaces\":[{\"WorkspaceName\":\"a\"},{\"WorkspaceName\":\"b\"}]}"))
                .as("a name exists at most once")
                .isNotEmpty();
    }

    @Test
    void theRequestIdOnlyExampleValidatesForDeleteUpdateAndUpdateDefaultButNotChangeResourceGroup() throws IOException {
        String json = example("delete-workspace.json");

        assertThat(ResponseSchemas.DELETE_WORKSPACE.violations("DeleteWorkspace", json))
                .isEmpty();
        assertThat(ResponseSchemas.UPDATE_WORKSPACE.violations("UpdateWorkspace", json))
                .isEmpty();
        assertThat(ResponseSchemas.UPDATE_DEFAULT_WORKSPACE.violations("UpdateDefaultWorkspace", json))
                .isEmpty();
        assertThat(ResponseSchemas.CHANGE_RESOURCE_GROUP.violations("ChangeResourceGroup", json))
                .singleElement()
                .asString()
                .startsWith("ChangeResourceGroup: /: required")
                .contains("requestId");
        assertThat(ResponseSchemas.CHANGE_RESOURCE_GROUP.violations(
                        "ChangeResourceGroup", json.replace("RequestId", "requestId")))
                .isEmpty();
    }

    @Test
    void violationsNameTheOperationThePointerAndTheRule() {
        String broken =
                "{\"RequestId\":\"r\",\"WorkspaceId\":\"1\",\"WorkspaceName\":\"w\",\"GmtCreateTime\":\"2021-01-21T17:12:35Z\","
                        + "\"GmtModifiedTime\":\"2021-01-21T17:12:35.232Z\",\"DisplayName\":\"w\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"],"
                        + "\"Creator\":\"c\",\"Status\":\"ENABLED\",\"IsDefault\":\"true\"}";

        assertThat(ResponseSchemas.GET_WORKSPACE.violations("GetWorkspace", broken))
                .anySatisfy(v -> assertThat(v).startsWith("GetWorkspace: /IsDefault: type"))
                .anySatisfy(v -> assertThat(v).startsWith("GetWorkspace: /GmtCreateTime: pattern"));
    }

    @Test
    void memberExamplesValidate() throws IOException {
        assertThat(ResponseSchemas.CREATE_MEMBER.violations("CreateMember", example("create-member.json")))
                .isEmpty();
        assertThat(ResponseSchemas.GET_MEMBER.violations("GetMember", example("get-member.json")))
                .isEmpty();
        assertThat(ResponseSchemas.LIST_MEMBERS.violations("ListMembers", example("list-members.json")))
                .isEmpty();
        assertThat(ResponseSchemas.LIST_WORKSPACE_USERS.violations(
                        "ListWorkspaceUsers", example("list-workspace-users.json")))
                .isEmpty();
        assertThat(ResponseSchemas.ADD_MEMBER_ROLE.violations("AddMemberRole", example("delete-workspace.json")))
                .isEmpty();
        assertThat(ResponseSchemas.REMOVE_MEMBER_ROLE.violations("RemoveMemberRole", example("delete-workspace.json")))
                .isEmpty();
    }

    @Test
    void theDeleteMembersExampleValidatesWithTheCodeOfARefusalAndWithoutIt() throws IOException {
        String json = example("delete-members.json");

        assertThat(json).contains("\"Code\": \"100600017\"", "Owner not allowed to delete");
        assertThat(ResponseSchemas.DELETE_MEMBERS.violations("DeleteMembers", json))
                .isEmpty();
        assertThat(ResponseSchemas.DELETE_MEMBERS.violations("DeleteMembers", "{\"RequestId\":\"r\"}"))
                .isEmpty();
        assertThat(ResponseSchemas.DELETE_MEMBERS.violations(
                        "DeleteMembers", json.replace("\"100600017\"", "100600017")))
                .singleElement()
                .asString()
                .startsWith("DeleteMembers: /Code: type");
    }

    @Test
    void theListMembersExampleHasAMemberIdWithoutTheHyphenOfTheOtherExamplesAndValidates() throws IOException {
        String json = example("list-members.json");

        assertThat(json).contains("\"MemberId\": \"14588*****51688039\"");
        assertThat(example("get-member.json")).contains("\"MemberId\": \"145883-21513926******88039\"");
        assertThat(ResponseSchemas.LIST_MEMBERS.violations("ListMembers", json)).isEmpty();
    }

    @Test
    void theListWorkspaceUsersExampleCountsTwoUsersAndListsOne() throws IOException {
        String json = example("list-workspace-users.json");

        assertThat(json).contains("\"TotalCount\": 2").containsOnlyOnce("\"UserId\"");
        assertThat(ResponseSchemas.LIST_WORKSPACE_USERS.violations("ListWorkspaceUsers", json))
                .isEmpty();
    }

    @Test
    void memberAnswersWithWrongTypesBreakTheSchemas() throws IOException {
        String totalCountAsString = example("list-members.json").replace("\"TotalCount\": 1", "\"TotalCount\": \"1\"");
        String rolesAsString = example("get-member.json")
                .replaceFirst("\"Roles\": \\[\\s*\"PAI.AlgoDeveloper\"\\s*]", "\"Roles\": \"PAI.AlgoDeveloper\"");
        String accountTypeAsNumber = example("get-member.json").replace("\"AccountType\": \"5\"", "\"AccountType\": 5");
        String timeWithoutMillis = example("get-member.json").replace("35.232Z", "35Z");
        String numericMemberId = example("create-member.json").replace("\"145883-21513926******88039\"", "145883");
        String usersCountAsString =
                example("list-workspace-users.json").replace("\"TotalCount\": 2", "\"TotalCount\": \"2\"");

        assertThat(ResponseSchemas.LIST_MEMBERS.violations("ListMembers", totalCountAsString))
                .singleElement()
                .asString()
                .startsWith("ListMembers: /TotalCount: type");
        assertThat(ResponseSchemas.GET_MEMBER.violations("GetMember", rolesAsString))
                .singleElement()
                .asString()
                .startsWith("GetMember: /Roles: type");
        assertThat(ResponseSchemas.GET_MEMBER.violations("GetMember", accountTypeAsNumber))
                .anySatisfy(v -> assertThat(v).startsWith("GetMember: /AccountType: type"));
        assertThat(ResponseSchemas.GET_MEMBER.violations("GetMember", timeWithoutMillis))
                .singleElement()
                .asString()
                .startsWith("GetMember: /GmtCreateTime: pattern");
        assertThat(ResponseSchemas.CREATE_MEMBER.violations("CreateMember", numericMemberId))
                .singleElement()
                .asString()
                .startsWith("CreateMember: /Members/0/MemberId: type");
        assertThat(ResponseSchemas.LIST_WORKSPACE_USERS.violations("ListWorkspaceUsers", usersCountAsString))
                .singleElement()
                .asString()
                .startsWith("ListWorkspaceUsers: /TotalCount: type");
    }
}
