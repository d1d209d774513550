package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schemas' rule: a member the reference lists for a response is required unless the reference says when it is
 * absent. The reference's examples carry every member their tables list, so removing any one of them must break the
 * schema; the exceptions are exactly the ones the README lists.
 */
class SchemaRequiredMembersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode example(String name) throws IOException {
        try (InputStream in = SchemaRequiredMembersTest.class.getResourceAsStream("examples/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** Every member path of the example: top-level names, and {@code Parent/child} one level down. */
    private static List<String> memberPaths(ObjectNode example) {
        List<String> paths = new ArrayList<>();
        example.fieldNames().forEachRemaining(name -> {
            paths.add(name);
            JsonNode value = example.get(name);
            JsonNode object = value.isArray() && value.size() > 0 ? value.get(0) : value;
            if (object.isObject()) {
                object.fieldNames().forEachRemaining(child -> paths.add(name + "/" + child));
            }
        });
        return paths;
    }

    private static ObjectNode without(ObjectNode example, String path) {
        ObjectNode copy = example.deepCopy();
        String[] parts = path.split("/", -1);
        if (parts.length == 1) {
            copy.remove(parts[0]);
        } else {
            JsonNode parent = copy.get(parts[0]);
            ((ObjectNode) (parent.isArray() ? parent.get(0) : parent)).remove(parts[1]);
        }
        return copy;
    }

    /** The member paths whose removal leaves the example valid. */
    static List<String> optionalMembers(ResponseSchemas schema, ObjectNode example) {
        assertThat(schema.violations("example", example.toString()))
                .as("the example itself")
                .isEmpty();
        return memberPaths(example).stream()
                .filter(path -> schema.violations(
                                "example", without(example, path).toString())
                        .isEmpty())
                .toList();
    }

    @Test
    void getWorkspaceWithVerboseRequiresEveryListedMemberButTheTenantIdDescribedInProse() throws IOException {
        assertThat(optionalMembers(ResponseSchemas.GET_WORKSPACE_VERBOSE, example("get-workspace-verbose.json")))
                .containsExactly("ExtraInfos/TenantId");
    }

    @Test
    void getWorkspaceWithoutVerboseRequiresEveryListedMemberExceptTheVerboseOnlyOnes() throws IOException {
        ObjectNode example = example("get-workspace-verbose.json");
        example.remove(List.of("Owner", "AdminNames"));

        assertThat(optionalMembers(ResponseSchemas.GET_WORKSPACE, example)).containsExactly("ExtraInfos/TenantId");
    }

    @Test
    void getDefaultWorkspaceWithVerboseRequiresEveryListedMember() throws IOException {
        assertThat(optionalMembers(
                        ResponseSchemas.GET_DEFAULT_WORKSPACE_VERBOSE, example("get-default-workspace-verbose.json")))
                .isEmpty();
    }

    @Test
    void getDefaultWorkspaceWithoutVerboseRequiresEveryListedMemberAndNoConditions() throws IOException {
        ObjectNode example = example("get-default-workspace-verbose.json");
        ObjectNode withoutConditions = example.deepCopy();
        withoutConditions.remove("Conditions");

        assertThat(ResponseSchemas.GET_DEFAULT_WORKSPACE.violations("GetDefaultWorkspace", example.toString()))
                .as("Conditions without Verbose")
                .isNotEmpty();
        assertThat(optionalMembers(ResponseSchemas.GET_DEFAULT_WORKSPACE, withoutConditions))
                .isEmpty();
    }

    @Test
    void createAnswersRequireBothMembers() throws IOException {
        ObjectNode example = example("create-workspace.json");

        assertThat(optionalMembers(ResponseSchemas.CREATE_WORKSPACE, example)).isEmpty();
        assertThat(optionalMembers(ResponseSchemas.CREATE_DEFAULT_WORKSPACE, example))
                .isEmpty();
    }

    @Test
    void listWorkspacesRequiresEveryListedMemberButDisplayNameResourceGroupIdAndResourceLimits() throws IOException {
        ObjectNode example = example("list-workspaces.json");
        ObjectNode item = (ObjectNode) example.get("Workspaces").get(0);
        item.put("DisplayName", "workspace-example").put("resourceGroupId", "rg-acfmwp7rkyq****");

        assertThat(optionalMembers(ResponseSchemas.LIST_WORKSPACES, example))
                .containsExactlyInAnyOrder(
                        "ResourceLimits",
                        "ResourceLimits/MaxCompute_share",
                        "ResourceLimits/MaxCompute_isolate",
                        "ResourceLimits/DLC_share",
                        "Workspaces/DisplayName",
                        "Workspaces/resourceGroupId");
    }

    @Test
    void getResourceLimitsRequiresRequestIdAndResourceLimitsButNoParticularLimit() throws IOException {
        ObjectNode example = example("list-workspaces.json");
        example.remove(List.of("Workspaces", "TotalCount"));

        assertThat(optionalMembers(ResponseSchemas.LIST_WORKSPACES_RESOURCE_LIMITS, example))
                .containsExactlyInAnyOrder(
                        "ResourceLimits/MaxCompute_share",
                        "ResourceLimits/MaxCompute_isolate",
                        "ResourceLimits/DLC_share");
    }

    @Test
    void checkWorkspaceExistsRequiresEveryMember() throws IOException {
        ObjectNode answer = (ObjectNode)
                JSON.readTree("{\"TotalCount\":1,\"RequestId\":\"r\",\"Workspaces\":[{\"WorkspaceName\":\"test\"}]}");

        assertThat(optionalMembers(ResponseSchemas.LIST_WORKSPACES_CHECK_EXISTS, answer))
                .isEmpty();
    }

    @Test
    void requestIdOnlyAnswersRequireTheirRequestId() throws IOException {
        ObjectNode example = example("delete-workspace.json");
        ObjectNode lowerCamel = (ObjectNode) JSON.readTree("{\"requestId\":\"r\"}");

        assertThat(optionalMembers(ResponseSchemas.DELETE_WORKSPACE, example)).isEmpty();
        assertThat(optionalMembers(ResponseSchemas.UPDATE_WORKSPACE, example)).isEmpty();
        assertThat(optionalMembers(ResponseSchemas.UPDATE_DEFAULT_WORKSPACE, example))
                .isEmpty();
        assertThat(optionalMembers(ResponseSchemas.CHANGE_RESOURCE_GROUP, lowerCamel))
                .isEmpty();
    }

    @Test
    void theErrorBodyRequiresRequestIdHostIdCodeAndMessageButNotRecommend() throws IOException {
        ObjectNode error = (ObjectNode)
                JSON.readTree(
                        "{\"RequestId\":\"r\",\"HostId\":\"aiworkspace.cn-hangzhou.aliyuncs.com\","
                                + "\"Code\":\"100400027\",\"Message\":\"Workspace not exists\",\"Recommend\":\"https://api.aliyun.com/troubleshoot\"}");

        assertThat(optionalMembers(ResponseSchemas.ERROR, error)).isEqualTo(List.of("Recommend"));
        assertThat(Set.copyOf(memberPaths(error))).hasSize(5);
    }

    @Test
    void createMemberRequiresEveryListedMember() throws IOException {
        assertThat(optionalMembers(ResponseSchemas.CREATE_MEMBER, example("create-member.json")))
                .isEmpty();
    }

    @Test
    void listMembersRequiresEveryListedMember() throws IOException {
        ObjectNode example = example("list-members.json");

        assertThat(memberPaths(example)).hasSize(3 + 8);
        assertThat(optionalMembers(ResponseSchemas.LIST_MEMBERS, example)).isEmpty();
    }

    @Test
    void getMemberRequiresEveryListedMember() throws IOException {
        ObjectNode example = example("get-member.json");

        assertThat(memberPaths(example)).hasSize(8);
        assertThat(optionalMembers(ResponseSchemas.GET_MEMBER, example)).isEmpty();
    }

    @Test
    void deleteMembersRequiresItsRequestIdButNotTheCodeAndMessageOfAFailedCall() throws IOException {
        assertThat(optionalMembers(ResponseSchemas.DELETE_MEMBERS, example("delete-members.json")))
                .containsExactlyInAnyOrder("Code", "Message");
    }

    @Test
    void memberRoleAnswersRequireTheirRequestId() throws IOException {
        ObjectNode example = example("delete-workspace.json");

        assertThat(optionalMembers(ResponseSchemas.ADD_MEMBER_ROLE, example)).isEmpty();
        assertThat(optionalMembers(ResponseSchemas.REMOVE_MEMBER_ROLE, example)).isEmpty();
    }

    @Test
    void listWorkspaceUsersRequiresEveryListedMember() throws IOException {
        ObjectNode example = example("list-workspace-users.json");

        assertThat(memberPaths(example)).hasSize(3 + 2);
        assertThat(optionalMembers(ResponseSchemas.LIST_WORKSPACE_USERS, example))
                .isEmpty();
    }
}
