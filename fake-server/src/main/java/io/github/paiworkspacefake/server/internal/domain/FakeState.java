package io.github.paiworkspacefake.server.internal.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceSeed;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import io.github.paiworkspacefake.server.internal.domain.settings.RoleJobs;
import io.github.paiworkspacefake.server.internal.domain.settings.SettingsResources;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Everything one fake stores, as the operations' behaviour reaches it: the typed services of the rich families
 * (workspaces, members), the resource engine for the long tail, and the clock, all under one {@link StateLock}. Whole
 * state changes (load, reset, the view a snapshot is written from) happen here, so that they cover all of it at once.
 */
public final class FakeState {

    /** Everything stored at one moment, and where the id sequences stood. */
    public record View(WorkspaceService.View workspaces, List<Resource> resources, StateSnapshot.Sequences sequences) {

        /** This view as a snapshot writes it. */
        public StateSnapshot.Contents contents() {
            return new StateSnapshot.Contents(
                    workspaces.users(),
                    workspaces.workspaces(),
                    workspace -> workspaces.defaultIds().contains(workspace.workspaceId()),
                    workspace -> workspaces.members().getOrDefault(workspace.workspaceId(), List.of()),
                    resources,
                    sequences);
        }
    }

    private final StateLock lock;
    private final WorkspaceService workspaces;
    private final MemberService members;
    private final UserDirectory users;
    private final Resources resources;
    private final Clock clock;
    private final Account account;
    private volatile List<Resource> baseline = List.of();
    private final Map<Class<?>, Object> extensions = new ConcurrentHashMap<>();

    public FakeState(
            StateLock lock,
            WorkspaceService workspaces,
            MemberService members,
            UserDirectory users,
            Resources resources,
            Clock clock,
            Account account) {
        this.lock = lock;
        this.workspaces = workspaces;
        this.members = members;
        this.users = users;
        this.resources = resources;
        this.clock = clock;
        this.account = account;
        workspaces.whenRemoved(resources::removeWorkspace);
        members.customRoles(this::customRoleAssignable);
    }

    private boolean customRoleAssignable(Workspace workspace, String roleId) {
        return RoleJobs.assignable(this, workspace, roleId);
    }

    /** The lock every operation runs under. */
    public StateLock lock() {
        return lock;
    }

    /** The workspaces and default workspaces. */
    public WorkspaceService workspaces() {
        return workspaces;
    }

    /** The members of workspaces. */
    public MemberService members() {
        return members;
    }

    /** The users of each account. */
    public UserDirectory users() {
        return users;
    }

    /** The resource engine. */
    public Resources resources() {
        return resources;
    }

    /** The fake's clock. */
    public Clock clock() {
        return clock;
    }

    /** The account requests act as while signatures are off. */
    public Account account() {
        return account;
    }

    /**
     * A family's own per-fake settings besides what it stores (how test code wants its jobs to run, say): made from
     * {@code initial} on first use, and made again after {@link #clear()}, so that a reset gives the defaults back.
     */
    public <T> T extension(Class<T> type, Supplier<T> initial) {
        return type.cast(extensions.computeIfAbsent(type, key -> initial.get()));
    }

    /**
     * Stores a seed or snapshot all at once, or nothing: workspaces, users and resources are all checked before
     * anything changes; a problem is an {@link IllegalArgumentException} naming it. With {@code replace} it takes the
     * place of everything stored.
     */
    public void load(StateSnapshot.Document document, boolean replace) {
        lock.exclusive(() -> {
            List<Resource> incoming = document.resources().stream()
                    .map(resource -> resource.accountId() != null
                            ? resource
                            : new Resource(
                                    resource.type(),
                                    account.accountId(),
                                    resource.id(),
                                    resource.parentId(),
                                    resource.workspaceId(),
                                    resource.sequence(),
                                    resource.fields(),
                                    resource.counters()))
                    .toList();
            resources.problem(incoming, replace).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            Set<String> workspaceIds = new HashSet<>();
            document.entries().stream()
                    .map(StateSnapshot.Entry::workspace)
                    .map(WorkspaceSeed::workspaceId)
                    .filter(Objects::nonNull)
                    .forEach(workspaceIds::add);
            if (!replace) {
                workspaces.all().stream().map(Workspace::workspaceId).forEach(workspaceIds::add);
            }
            for (int i = 0; i < incoming.size(); i++) {
                String workspaceId = incoming.get(i).workspaceId();
                if (workspaceId != null && !workspaceIds.contains(workspaceId)) {
                    throw new IllegalArgumentException("resources[" + i + "]: WorkspaceId " + workspaceId
                            + " is neither a workspace of the document (with its WorkspaceId) nor a stored one");
                }
            }
            checkCustomRoles(document, incoming, replace);
            workspaces.load(document, replace);
            resources.load(incoming, replace);
            workspaces.advanceIdsTo(document.sequences().nextWorkspaceId());
            resources.advanceSequence(document.sequences().lastResourceSequence());
            return null;
        });
    }

