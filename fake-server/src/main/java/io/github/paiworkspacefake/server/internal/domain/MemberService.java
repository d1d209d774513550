package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceRoles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The member operations, as the service performs them for a calling account on one of its workspaces: another
 * account's workspace is as unknown as a missing one. No HTTP in here.
 */
public final class MemberService {

    /** Which custom roles of a workspace may be given to its members. */
    @FunctionalInterface
    public interface CustomRoles {
        /** Whether the custom role {@code roleId} ({@code role-...}) of the workspace may be given to a member. */
        boolean assignable(Workspace workspace, String roleId);
    }

    private final WorkspaceService workspaces;
    private final WorkspaceMembers members;
    private final UserDirectory users;
    private volatile CustomRoles customRoles = (workspace, roleId) -> false;

    public MemberService(WorkspaceService workspaces, WorkspaceMembers members, UserDirectory users) {
        this.workspaces = workspaces;
        this.members = members;
        this.users = users;
    }

    /** Where the custom roles of workspaces are looked up; until set, a workspace has none. */
    public void customRoles(CustomRoles lookup) {
        this.customRoles = lookup;
    }

    /** A role a member may be given in this workspace: a built-in one, or one of its custom roles that is ready. */
    private void checkAssignable(Workspace workspace, String parameter, String role) {
        WorkspaceRules.checkRoleName(parameter, role);
        if (WorkspaceRules.isCustomRole(role) && !customRoles.assignable(workspace, role)) {
            throw ApiException.invalid(
                    parameter,
                    "\"" + role + "\" is not a custom role of workspace " + workspace.workspaceId()
                            + " that can be given to members (ListWorkspaceRoles lists them; a role being created or"
                            + " deleted cannot).");
        }
    }

    /**
     * CreateMember: adds users of the workspace's account with their roles, all or none. A user who is not one of the
     * account's users, or is a member already, is refused.
     */
    public List<Member> create(Account caller, String workspaceId, CreateMemberRequest request) {
        return workspaces.withState(() -> {
            Workspace workspace = workspaces.owned(caller, workspaceId);
            Instant now = workspaces.now();
            List<Member> created = new ArrayList<>();
            for (CreateMemberRequest.NewMember wanted : request.members()) {
                wanted.roles().forEach(role -> checkAssignable(workspace, "Roles", role));
                User user = users.find(workspace.owner(), wanted.userId())
                        .orElseThrow(
                                () -> ApiException.invalid(
                                        "UserId",
                                        "\"" + wanted.userId()
                                                + "\" is not a user of this account; ListWorkspaceUsers lists those who can be added."));
                created.add(new Member(
                        workspaceId, WorkspaceMembers.memberId(workspaceId, user.userId()), user, wanted.roles(), now));
            }
            boolean stored = members.change(workspaceId, byUser -> {
                        for (Member member : created) {
                            if (byUser.containsKey(member.user().userId())) {
                                throw new ApiException(
                                        ErrorCode.MEMBER_EXISTS,
                                        "The user " + member.user().userId()
                                                + " is already a member of the workspace.");
                            }
                            byUser.put(member.user().userId(), member);
                        }
                        return byUser;
                    })
                    .isPresent();
            if (!stored) {
                throw WorkspaceService.notFound();
            }
            return created;
        });
    }

    /** ListMembers: one page of the workspace's members that match, in the order they joined, and how many match. */
    public WorkspaceService.Page<Member> list(Account caller, String workspaceId, ListMembersRequest request) {
        return workspaces.withState(() -> {
            workspaces.owned(caller, workspaceId);
            List<Member> matches = members.members(workspaceId).stream()
                    .filter(request::matches)
                    .toList();
            return WorkspaceService.Page.of(matches, request.pageNumber(), request.pageSize());
        });
    }

    /** GetMember: by exactly one of {@code MemberId} and {@code UserId}; an unknown member is {@code 100600006}. */
    public Member get(Account caller, String workspaceId, Optional<String> memberId, Optional<String> userId) {
        if (memberId.isPresent() == userId.isPresent()) {
            throw ApiException.invalid(
                    memberId.isPresent() ? "MemberId" : "UserId", "give exactly one of MemberId and UserId.");
        }
        return workspaces.withState(() -> {
            workspaces.owned(caller, workspaceId);
            return (memberId.isPresent()
                            ? members.byMemberId(workspaceId, memberId.get())
                            : members.byUser(workspaceId, userId.get()))
                    .orElseThrow(MemberService::memberNotFound);
        });
    }

