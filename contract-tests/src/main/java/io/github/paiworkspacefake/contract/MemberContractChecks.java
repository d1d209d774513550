package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The member operations, read-only: they change nothing on a conforming implementation. They read a workspace the run
 * can read (the account's default workspace, or with {@code --allow-create} one the run created; skipped otherwise)
 * and send the member operations to workspaces that do not exist. The requests that would change something (CreateMember,
 * DeleteMembers, AddMemberRole, RemoveMemberRole) only ever go to a WorkspaceId GetWorkspace has just answered 404 for.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@DisplayName("members")
@Order(6)
public class MemberContractChecks {

    /** The largest page these checks ask for. */
    private static final String FULL_PAGE = "100";

    private final ContractRun run;
    private final PaiWorkspaceApi api;

    MemberContractChecks(ContractRun run) {
        this.run = run;
        this.api = run.api();
    }

    private String workspace() {
        return run.members().readableWorkspace().require();
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName(
            "ListMembers of a workspace the run can read: the documented shape, TotalCount an integer counting every member, "
                    + "each member and each user listed once, the owner (GetWorkspace's Owner.UserId) with role PAI.WorkspaceOwner")
    void listMembersShowsTheOwner() {
        String workspaceId = workspace();
        String owner = MemberReads.ownerUserId(api, workspaceId);

        MemberList all = MemberReads.list(api, workspaceId, "PageSize", FULL_PAGE);

        assertThat(all.totalCount())
                .as("%s: TotalCount against the members listed", all.response())
                .isGreaterThanOrEqualTo(all.members().size());
        if (all.totalCount() <= Long.parseLong(FULL_PAGE)) {
            assertThat(all.members())
                    .as("%s: every member on one page of %s", all.response(), FULL_PAGE)
                    .hasSize((int) all.totalCount());
            assertThat(all.byUserId(owner))
                    .as("%s: the owner %s", all.response(), owner)
                    .isPresent();
        }
        assertThat(all.memberIds()).as("%s: MemberIds", all.response()).doesNotHaveDuplicates();
        assertThat(all.userIds())
                .as("%s: a user is a member at most once", all.response())
                .doesNotHaveDuplicates();
        MemberList owners = MemberReads.list(api, workspaceId, "UserId", owner);
        assertThat(owners.members())
                .as("%s: the owner by its UserId", owners.response())
                .singleElement()
                .satisfies(member -> assertThat(MemberReads.roles(member))
                        .as("the owner's Roles")
                        .contains(MemberReads.OWNER_ROLE));
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName("GetMember by UserId and by MemberId answer the owner as ListMembers lists it")
    @SuppressWarnings("ReferenceEquality") // names which of the answers it was, not whether they are equal
    void getMemberAnswersTheOwnerEitherWay() {
        String workspaceId = workspace();
        String owner = MemberReads.ownerUserId(api, workspaceId);

        JsonNode byUser = MemberReads.get(api, workspaceId, "UserId", owner);
        String memberId = byUser.get("MemberId").asText();
        JsonNode byMember = MemberReads.get(api, workspaceId, "MemberId", memberId);
        JsonNode listed = MemberReads.list(api, workspaceId, "UserId", owner)
                .byUserId(owner)
                .orElseThrow(() -> new AssertionError("ListMembers with UserId=" + owner + " does not list the owner"));

        assertThat(byUser.get("UserId").asText())
                .as("GetMember by UserId: UserId")
                .isEqualTo(owner);
        assertThat(MemberReads.roles(byUser))
                .as("GetMember by UserId: the owner's Roles")
                .contains(MemberReads.OWNER_ROLE);
        for (JsonNode other : new JsonNode[] {byMember, listed}) {
            String source = other == byMember ? "GetMember by MemberId" : "ListMembers";
            assertThat(other.get("MemberId").asText())
                    .as("%s: MemberId", source)
                    .isEqualTo(memberId);
            assertThat(other.get("UserId").asText()).as("%s: UserId", source).isEqualTo(owner);
            assertThat(MemberReads.roles(other)).as("%s: Roles", source).isEqualTo(MemberReads.roles(byUser));
            assertThat(other.get("MemberName")).as("%s: MemberName", source).isEqualTo(byUser.get("MemberName"));
            assertThat(other.get("GmtCreateTime"))
                    .as("%s: GmtCreateTime", source)
                    .isEqualTo(byUser.get("GmtCreateTime"));
        }
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName(
            "ListMembers filters by Roles and UserId: Roles=PAI.WorkspaceOwner lists only members with that role, the "
                    + "owner among them; a UserId nobody has lists nobody, TotalCount 0")
    void listMembersFiltersByRolesAndUserId() {
        String workspaceId = workspace();
        String owner = MemberReads.ownerUserId(api, workspaceId);

        MemberList owners = MemberReads.list(api, workspaceId, "Roles", MemberReads.OWNER_ROLE, "PageSize", FULL_PAGE);
        MemberList nobody = MemberReads.list(api, workspaceId, "UserId", MemberReads.unknownUserId());

        assertThat(owners.members())
                .as("%s", owners.response())
                .isNotEmpty()
                .allSatisfy(member -> assertThat(MemberReads.roles(member))
                        .as("Roles of %s", member.get("MemberId"))
                        .contains(MemberReads.OWNER_ROLE));
        assertThat(owners.userIds()).as("%s: the owner", owners.response()).contains(owner);
        assertThat(nobody.members()).as("%s", nobody.response()).isEmpty();
        assertThat(nobody.totalCount()).as("%s: TotalCount", nobody.response()).isZero();
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName(
            "ListMembers pages: PageSize=1 answers one member with the full TotalCount; the page past the end is empty")
    void listMembersPages() {
        String workspaceId = workspace();
        long total = MemberReads.list(api, workspaceId).totalCount();

        MemberList first = MemberReads.list(api, workspaceId, "PageSize", "1", "PageNumber", "1");
        MemberList past = MemberReads.list(api, workspaceId, "PageSize", "1", "PageNumber", Long.toString(total + 1));

        assertThat(total).as("TotalCount of a workspace with an owner").isPositive();
        assertThat(first.members()).as("%s", first.response()).hasSize(1);
        assertThat(first.totalCount()).as("%s: TotalCount", first.response()).isEqualTo(total);
        assertThat(past.members()).as("%s", past.response()).isEmpty();
        assertThat(past.totalCount()).as("%s: TotalCount", past.response()).isEqualTo(total);
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName("GetMember of an unknown MemberId or UserId is 404 " + MemberReads.MEMBER_NOT_FOUND
            + " in the error format")
    void unknownMemberIsNotFound() {
        String workspaceId = workspace();

        assertRefused(
                api.getMember(workspaceId, "MemberId", MemberReads.unknownMemberId(workspaceId)),
                404,
                MemberReads.MEMBER_NOT_FOUND);
        assertRefused(
                api.getMember(workspaceId, "UserId", MemberReads.unknownUserId()), 404, MemberReads.MEMBER_NOT_FOUND);
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName("GetMember with both MemberId and UserId, or neither, is refused with 400 in the error format")
    void getMemberNeedsExactlyOneId() {
        String workspaceId = workspace();
        String owner = MemberReads.ownerUserId(api, workspaceId);
        String memberId = MemberReads.get(api, workspaceId, "UserId", owner)
                .get("MemberId")
                .asText();

        assertRefused(api.getMember(workspaceId, "MemberId", memberId, "UserId", owner), 400);
        assertRefused(api.getMember(workspaceId), 400);
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @DisplayName(
            "ListWorkspaceUsers: the documented shape, TotalCount an integer, and only users who are not members: not the "
                    + "owner (its UserId lists nobody), and GetMember of a listed user is 404 "
                    + MemberReads.MEMBER_NOT_FOUND)
    void listWorkspaceUsersListsOnlyUsersWhoAreNotMembers() {
        String workspaceId = workspace();
        String owner = MemberReads.ownerUserId(api, workspaceId);

        WorkspaceUserList users = MemberReads.users(api, workspaceId);
        WorkspaceUserList ownerAsUser = MemberReads.users(api, workspaceId, "UserId", owner);

        assertThat(users.totalCount())
                .as("%s: TotalCount against the users listed", users.response())
                .isGreaterThanOrEqualTo(users.users().size());
        assertThat(users.userIds())
                .as("%s: the owner is a member already", users.response())
                .doesNotContain(owner);
        assertThat(ownerAsUser.users()).as("%s", ownerAsUser.response()).isEmpty();
        assertThat(ownerAsUser.totalCount())
                .as("%s: TotalCount", ownerAsUser.response())
                .isZero();
        users.userIds().stream()
                .limit(3)
                .forEach(userId ->
                        assertRefused(api.getMember(workspaceId, "UserId", userId), 404, MemberReads.MEMBER_NOT_FOUND));
    }

    static Stream<Arguments> invalidListMembersQueries() {
        return Stream.of(
                        new String[] {"Roles", "PAI.NoSuchRole"},
                        new String[] {"Roles", MemberReads.OWNER_ROLE + ",PAI.NoSuchRole"},
                        new String[] {"PageNumber", "0"},
                        new String[] {"PageNumber", "first"},
                        new String[] {"PageSize", "0"},
                        new String[] {"PageSize", "-1"})
                .map(pair -> Arguments.of(Named.of(pair[0] + "=" + pair[1], pair[0]), pair[1]));
    }

    @ParameterizedTest(name = "ListMembers refuses {0} with 400 in the error format")
    @DisplayName("Invalid ListMembers queries")
    @WhenMemberSetup(WhenMemberSetup.Requirement.READABLE_WORKSPACE)
    @MethodSource("invalidListMembersQueries")
    void listMembersRefusesInvalidValues(String name, String value) {
        assertRefused(api.listMembers(workspace(), name, value), 400);
    }

    /** A member operation sent to a WorkspaceId, named for the report. */
    private static Arguments operation(String name, boolean changes, Function<Target, ApiResponse> request) {
        return Arguments.of(Named.of(name, request), changes);
    }

    /** Where an operation on an unknown workspace goes: the WorkspaceId and the client. */
    private record Target(String workspaceId, PaiWorkspaceApi api) {}

    static Stream<Arguments> operationsOnAnUnknownWorkspace() {
        String role = "PAI.WorkspaceGuest";
        return Stream.of(
                operation("ListMembers", false, target -> target.api().listMembers(target.workspaceId())),
                operation(
                        "GetMember",
                        false,
                        target -> target.api().getMember(target.workspaceId(), "UserId", MemberReads.unknownUserId())),
                operation("ListWorkspaceUsers", false, target -> target.api().listWorkspaceUsers(target.workspaceId())),
                operation(
                        "CreateMember",
                        true,
                        target -> target.api()
                                .createMember(
                                        target.workspaceId(),
                                        "{\"Members\":[{\"UserId\":\"" + MemberReads.unknownUserId()
                                                + "\",\"Roles\":[\"" + role + "\"]}]}")),
                operation(
                        "DeleteMembers",
                        true,
                        target -> target.api()
                                .deleteMembers(
                                        target.workspaceId(), MemberReads.unknownMemberId(target.workspaceId()))),
                operation(
                        "AddMemberRole",
                        true,
                        target -> target.api()
                                .addMemberRole(
                                        target.workspaceId(), MemberReads.unknownMemberId(target.workspaceId()), role)),
                operation(
                        "RemoveMemberRole",
                        true,
                        target -> target.api()
                                .removeMemberRole(
                                        target.workspaceId(),
                                        MemberReads.unknownMemberId(target.workspaceId()),
                                        role)));
    }

    @ParameterizedTest(name = "{0} of an unknown WorkspaceId is 404 in the error format")
    @DisplayName("Member operations on an unknown workspace")
    @MethodSource("operationsOnAnUnknownWorkspace")
    void operationsOnAnUnknownWorkspaceAreNotFound(Function<Target, ApiResponse> request, boolean changes) {
        String workspaceId =
                changes ? ReadOnlyContractChecks.absentWorkspaceId(api) : ReadOnlyContractChecks.unknownId();

        assertRefused(request.apply(new Target(workspaceId, api)), 404);
    }
}
