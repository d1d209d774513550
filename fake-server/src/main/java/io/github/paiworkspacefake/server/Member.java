package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A member of a workspace: a user of the workspace's account with its roles. A workspace's creator is its member
 * with role {@value WorkspaceRoles#OWNER} from the moment it exists.
 *
 * @param workspaceId   the workspace
 * @param memberId      the {@code MemberId}, {@code <WorkspaceId>-<UserId>}: stable for a user within a workspace
 * @param user          the user who is a member
 * @param roles         the {@code Roles}, in the order they were given
 * @param gmtCreateTime when the user became a member
 */
public record Member(String workspaceId, String memberId, User user, List<String> roles, Instant gmtCreateTime) {

    /** Copies the roles so a stored member cannot change under the fake. */
    public Member {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(user, "user");
        roles = List.copyOf(roles);
        Objects.requireNonNull(gmtCreateTime, "gmtCreateTime");
    }
}