    /**
     * DeleteMembers: removes the listed members, all or none; the workspace's owner cannot be removed. Ids of no member
     * of the workspace are ignored, so a repeated deletion succeeds.
     */
    public void delete(Account caller, String workspaceId, Set<String> memberIds) {
        workspaces.withState(() -> {
            Workspace workspace = workspaces.owned(caller, workspaceId);
            return members.change(workspaceId, byUser -> {
                        for (Member member : List.copyOf(byUser.values())) {
                            if (memberIds.contains(member.memberId())) {
                                if (isOwner(workspace, member)) {
                                    throw new ApiException(
                                            ErrorCode.OWNER_NOT_DELETABLE, "Owner not allowed to delete");
                                }
                                byUser.remove(member.user().userId());
                            }
                        }
                        return byUser;
                    })
                    .orElseThrow(WorkspaceService::notFound);
        });
    }

    /** AddMemberRole: gives a member one more role; a role it has already is no change. */
    public void addRole(Account caller, String workspaceId, String memberId, String role) {
        WorkspaceRules.checkRoleName("RoleName", role);
        changeRoles(caller, workspaceId, memberId, (workspace, member) -> {
            if (!member.roles().contains(role)) {
                checkAssignable(workspace, "RoleName", role);
            }
            Set<String> roles = new LinkedHashSet<>(member.roles());
            roles.add(role);
            return roles;
        });
    }

    /**
     * RemoveMemberRole: takes one role from a member; a role it does not have is no change. The owner keeps
     * {@value WorkspaceRoles#OWNER}, and a member keeps at least one role (DeleteMembers removes a member).
     */
    public void removeRole(Account caller, String workspaceId, String memberId, String role) {
        WorkspaceRules.checkRoleName("RoleName", role);
        changeRoles(caller, workspaceId, memberId, (workspace, member) -> {
            if (role.equals(WorkspaceRoles.OWNER) && isOwner(workspace, member)) {
                throw ApiException.invalid(
                        "RoleName", "the workspace's owner keeps the role " + WorkspaceRoles.OWNER + ".");
            }
            Set<String> roles = new LinkedHashSet<>(member.roles());
            roles.remove(role);
            if (roles.isEmpty()) {
                throw ApiException.invalid(
                        "RoleName", "a member keeps at least one role; DeleteMembers removes a member.");
            }
            return roles;
        });
    }

    /** ListWorkspaceUsers: the users of the workspace's account who are not members yet, filtered. */
    public List<User> availableUsers(
            Account caller, String workspaceId, Optional<String> userId, Optional<String> userName) {
        return workspaces.withState(() -> {
            Workspace workspace = workspaces.owned(caller, workspaceId);
            return users.users(workspace.owner()).stream()
                    .filter(user -> members.byUser(workspaceId, user.userId()).isEmpty())
                    .filter(user -> userId.map(user.userId()::equals).orElse(true))
                    .filter(user -> userName.map(name ->
                                    user.userName().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                            .orElse(true))
                    .toList();
        });
    }

    private interface RoleChange {
        Set<String> apply(Workspace workspace, Member member);
    }

    private void changeRoles(Account caller, String workspaceId, String memberId, RoleChange change) {
        workspaces.withState(() -> {
            Workspace workspace = workspaces.owned(caller, workspaceId);
            return members.change(workspaceId, byUser -> {
                        Member member = byUser.values().stream()
                                .filter(m -> m.memberId().equals(memberId))
                                .findFirst()
                                .orElseThrow(MemberService::memberNotFound);
                        byUser.put(
                                member.user().userId(),
                                new Member(
                                        workspaceId,
                                        memberId,
                                        member.user(),
                                        List.copyOf(change.apply(workspace, member)),
                                        member.gmtCreateTime()));
                        return byUser;
                    })
                    .orElseThrow(WorkspaceService::notFound);
        });
    }

    /** The member that holds the workspace's owning account's own user. */
    public static boolean isOwner(Workspace workspace, Member member) {
        return member.user().userId().equals(workspace.owner().accountId());
    }

    /** The creator's membership of a new workspace: role {@value WorkspaceRoles#OWNER}. */
    public static Member ownerOf(Workspace workspace) {
        User owner = User.of(workspace.owner());
        return new Member(
                workspace.workspaceId(),
                WorkspaceMembers.memberId(workspace.workspaceId(), owner.userId()),
                owner,
                List.of(WorkspaceRoles.OWNER),
                workspace.gmtCreateTime());
    }

    private static ApiException memberNotFound() {
        return new ApiException(ErrorCode.MEMBER_NOT_FOUND, "Member not exists");
    }
}
