package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceService;
import java.util.Map;

/**
 * What the API answers about a stored workspace, member or user, built as the operations build it but without
 * counting as a read (a read could complete a lifecycle waiting for reads): for the admin console's view of the
 * state. The resource engine's items need no such help, as they are stored as the API answers them.
 */
public final class StateAnswers {

    private StateAnswers() {}

    /** GetWorkspace's answer with {@code Verbose=true}, without its request id. */
    public static Map<String, Object> workspace(WorkspaceService workspaces, Workspace workspace) {
        return WorkspaceOperations.detail(workspaces, workspace, true).members();
    }

    /** GetMember's answer, without its request id. */
    public static Map<String, Object> member(Member member) {
        return MemberOperations.details(member);
    }

    /** A ListWorkspaceUsers item. */
    public static Map<String, Object> user(User user) {
        return Maps.ordered("UserId", user.userId(), "UserName", user.userName());
    }
}
