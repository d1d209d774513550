package io.github.paiworkspacefake.server.internal.domain.registry;

import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceRoles;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.Caller;
import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.ListMembersRequest;
import java.util.List;
import java.util.Optional;

/**
 * Who may see and change a workspace's shared resources (models, code sources), by their {@code Accessibility}: the
 * reference's "PRIVATE: visible only to you and administrators in the workspace; PUBLIC: visible to everyone in the
 * workspace". Another account's resource is never seen. Within the account:
 *
 * <ul>
 *   <li>the account itself (its own user, whose id is the account id) sees and changes all of it;
 *   <li>a RAM user who is a member of the resource's workspace with {@code PAI.WorkspaceAdmin} or
 *       {@code PAI.WorkspaceOwner} sees and changes all of the workspace's;
 *   <li>another member sees the PUBLIC ones and those it created ({@code UserId}), and changes only those it created;
 *   <li>a RAM user who is not a member sees and changes nothing of the workspace, and cannot create in it.
 * </ul>
 *
 * A resource the caller may not see is not found; one it sees but may not change is {@code 403 PermissionDenied}.
 */
public final class WorkspaceAccess {

    /** The visibility of a resource only its creator and the workspace's administrators see (the default). */
    public static final String PRIVATE = "PRIVATE";
    /** The visibility of a resource everyone in the workspace sees. */
    public static final String PUBLIC = "PUBLIC";
    /** The code and status of a change the caller may not make to a resource it sees. */
    public static final String PERMISSION_DENIED = "PermissionDenied";

    private final FakeState state;

    /** The access rules over this fake's workspaces and members. */
    public WorkspaceAccess(FakeState state) {
        this.state = state;
    }

    /**
     * The workspace a new resource goes to: the caller's workspace of this id, or without one the caller's default
     * workspace; {@code 404 100400027} when there is no such workspace (another account's included), and
     * {@code 403 PermissionDenied} for a RAM user who is not its member.
     */
    public Workspace workspaceToCreateIn(Caller caller, Optional<String> workspaceId) {
        Workspace workspace = workspaceId
                .map(id -> state.workspaces().owned(caller.account(), id))
                .orElseGet(() -> state.workspaces()
                        .defaultWorkspace(caller.account().accountId())
                        .orElseThrow(() -> new ApiException(
                                ErrorCode.DEFAULT_WORKSPACE_NOT_FOUND,
                                "Default workspace not exists: give a WorkspaceId, or create the default workspace"
                                        + " first.")));
        if (!isAccountItself(caller) && member(caller, workspace.workspaceId()).isEmpty()) {
            throw denied(
                    "the user " + caller.userId() + " is not a member of workspace " + workspace.workspaceId() + ".");
        }
        return workspace;
    }

    /** The caller's workspace of this id (a read: another account's is {@code 404 100400027}). */
    public Workspace workspace(Caller caller, String workspaceId) {
        return state.workspaces().owned(caller.account(), workspaceId);
    }

    /** Whether the request acts as the account itself rather than one of its RAM users. */
    public static boolean isAccountItself(Caller caller) {
        return caller.userId().equals(caller.account().accountId());
    }

    /**
     * Whether the caller sees a resource of its account in {@code workspaceId} (null for none) with this visibility
     * and creator.
     */
    public boolean canSee(Caller caller, String workspaceId, String accessibility, String creator) {
        if (isAccountItself(caller)
                || (caller.userId().equals(creator) && isMemberOrNoWorkspace(caller, workspaceId))) {
            return true;
        }
        if (workspaceId == null) {
            return false;
        }
        Optional<Member> member = member(caller, workspaceId);
        return member.isPresent() && (isAdmin(member.get()) || PUBLIC.equals(accessibility));
    }

    /** Whether the caller may change a resource of its account it sees, with this creator. */
    public boolean canChange(Caller caller, String workspaceId, String creator) {
        if (isAccountItself(caller)) {
            return true;
        }
        if (caller.userId().equals(creator) && isMemberOrNoWorkspace(caller, workspaceId)) {
            return true;
        }
        return workspaceId != null
                && member(caller, workspaceId).filter(WorkspaceAccess::isAdmin).isPresent();
    }

    /** {@code 403 PermissionDenied} with this reason. */
    public static ApiException denied(String why) {
        return new ApiException(403, PERMISSION_DENIED, "You are not authorized to do this: " + why);
    }

    private boolean isMemberOrNoWorkspace(Caller caller, String workspaceId) {
        return workspaceId == null || member(caller, workspaceId).isPresent();
    }

    private Optional<Member> member(Caller caller, String workspaceId) {
        List<Member> members;
        try {
            members = state.members()
                    .list(caller.account(), workspaceId, ListMembersRequest.all())
                    .items();
        } catch (ApiException workspaceGone) {
            return Optional.empty();
        }
        return members.stream()
                .filter(member -> member.user().userId().equals(caller.userId()))
                .findFirst();
    }

    private static boolean isAdmin(Member member) {
        return member.roles().contains(WorkspaceRoles.ADMIN) || member.roles().contains(WorkspaceRoles.OWNER);
    }
}
