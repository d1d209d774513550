package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertClientError;
import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The member operations on workspaces the run creates (so they run only with {@code --allow-create}): the owner,
 * CreateMember, GetMember, ListMembers' filters, AddMemberRole, RemoveMemberRole and DeleteMembers, with the refusals
 * around them. Each check creates its own workspace. The checks that add a member need a user of the account who can be
 * added (see {@link MemberSetup}); without one they are reported skipped. Members only ever join workspaces the run
 * created, and go with them when cleanup deletes them.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@Tag(CreatingContractChecks.TAG)
@DisplayName("member lifecycle")
@Order(7)
public class MemberLifecycleContractChecks {

    private static final String DEVELOPER = "PAI.AlgoDeveloper";
    private static final String ADMIN = "PAI.WorkspaceAdmin";
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);

    private final ContractRun run;
    private final PaiWorkspaceApi api;
    private final String check;

    MemberLifecycleContractChecks(ContractRun run, TestInfo info) {
        this.run = run;
        this.api = run.api();
        this.check = "member lifecycle > " + info.getDisplayName();
    }

    private String createWorkspace() {
        return RunWorkspaces.create(run, check, "members");
    }

    private MemberSetup.AddableUser user() {
        return run.members().addableUser().require();
    }

    private static String createBody(String userId, String... roles) {
        return "{\"Members\":[{\"UserId\":\"" + userId + "\",\"Roles\":[" + String.join(",", quoted(roles)) + "]}]}";
    }

    private static List<String> quoted(String... values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add("\"" + value + "\"");
        }
        return quoted;
    }

    /** CreateMember of one user with these roles, which must succeed; the created member as the answer shows it. */
    private JsonNode addMember(String workspaceId, String userId, String... roles) {
        ApiResponse created = api.createMember(workspaceId, createBody(userId, roles));
        assertSucceeded(created, ResponseSchemas.CREATE_MEMBER);
        assertThat(created.json().get("Members"))
                .as("%s: the created members", created)
                .hasSize(1);
        return created.json().get("Members").get(0);
    }

    private static void assertSucceeded(ApiResponse answer, ResponseSchemas schema) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        schema.assertValid(answer);
    }

    private long memberCount(String workspaceId) {
        return MemberReads.list(api, workspaceId).totalCount();
    }

    @Test
    @DisplayName(
            "A new workspace's creator is its only member, with role PAI.WorkspaceOwner, from the moment it exists")
    void theCreatorIsTheOwner() {
        String workspaceId = createWorkspace();
        String owner = MemberReads.ownerUserId(api, workspaceId);

        MemberList members = MemberReads.list(api, workspaceId);
        JsonNode byUser = MemberReads.get(api, workspaceId, "UserId", owner);

        assertThat(members.totalCount())
                .as("%s: TotalCount", members.response())
                .isEqualTo(1);
        assertThat(members.members())
                .as("%s", members.response())
                .singleElement()
                .satisfies(member -> {
                    assertThat(member.get("UserId").asText())
                            .as("UserId of the only member")
                            .isEqualTo(owner);
                    assertThat(MemberReads.roles(member))
                            .as("Roles of the owner")
                            .containsExactly(MemberReads.OWNER_ROLE);
                    assertThat(member.get("MemberId").asText())
                            .as("MemberId by ListMembers and GetMember")
                            .isEqualTo(byUser.get("MemberId").asText());
                });
        assertThat(MemberReads.roles(byUser))
                .as("GetMember by UserId: Roles of the owner")
                .containsExactly(MemberReads.OWNER_ROLE);
    }

    @Test
    @DisplayName("DeleteMembers of the owner is refused with " + MemberReads.OWNER_NOT_DELETABLE
            + " (\"Owner not allowed to delete\") in the error format, and the owner stays")
    void theOwnerCannotBeDeleted() {
        String workspaceId = createWorkspace();
        String owner = MemberReads.ownerUserId(api, workspaceId);
        String memberId = MemberReads.get(api, workspaceId, "UserId", owner)
                .get("MemberId")
                .asText();

        ApiResponse refused = api.deleteMembers(workspaceId, memberId);

        assertClientError(refused);
        assertThat(refused.json().get("Code").asText())
                .as("%s: Code", refused)
                .isEqualTo(MemberReads.OWNER_NOT_DELETABLE);
        assertThat(MemberReads.roles(MemberReads.get(api, workspaceId, "MemberId", memberId)))
                .as("the owner's Roles after the refusal")
                .contains(MemberReads.OWNER_ROLE);
        assertThat(memberCount(workspaceId)).as("members after the refusal").isEqualTo(1);
    }

    @Test
    @DisplayName(
            "AddMemberRole and RemoveMemberRole refuse an undocumented role with 400 and an unknown MemberId with 404 "
                    + MemberReads.MEMBER_NOT_FOUND + ", in the error format, and change no roles")
    void roleChangesRefuseUnknownRolesAndMembers() {
        String workspaceId = createWorkspace();
        String owner = MemberReads.ownerUserId(api, workspaceId);
        JsonNode before = MemberReads.get(api, workspaceId, "UserId", owner);
        String memberId = before.get("MemberId").asText();
        String unknown = MemberReads.unknownMemberId(workspaceId);

        assertRefused(api.addMemberRole(workspaceId, memberId, "PAI.NoSuchRole"), 400);
        assertRefused(api.removeMemberRole(workspaceId, memberId, "PAI.NoSuchRole"), 400);
        assertRefused(api.addMemberRole(workspaceId, unknown, "PAI.WorkspaceGuest"), 404, MemberReads.MEMBER_NOT_FOUND);
        assertRefused(
                api.removeMemberRole(workspaceId, unknown, "PAI.WorkspaceGuest"), 404, MemberReads.MEMBER_NOT_FOUND);

        assertThat(MemberReads.roles(MemberReads.get(api, workspaceId, "MemberId", memberId)))
                .as("the owner's Roles after refusals")
                .isEqualTo(MemberReads.roles(before));
        assertThat(memberCount(workspaceId)).as("members after refusals").isEqualTo(1);
    }

    @Test
    @DisplayName(
            "CreateMember refuses a UserId that is not a user of the account with a 4xx in the error format, and adds nobody")
    void createMemberRefusesAnUnknownUser() {
        String workspaceId = createWorkspace();

        assertClientError(api.createMember(workspaceId, createBody(MemberReads.unknownUserId(), DEVELOPER)));

        assertThat(memberCount(workspaceId)).as("members after the refusal").isEqualTo(1);
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.ADDABLE_USER)
    @DisplayName(
            "CreateMember with a role, then GetMember by MemberId and by UserId and ListMembers show the member with the "
                    + "same MemberId, and ListWorkspaceUsers no longer lists the user")
    @SuppressWarnings("ReferenceEquality") // names which of the answers it was, not whether they are equal
    void createMemberThenRead() {
        MemberSetup.AddableUser user = user();
        String workspaceId = createWorkspace();
        Instant before = Instant.now();

        JsonNode created = addMember(workspaceId, user.userId(), DEVELOPER);

        String memberId = created.get("MemberId").asText();
        assertThat(created.get("UserId").asText()).as("CreateMember: UserId").isEqualTo(user.userId());
        assertThat(MemberReads.roles(created)).as("CreateMember: Roles").containsExactly(DEVELOPER);
        JsonNode byMember = MemberReads.get(api, workspaceId, "MemberId", memberId);
        JsonNode byUser = MemberReads.get(api, workspaceId, "UserId", user.userId());
        MemberList listed = MemberReads.list(api, workspaceId);
        JsonNode item = listed.byUserId(user.userId())
                .orElseThrow(() ->
                        new AssertionError(listed.response() + ": the new member " + user.userId() + " is not listed"));
        for (JsonNode member : List.of(byMember, byUser, item)) {
            String source = member == byMember
                    ? "GetMember by MemberId"
                    : member == byUser ? "GetMember by UserId" : "ListMembers";
            assertThat(member.get("MemberId").asText())
                    .as("%s: the MemberId CreateMember answered", source)
                    .isEqualTo(memberId);
            assertThat(member.get("UserId").asText()).as("%s: UserId", source).isEqualTo(user.userId());
            assertThat(MemberReads.roles(member)).as("%s: Roles", source).containsExactly(DEVELOPER);
            assertThat(member.get("DisplayName"))
                    .as("%s: DisplayName as CreateMember answered it", source)
                    .isEqualTo(created.get("DisplayName"));
        }
        assertThat(item.get("MemberName"))
                .as("ListMembers: MemberName as GetMember answers it")
                .isEqualTo(byMember.get("MemberName"));
        assertThat(byUser.get("GmtCreateTime"))
                .as("GetMember by UserId: GmtCreateTime")
                .isEqualTo(byMember.get("GmtCreateTime"));
        assertThat(Instant.parse(byMember.get("GmtCreateTime").asText()))
                .as("GmtCreateTime is UTC now")
                .isBetween(before.minus(CLOCK_TOLERANCE), Instant.now().plus(CLOCK_TOLERANCE));
        assertThat(listed.totalCount())
                .as("%s: TotalCount, the owner and the new member", listed.response())
                .isEqualTo(2);
        WorkspaceUserList users = MemberReads.users(api, workspaceId, "UserId", user.userId());
        assertThat(users.userIds())
                .as("%s: the new member can no longer be added", users.response())
                .isEmpty();
        assertThat(users.totalCount()).as("%s: TotalCount", users.response()).isZero();
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.ADDABLE_USER)
    @DisplayName(
            "AddMemberRole then RemoveMemberRole change the member's Roles as GetMember and ListMembers show them; "
                    + "its MemberId does not change")
    void addThenRemoveRole() {
        MemberSetup.AddableUser user = user();
        String workspaceId = createWorkspace();
        String memberId =
                addMember(workspaceId, user.userId(), DEVELOPER).get("MemberId").asText();

        assertSucceeded(api.addMemberRole(workspaceId, memberId, ADMIN), ResponseSchemas.ADD_MEMBER_ROLE);

        JsonNode added = MemberReads.get(api, workspaceId, "MemberId", memberId);
        assertThat(MemberReads.roles(added))
                .as("Roles after AddMemberRole %s", ADMIN)
                .containsExactlyInAnyOrder(DEVELOPER, ADMIN);
        MemberList admins = MemberReads.list(api, workspaceId, "Roles", ADMIN);
        assertThat(admins.memberIds())
                .as("%s: listed by the added role", admins.response())
                .containsExactly(memberId);

        assertSucceeded(api.removeMemberRole(workspaceId, memberId, DEVELOPER), ResponseSchemas.REMOVE_MEMBER_ROLE);

        JsonNode removed = MemberReads.get(api, workspaceId, "UserId", user.userId());
        assertThat(MemberReads.roles(removed))
                .as("Roles after RemoveMemberRole %s", DEVELOPER)
                .containsExactly(ADMIN);
        assertThat(removed.get("MemberId").asText())
                .as("MemberId after the role changes")
                .isEqualTo(memberId);
        MemberList developers = MemberReads.list(api, workspaceId, "Roles", DEVELOPER);
        assertThat(developers.memberIds())
                .as("%s: no longer listed by the removed role", developers.response())
                .doesNotContain(memberId);
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.ADDABLE_USER)
    @DisplayName(
            "ListMembers filters by Roles (one role, or any of a comma-separated list), UserId and MemberName (a part of "
                    + "it or the whole), and pages with PageSize=1")
    void listMembersFilters() {
        MemberSetup.AddableUser user = user();
        String workspaceId = createWorkspace();
        String owner = MemberReads.ownerUserId(api, workspaceId);
        String memberId =
                addMember(workspaceId, user.userId(), DEVELOPER).get("MemberId").asText();
        String memberName = MemberReads.get(api, workspaceId, "MemberId", memberId)
                .get("MemberName")
                .asText();
        assertThat(memberName).as("the new member's MemberName, to filter by").isNotBlank();
        String part = memberName.length() > 2 ? memberName.substring(1, memberName.length() - 1) : memberName;

        assertListed(MemberReads.list(api, workspaceId, "Roles", DEVELOPER), user.userId());
        assertListed(MemberReads.list(api, workspaceId, "Roles", MemberReads.OWNER_ROLE), owner);
        assertListed(
                MemberReads.list(api, workspaceId, "Roles", DEVELOPER + "," + MemberReads.OWNER_ROLE),
                owner,
                user.userId());
        assertListed(MemberReads.list(api, workspaceId, "Roles", "PAI.LabelManager"));
        assertListed(MemberReads.list(api, workspaceId, "UserId", user.userId()), user.userId());
        assertListed(MemberReads.list(api, workspaceId, "UserId", owner), owner);
        MemberList byWholeName = MemberReads.list(api, workspaceId, "MemberName", memberName);
        assertThat(byWholeName.userIds())
                .as("%s: by the whole MemberName", byWholeName.response())
                .contains(user.userId());
        MemberList byPart = MemberReads.list(api, workspaceId, "MemberName", part);
        assertThat(byPart.userIds())
                .as("%s: by a part of the MemberName", byPart.response())
                .contains(user.userId());
        assertThat(byPart.members())
                .as("%s: only members whose MemberName contains %s", byPart.response(), part)
                .allSatisfy(
                        member -> assertThat(member.get("MemberName").asText().toLowerCase(Locale.ROOT))
                                .contains(part.toLowerCase(Locale.ROOT)));

        MemberList first = MemberReads.list(api, workspaceId, "PageSize", "1", "PageNumber", "1");
        MemberList second = MemberReads.list(api, workspaceId, "PageSize", "1", "PageNumber", "2");
        MemberList third = MemberReads.list(api, workspaceId, "PageSize", "1", "PageNumber", "3");
        for (MemberList page : List.of(first, second, third)) {
            assertThat(page.totalCount())
                    .as("%s: TotalCount on every page", page.response())
                    .isEqualTo(2);
        }
        assertThat(first.members()).as("%s", first.response()).hasSize(1);
        assertThat(second.members()).as("%s", second.response()).hasSize(1);
        assertThat(third.members()).as("%s", third.response()).isEmpty();
        assertThat(List.of(first.userIds().get(0), second.userIds().get(0)))
                .as("the two pages together")
                .containsExactlyInAnyOrder(owner, user.userId());
    }

    private static void assertListed(MemberList list, String... userIds) {
        assertThat(list.userIds()).as("%s: the members listed", list.response()).containsExactlyInAnyOrder(userIds);
        assertThat(list.totalCount()).as("%s: TotalCount", list.response()).isEqualTo(userIds.length);
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.ADDABLE_USER)
    @DisplayName("DeleteMembers then GetMember by MemberId and by UserId is 404 " + MemberReads.MEMBER_NOT_FOUND
            + ", ListMembers no longer lists the member and ListWorkspaceUsers lists the user again")
    void deleteMemberThenRead() {
        MemberSetup.AddableUser user = user();
        String workspaceId = createWorkspace();
        String owner = MemberReads.ownerUserId(api, workspaceId);
        String memberId =
                addMember(workspaceId, user.userId(), DEVELOPER).get("MemberId").asText();

        assertSucceeded(api.deleteMembers(workspaceId, memberId), ResponseSchemas.DELETE_MEMBERS);

        assertRefused(api.getMember(workspaceId, "MemberId", memberId), 404, MemberReads.MEMBER_NOT_FOUND);
        assertRefused(api.getMember(workspaceId, "UserId", user.userId()), 404, MemberReads.MEMBER_NOT_FOUND);
        assertListed(MemberReads.list(api, workspaceId), owner);
        WorkspaceUserList users = MemberReads.users(api, workspaceId, "UserId", user.userId());
        assertThat(users.userIds())
                .as("%s: the user can be added again", users.response())
                .containsExactly(user.userId());
    }

    @Test
    @WhenMemberSetup(WhenMemberSetup.Requirement.ADDABLE_USER)
    @DisplayName(
            "CreateMember refuses an undocumented role, an empty role list, a member without UserId or Roles and Roles as a "
                    + "string with 400, and a user who is a member already with a 4xx, in the error format, and adds nobody")
    void createMemberRefusesInvalidMembers() {
        MemberSetup.AddableUser user = user();
        String workspaceId = createWorkspace();
        String userId = user.userId();
        String owner = MemberReads.ownerUserId(api, workspaceId);

        for (String body : List.of(
                createBody(userId, "PAI.NoSuchRole"),
                createBody(userId, DEVELOPER, "PAI.NoSuchRole"),
                createBody(userId),
                "{\"Members\":[{\"Roles\":[\"" + DEVELOPER + "\"]}]}",
                "{\"Members\":[{\"UserId\":\"" + userId + "\"}]}",
                "{\"Members\":[{\"UserId\":\"" + userId + "\",\"Roles\":\"" + DEVELOPER + "\"}]}")) {
            assertRefused(api.createMember(workspaceId, body), 400);
        }
        assertListed(MemberReads.list(api, workspaceId), owner);

        addMember(workspaceId, userId, DEVELOPER);
        assertClientError(api.createMember(workspaceId, createBody(userId, ADMIN)));

        assertListed(MemberReads.list(api, workspaceId), owner, userId);
        assertThat(MemberReads.roles(MemberReads.get(api, workspaceId, "UserId", userId)))
                .as("Roles after the refused second CreateMember")
                .isEqualTo(Set.of(DEVELOPER));
    }
}
