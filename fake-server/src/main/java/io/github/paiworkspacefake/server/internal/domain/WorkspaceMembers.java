package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Member;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The members of each stored workspace, by user id. A workspace's entry exists from the moment it is stored (with its
 * owner as first member) until it is removed; every change of one workspace's members is atomic.
 */
public final class WorkspaceMembers {

    private final Map<String, Map<String, Member>> byWorkspace = new ConcurrentHashMap<>();
    private final ChangeSink changes;

    public WorkspaceMembers() {
        this(ChangeSink.NONE);
    }

    /** Members that report each workspace whose members change to {@code changes}. */
    public WorkspaceMembers(ChangeSink changes) {
        this.changes = changes;
    }

    /** The {@code MemberId} of a user in a workspace: {@code <WorkspaceId>-<UserId>}, the reference's example shape. */
    public static String memberId(String workspaceId, String userId) {
        return workspaceId + "-" + userId;
    }

    /** Starts the member list of a newly stored workspace with these members (its owner first). */
    public void start(String workspaceId, List<Member> members) {
        try (ChangeSink.Scope writing = changes.writing()) {
            Map<String, Member> byUser = new LinkedHashMap<>();
            members.forEach(member -> byUser.put(member.user().userId(), member));
            byWorkspace.put(workspaceId, Collections.unmodifiableMap(byUser));
            changes.workspace(workspaceId);
        }
    }

    /** The workspace's members in the order they joined; empty when the workspace is not stored. */
    public List<Member> members(String workspaceId) {
        return List.copyOf(byWorkspace.getOrDefault(workspaceId, Map.of()).values());
    }

    /** How many members the workspace has; 0 when it is not stored. */
    public int count(String workspaceId) {
        return byWorkspace.getOrDefault(workspaceId, Map.of()).size();
    }

    public Optional<Member> byUser(String workspaceId, String userId) {
        return Optional.ofNullable(
                byWorkspace.getOrDefault(workspaceId, Map.of()).get(userId));
    }

    public Optional<Member> byMemberId(String workspaceId, String memberId) {
        return byWorkspace.getOrDefault(workspaceId, Map.of()).values().stream()
                .filter(member -> member.memberId().equals(memberId))
                .findFirst();
    }

    /**
     * Changes one workspace's members in one step: {@code change} gets them by user id and returns the new ones, or
     * throws to change nothing. Empty when the workspace is not stored (any longer).
     */
    public Optional<Collection<Member>> change(String workspaceId, UnaryOperator<Map<String, Member>> change) {
        try (ChangeSink.Scope writing = changes.writing()) {
            Map<String, Member> changed = byWorkspace.computeIfPresent(
                    workspaceId,
                    (id, current) -> Collections.unmodifiableMap(
                            new LinkedHashMap<>(change.apply(new LinkedHashMap<>(current)))));
            if (changed != null) {
                changes.workspace(workspaceId);
            }
            return Optional.ofNullable(changed).map(members -> new ArrayList<>(members.values()));
        }
    }

    /** Forgets a removed workspace's members. */
    public void forget(String workspaceId) {
        try (ChangeSink.Scope writing = changes.writing()) {
            if (byWorkspace.remove(workspaceId) != null) {
                changes.workspace(workspaceId);
            }
        }
    }

    public void clear() {
        try (ChangeSink.Scope writing = changes.writing()) {
            changes.wholeState();
            byWorkspace.clear();
        }
    }
}