    /**
     * Resources the fake is built with (such as official images given to its builder), already stored: a
     * {@link #clear()} stores them again, in the same step, so that a reset fake is the fake as built.
     */
    public void baseline(List<Resource> stored) {
        this.baseline = List.copyOf(stored);
    }

    /**
     * Every custom role ({@code role-...}) a member of the document holds must be a role of the member's workspace,
     * among the document's resources or (unless {@code replace}) stored.
     */
    private void checkCustomRoles(StateSnapshot.Document document, List<Resource> incoming, boolean replace) {
        for (int i = 0; i < document.entries().size(); i++) {
            StateSnapshot.Entry entry = document.entries().get(i);
            String workspaceId = entry.workspace().workspaceId();
            for (StateSnapshot.MemberSeed member : entry.members()) {
                for (String role : member.roles()) {
                    if (!WorkspaceRules.isCustomRole(role)) {
                        continue;
                    }
                    boolean listed = workspaceId != null
                            && incoming.stream()
                                    .anyMatch(resource -> resource.type().equals(SettingsResources.ROLE)
                                            && resource.id().equals(role)
                                            && workspaceId.equals(resource.workspaceId()));
                    boolean stored = workspaceId != null
                            && !replace
                            && !resources
                                    .list(
                                            SettingsResources.type(SettingsResources.ROLE),
                                            null,
                                            null,
                                            resource -> resource.id().equals(role)
                                                    && workspaceId.equals(resource.workspaceId()))
                                    .isEmpty();
                    if (!listed && !stored) {
                        throw new IllegalArgumentException("workspaces[" + i + "].Members: the role " + role
                                + " is not a custom role (a WorkspaceRole resource) of workspace "
                                + (workspaceId == null ? "(no WorkspaceId given)" : workspaceId));
                    }
                }
            }
        }
    }

    /** Forgets everything stored, in one step, keeping only the {@link #baseline}. */
    public void clear() {
        lock.exclusive(() -> {
            workspaces.clear();
            resources.clear();
            resources.load(baseline, false);
            extensions.clear();
            return null;
        });
    }

    /** Everything stored, at one moment, as reads through the API would show it now. */
    public View view() {
        return lock.shared(() -> new View(workspaces.view(), resources.all(), sequences()));
    }

    /**
     * Everything exactly as stored, without completing due transitions: a data directory's checkpoint. The caller
     * keeps changes out meanwhile (it holds the writer's turn of the fake's {@link ChangeSink}).
     */
    public View storedView() {
        return new View(workspaces.storedView(), resources.all(), sequences());
    }

    /** Where the id sequences stand. */
    public StateSnapshot.Sequences sequences() {
        return new StateSnapshot.Sequences(workspaces.upcomingId(), resources.lastSequence());
    }

    /**
     * Writes a change record of the current value of each entity named (or its removal) and of the sequences. The
     * caller keeps changes out meanwhile (it holds the writer's turn of the fake's {@link ChangeSink}).
     */
    public void writeRecord(
            JsonGenerator json,
            Collection<String> workspaceIds,
            Collection<ChangeSink.UserKey> userKeys,
            Collection<ChangeSink.ResourceKey> resourceKeys)
            throws IOException {
        Map<String, StateSnapshot.StoredWorkspace> storedWorkspaces = new LinkedHashMap<>();
        for (String workspaceId : workspaceIds) {
            storedWorkspaces.put(workspaceId, workspaces.stored(workspaceId).orElse(null));
        }
        Map<ChangeSink.UserKey, User> storedUsers = new LinkedHashMap<>();
        for (ChangeSink.UserKey key : userKeys) {
            storedUsers.put(key, users.stored(key.accountId(), key.userId()).orElse(null));
        }
        Map<ChangeSink.ResourceKey, Resource> storedResources = new LinkedHashMap<>();
        for (ChangeSink.ResourceKey key : resourceKeys) {
            storedResources.put(
                    key, resources.stored(key.type(), key.parentId(), key.id()).orElse(null));
        }
        StateSnapshot.writeRecord(json, sequences(), storedWorkspaces, storedUsers, storedResources);
    }
}
