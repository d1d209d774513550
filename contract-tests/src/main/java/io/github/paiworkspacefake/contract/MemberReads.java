package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the member checks read again and again, each read required to succeed: GetMember, ListMembers,
 * ListWorkspaceUsers and the owner GetWorkspace names; plus the documented roles and the ids no member has.
 */
final class MemberReads {

    /** The role of a workspace's owner, its creator. */
    static final String OWNER_ROLE = "PAI.WorkspaceOwner";

    /** The documented roles (ListMembersRequest's {@code Roles}). */
    static final List<String> ROLES = List.of(
            "PAI.AlgoDeveloper",
            "PAI.AlgoOperator",
            "PAI.LabelManager",
            "PAI.MaxComputeDeveloper",
            "PAI.WorkspaceAdmin",
            "PAI.WorkspaceGuest",
            OWNER_ROLE);

    /** GetMember's code for a member the workspace does not have: the code Terraform's member resource treats as not found. */
    static final String MEMBER_NOT_FOUND = "100600006";

    /** DeleteMembers' code when the owner is among the members to delete ("Owner not allowed to delete"). */
    static final String OWNER_NOT_DELETABLE = "100600017";

    private MemberReads() {}

    /** A random user id of 17 digits, the length of the account ids in the reference's examples; no user has it. */
    static String unknownUserId() {
        return "29" + ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 999_999_999_999_999L);
    }

    /** A MemberId in the documented shape ({@code <n>-<UserId>}) of a user no workspace has. */
    static String unknownMemberId(String workspaceId) {
        return workspaceId + "-" + unknownUserId();
    }

    /** GetWorkspace with {@code Verbose=true} of the workspace: its {@code Owner.UserId}. */
    static String ownerUserId(PaiWorkspaceApi api, String workspaceId) {
        return RunWorkspaces.read(api, workspaceId, true)
                .get("Owner")
                .get("UserId")
                .asText();
    }

    /** GetMember by {@code MemberId} or {@code UserId} ({@code by}), which must answer 200 valid against its schema. */
    static JsonNode get(PaiWorkspaceApi api, String workspaceId, String by, String id) {
        ApiResponse answer = api.getMember(workspaceId, by, id);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        ResponseSchemas.GET_MEMBER.assertValid(answer);
        return answer.json();
    }

    /** ListMembers with these query parameters (name, value, ...), which must answer 200 valid against its schema. */
    static MemberList list(PaiWorkspaceApi api, String workspaceId, String... namesAndValues) {
        return MemberList.of(api.listMembers(workspaceId, namesAndValues));
    }

    /** ListWorkspaceUsers with these query parameters, which must answer 200 valid against its schema. */
    static WorkspaceUserList users(PaiWorkspaceApi api, String workspaceId, String... namesAndValues) {
        return WorkspaceUserList.of(api.listWorkspaceUsers(workspaceId, namesAndValues));
    }

    /** A member's {@code Roles}, as a set: the order of roles means nothing. */
    static Set<String> roles(JsonNode member) {
        return new LinkedHashSet<>(RunWorkspaces.strings(member.get("Roles")));
    }
}
