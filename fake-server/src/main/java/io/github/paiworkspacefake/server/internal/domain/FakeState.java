package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceSeed;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import io.github.paiworkspacefake.server.internal.domain.settings.RoleJobs;
import io.github.paiworkspacefake.server.internal.domain.settings.SettingsResources;
import java.time.Clock;
import java.util.HashSet;
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

    /** Everything stored at one moment. */
    public record View(WorkspaceService.View workspaces, List<Resource> resources) {}

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

    /** Everything stored, at one moment. */
    public View view() {
        return lock.shared(() -> new View(workspaces.view(), resources.all()));
    }
}
