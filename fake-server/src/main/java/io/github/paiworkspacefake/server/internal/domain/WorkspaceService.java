package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceRoles;
import io.github.paiworkspacefake.server.WorkspaceSeed;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Workspace operations, as the service performs them for a calling account, and the test controls over the same
 * state. No HTTP in here.
 *
 * <p>Every operation runs under the read side of one lock and is atomic on its own through the store; replacing the
 * whole state ({@link #clear()}, {@link #load(StateSnapshot.Document, boolean)}) takes the write side, so it never interleaves with an
 * operation in flight and the store's indexes and the pending lifecycles always change together.
 */
public final class WorkspaceService {

    /** How often CreateDefaultWorkspace draws another id when the generated name or id turns out to be taken. */
    private static final int MAX_DEFAULT_ATTEMPTS = 1_000;

    /** A consistent view of the state: every workspace, oldest first, and the ids of the default ones. */
    public record View(
            List<Workspace> workspaces, Set<String> defaultIds, List<User> users, Map<String, List<Member>> members) {}

    private final WorkspaceStore store;
    private final Clock clock;
    private final WorkspaceIds ids;
    private final Account defaultOwner;
    private final WorkspaceStatus initialStatus;
    private final WorkspaceLifecycle lifecycle;
    private final PendingDeletions deletions;
    private final WorkspaceMembers members;
    private final UserDirectory users;
    private final StateLock stateLock;
    private Consumer<String> whenRemoved = workspaceId -> {};

    public WorkspaceService(
            StateLock stateLock,
            WorkspaceStore store,
            WorkspaceMembers members,
            UserDirectory users,
            Clock clock,
            WorkspaceIds ids,
            Account defaultOwner,
            WorkspaceStatus initialStatus) {
        this.stateLock = stateLock;
        this.members = members;
        this.users = users;
        this.store = store;
        this.lifecycle = new WorkspaceLifecycle(clock);
        this.deletions = new PendingDeletions(clock);
        this.clock = clock;
        this.ids = ids;
        this.defaultOwner = defaultOwner;
        this.initialStatus = initialStatus;
    }

    /** CreateWorkspace: stores a new workspace unless the caller already has one with that name. */
    public Workspace create(Account caller, CreateWorkspaceRequest request) {
        WorkspaceSeed seed = WorkspaceSeed.builder(request.workspaceName())
                .description(request.description())
                .displayName(request.displayName())
                .envTypes(request.envTypes().toArray(String[]::new))
                .resourceGroupId(request.resourceGroupId())
                .owner(caller)
                .build();
        return insert(seed);
    }

    /** GetWorkspace: the caller's workspace with this id; another account's is as unknown as a missing one. */
    public Workspace get(Account caller, String workspaceId) {
        return shared(() -> store.find(workspaceId)
                .filter(workspace -> workspace.owner().accountId().equals(caller.accountId()))
                .flatMap(this::readThroughApi)
                .orElseThrow(WorkspaceService::notFound));
    }

    /**
     * ListWorkspaces: one page of the caller's workspaces that pass the query's filters, in its order, and how many
     * pass. Without filters it takes the count from the store and reads the order only up to the page, from the nearer
     * end, so the first and last pages of a large store cost what a small store's do. Reads by listing count towards
     * no transition.
     */
    public Page<Workspace> list(Account caller, ListWorkspacesRequest request) {
        return shared(() -> {
            settlePending();
            // a page number so large that the product overflows lies beyond any store's last page
            long from = request.pageNumber() - 1 > Long.MAX_VALUE / request.pageSize()
                    ? Long.MAX_VALUE
                    : (request.pageNumber() - 1) * request.pageSize();
            boolean byModification = request.sortBy() == ListWorkspacesRequest.SortBy.GmtModifiedTime;
            if (request.filtersNothing()) {
                return unfilteredPage(caller, byModification, request.descending(), from, request.pageSize());
            }
            java.util.stream.Stream<Workspace> callers = store.inOrder(byModification, request.descending())
                    .filter(workspace -> workspace.owner().accountId().equals(caller.accountId()));
            List<Workspace> page = new ArrayList<>();
            long[] matches = {0};
            callers.filter(workspace -> request.matches(
                            workspace,
                            (workspaceId, userId) ->
                                    members.byUser(workspaceId, userId).isPresent()))
                    .forEach(workspace -> {
                        if (matches[0] >= from && page.size() < request.pageSize()) {
                            page.add(workspace);
                        }
                        matches[0]++;
                    });
            return new Page<>(List.copyOf(page), matches[0]);
        });
    }

    /**
     * A page when every workspace of the caller matches: the store counts them, and the order is read only as far as
     * the page, from whichever end is nearer (a page past the middle is read backwards and turned around).
     */
    private Page<Workspace> unfilteredPage(
            Account caller, boolean byModification, boolean descending, long from, int pageSize) {
        long total = store.countOf(caller.accountId());
        if (from >= total) {
            return new Page<>(List.of(), total);
        }
        long to = Math.min(total, from + pageSize);
        boolean backwards = from > total - to;
        List<Workspace> page = new ArrayList<>(store.inOrder(byModification, descending != backwards)
                .filter(workspace -> workspace.owner().accountId().equals(caller.accountId()))
                .skip(backwards ? total - to : from)
                .limit(to - from)
                .toList());
        if (backwards) {
            java.util.Collections.reverse(page);
        }
        return new Page<>(List.copyOf(page), total);
    }

    /**
     * Completes the due time-driven transitions and deletions before a listing reads the orders, so the listing sees
     * each workspace once, as it is now.
     */
    private void settlePending() {
        Set<String> pending = new HashSet<>(lifecycle.pendingIds());
        pending.addAll(deletions.pendingIds());
        pending.forEach(workspaceId -> store.find(workspaceId).ifPresent(this::settle));
    }

    /** One page of a listing and the number of all matches. */
    public record Page<T>(List<T> items, long totalCount) {

        /** Page {@code pageNumber} (from 1) of {@code pageSize} of the matches. */
        static <T> Page<T> of(List<T> matches, long pageNumber, int pageSize) {
            long from = (pageNumber - 1) * pageSize;
            List<T> page = from >= matches.size()
                    ? List.of()
                    : matches.subList((int) from, (int) Math.min(matches.size(), from + pageSize));
            return new Page<>(page, matches.size());
        }
    }

    /** UpdateWorkspace: changes the caller's workspace's DisplayName and Description; GmtModifiedTime advances. */
    public Workspace update(Account caller, String workspaceId, UpdateWorkspaceRequest request) {
        return shared(() -> {
            owned(caller, workspaceId);
            Instant now = now();
            return store.update(workspaceId, workspace -> request.applyTo(workspace, after(workspace, now)))
                    .orElseThrow(WorkspaceService::notFound);
        });
    }

    /** ChangeResourceGroup: moves the caller's workspace to another resource group; GmtModifiedTime advances. */
    public Workspace changeResourceGroup(Account caller, ChangeResourceGroupRequest request) {
        return shared(() -> {
            owned(caller, request.resourceId());
            Instant now = now();
            return store.update(
                            request.resourceId(),
                            workspace -> Workspace.of(workspace
                                    .toSeed()
                                    .resourceGroupId(request.newResourceGroupId())
                                    .gmtModifiedTime(after(workspace, now))
                                    .build()))
                    .orElseThrow(WorkspaceService::notFound);
        });
    }

    /**
     * DeleteWorkspace: deletes the caller's workspace, at once or, when test code delays deletions, once the delay is
     * over. A deleted default workspace leaves the caller without one.
     */
    public void delete(Account caller, String workspaceId) {
        shared(() -> {
            owned(caller, workspaceId);
            if (deletions.accept(workspaceId)) {
                removeNow(workspaceId);
            }
            return null;
        });
    }

    /** UpdateDefaultWorkspace: makes one of the caller's workspaces its default, replacing any earlier one. */
    public Workspace updateDefault(Account caller, String workspaceId) {
        return shared(() -> {
            Workspace workspace = owned(caller, workspaceId);
            store.setDefault(caller.accountId(), workspaceId);
            return workspace;
        });
    }

    /** Deletes a stored workspace at once, whoever owns it and however deletions are delayed. */
    public Optional<Workspace> remove(String workspaceId) {
        return shared(() -> removeNow(workspaceId));
    }

    private Optional<Workspace> removeNow(String workspaceId) {
        lifecycle.forget(workspaceId);
        deletions.forget(workspaceId);
        members.forget(workspaceId);
        Optional<Workspace> removed = store.remove(workspaceId);
        removed.ifPresent(workspace -> whenRemoved.accept(workspaceId));
        return removed;
    }

    /**
     * Tells {@code listener} the id of every workspace removed from now on, as it is removed (what the workspace owned
     * goes with it).
     */
    public void whenRemoved(Consumer<String> listener) {
        this.whenRemoved = listener;
    }

    /** Deletions accepted from now on take effect after this many GetWorkspace reads of the workspace. */
    public void deleteAfterReads(int reads) {
        deletions.afterReads(reads);
    }

    /** Deletions accepted from now on take effect once the fake's clock is {@code delay} further on. */
    public void deleteAfter(Duration delay) {
        deletions.after(delay);
    }

    /** GetDefaultWorkspace: the caller's default workspace. */
    public Workspace getDefault(Account caller) {
        return shared(() -> store.defaultWorkspaceId(caller.accountId())
                .flatMap(store::find)
                .flatMap(this::readThroughApi)
                .orElseThrow(() -> new ApiException(
                        ErrorCode.DEFAULT_WORKSPACE_NOT_FOUND,
                        "Default workspace not exists: create it with CreateDefaultWorkspace first.")));
    }

    /**
     * CreateDefaultWorkspace: creates the caller's one default workspace, named {@code default_<WorkspaceId>}, or
     * refuses if it has one. Storing and marking it default are one step, so of racing callers exactly one wins and
     * no other's workspace is ever stored. A name the caller already uses only makes it draw another id.
     */
    public Workspace createDefault(Account caller, CreateDefaultWorkspaceRequest request) {
        return shared(() -> {
            if (store.defaultWorkspaceId(caller.accountId()).isPresent()) {
                throw defaultExists();
            }
            for (int attempt = 0; attempt < MAX_DEFAULT_ATTEMPTS; attempt++) {
                String workspaceId = newId();
                Workspace workspace = withId(
                        complete(WorkspaceSeed.builder("default_" + workspaceId)
                                .description(request.description())
                                .envTypes(request.envTypes())
                                .owner(caller)
                                .build()),
                        workspaceId);
                switch (store.insertDefault(workspace)) {
                    case INSERTED -> {
                        ids.taken(workspaceId);
                        members.start(workspaceId, List.of(MemberService.ownerOf(workspace)));
                        return workspace;
                    }
                    case DEFAULT_TAKEN -> throw defaultExists();
                    case FULL -> throw quotaExceeded();
                    case NAME_TAKEN, ID_TAKEN -> {}
                }
            }
            throw new IllegalStateException(
                    "No free WorkspaceId for a default workspace after " + MAX_DEFAULT_ATTEMPTS + " attempts.");
        });
    }

    /** Whether this workspace is its owner's default. */
    public boolean isDefault(Workspace workspace) {
        return store.defaultWorkspaceId(workspace.owner().accountId())
                .filter(workspace.workspaceId()::equals)
                .isPresent();
    }

    /**
     * Completes a seed with the fake's defaults and stores it. A taken name is refused with an {@link ApiException},
     * a taken explicit id with an {@link IllegalStateException}; an id the fake picks is never one in use.
     */
    public Workspace insert(WorkspaceSeed seed) {
        return shared(() -> {
            while (true) {
                String workspaceId = seed.workspaceId() != null ? seed.workspaceId() : newId();
                Workspace complete = withId(complete(seed), workspaceId);
                switch (store.insert(complete)) {
                    case INSERTED -> {
                        ids.taken(workspaceId);
                        members.start(workspaceId, List.of(MemberService.ownerOf(complete)));
                        return complete;
                    }
                    case NAME_TAKEN ->
                        throw new ApiException(
                                ErrorCode.WORKSPACE_NAME_TAKEN,
                                "The workspace name \"" + complete.workspaceName()
                                        + "\" already exists in this region.");
                    case FULL -> throw quotaExceeded();
                    case ID_TAKEN -> {
                        if (seed.workspaceId() != null) {
                            throw new IllegalStateException("WorkspaceId \"" + workspaceId + "\" is already stored.");
                        }
                    }
                    case DEFAULT_TAKEN -> throw new IllegalStateException("insert never claims a default");
                }
            }
        });
    }

    /**
     * Stores the workspaces of a seed or snapshot all at once, or nothing: the whole input is checked first
     * ({@link WorkspaceBatch}); a problem is an {@link IllegalArgumentException} naming it and changes nothing. With
     * {@code replace} the input takes the place of everything stored, pending lifecycles included.
     */
    public void load(StateSnapshot.Document document, boolean replace) {
        exclusive(() -> {
            List<StateSnapshot.Entry> entries = document.entries();
            List<WorkspaceSeed> completed = new ArrayList<>();
            List<Boolean> defaults = new ArrayList<>();
            for (StateSnapshot.Entry entry : entries) {
                completed.add(complete(entry.workspace()));
                defaults.add(entry.isDefault());
            }
            new WorkspaceBatch(completed, defaults).problem(store, replace).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            List<User> newUsers = seededUsers(document.users());
            Set<String> used = completed.stream()
                    .map(WorkspaceSeed::workspaceId)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toCollection(HashSet::new));
            List<Workspace> withIds = new ArrayList<>();
            long idsBefore = ids.upcoming();
            for (WorkspaceSeed workspace : completed) {
                String workspaceId = workspace.workspaceId() != null
                        ? workspace.workspaceId()
                        : ids.next(candidate -> used.contains(candidate)
                                || (!replace && store.find(candidate).isPresent()));
                used.add(workspaceId);
                withIds.add(withId(workspace, workspaceId));
            }
            List<List<Member>> memberLists = new ArrayList<>();
            try {
                for (int i = 0; i < withIds.size(); i++) {
                    memberLists.add(seededMembers(
                            withIds.get(i), entries.get(i).members(), newUsers, replace, "workspaces[" + i + "]"));
                }
            } catch (RuntimeException refused) {
                ids.rewind(idsBefore); // a refused document changes nothing, the id sequence included
                throw refused;
            }
            if (replace) {
                lifecycle.clear();
                deletions.clear();
                members.clear();
                store.clear();
                users.replaceAll(newUsers);
            } else {
                newUsers.forEach(users::add);
            }
            for (int i = 0; i < withIds.size(); i++) {
                Workspace workspace = withIds.get(i);
                if (store.insert(workspace) != WorkspaceStore.InsertResult.INSERTED) {
                    throw new IllegalStateException("a checked batch could not be stored: " + workspace.workspaceId());
                }
                ids.taken(workspace.workspaceId());
                members.start(workspace.workspaceId(), memberLists.get(i));
                if (defaults.get(i)) {
                    store.setDefault(workspace.owner().accountId(), workspace.workspaceId());
                }
            }
            return null;
        });
    }

    /** The document's RAM users, each checked: not an account's own user, listed once. */
    private List<User> seededUsers(List<StateSnapshot.UserSeed> seeds) {
        List<User> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < seeds.size(); i++) {
            StateSnapshot.UserSeed seed = seeds.get(i);
            String accountId = seed.accountId() == null ? defaultOwner.accountId() : seed.accountId();
            if (seed.userId().equals(accountId)) {
                throw new IllegalArgumentException("users[" + i + "]: UserId " + seed.userId()
                        + " is the account itself, whose user always exists");
            }
            if (!seen.add(accountId + "\u0000" + seed.userId())) {
                throw new IllegalArgumentException(
                        "users[" + i + "]: UserId " + seed.userId() + " of account " + accountId + " is listed twice");
            }
            result.add(new User(accountId, seed.userId(), seed.userName(), seed.displayName()));
        }
        return result;
    }

    /**
     * A seeded workspace's members: its owner first (with the roles the document gives it, PAI.WorkspaceOwner always
     * among them), then the listed ones, each a user of the workspace's account, listed once.
     */
    private List<Member> seededMembers(
            Workspace workspace,
            List<StateSnapshot.MemberSeed> seeds,
            List<User> newUsers,
            boolean replace,
            String where) {
        Account account = workspace.owner();
        Member owner = MemberService.ownerOf(workspace);
        Map<String, Member> byUser = new LinkedHashMap<>();
        byUser.put(owner.user().userId(), owner);
        for (int i = 0; i < seeds.size(); i++) {
            StateSnapshot.MemberSeed seed = seeds.get(i);
            String at = where + ".Members[" + i + "]";
            Instant joined = seed.gmtCreateTime() != null ? seed.gmtCreateTime() : workspace.gmtCreateTime();
            if (seed.userId().equals(owner.user().userId())) {
                LinkedHashSet<String> roles = new LinkedHashSet<>(seed.roles());
                roles.add(WorkspaceRoles.OWNER);
                byUser.put(
                        seed.userId(),
                        new Member(
                                workspace.workspaceId(), owner.memberId(), owner.user(), List.copyOf(roles), joined));
                continue;
            }
            User user = newUsers.stream()
                    .filter(u -> u.accountId().equals(account.accountId())
                            && u.userId().equals(seed.userId()))
                    .findFirst()
                    .or(() -> replace ? Optional.empty() : users.find(account, seed.userId()))
                    .orElseThrow(() -> new IllegalArgumentException(at + ": UserId " + seed.userId()
                            + " is not a user of account " + account.accountId() + " (list it under \"users\")"));
            if (byUser.containsKey(user.userId())) {
                throw new IllegalArgumentException(at + ": UserId " + user.userId() + " is listed twice");
            }
            byUser.put(
                    user.userId(),
                    new Member(
                            workspace.workspaceId(),
                            WorkspaceMembers.memberId(workspace.workspaceId(), user.userId()),
                            user,
                            seed.roles(),
                            joined));
        }
        return List.copyOf(byUser.values());
    }

    /** The stored workspace with this id, whoever owns it, with a due time-driven transition applied. */
    public Optional<Workspace> find(String workspaceId) {
        return shared(() -> store.find(workspaceId).flatMap(this::settle));
    }

    /** Every stored workspace, oldest first, with due time-driven transitions applied. */
    public List<Workspace> all() {
        return shared(this::settledAll);
    }

    /** The default workspace of this account, if it has one. */
    public Optional<Workspace> defaultWorkspace(String accountId) {
        return shared(
                () -> store.defaultWorkspaceId(accountId).flatMap(store::find).flatMap(this::settle));
    }

    /** Every workspace and default mark at one moment: no reset or restore happens in between. */
    public View view() {
        return shared(() -> {
            List<Workspace> workspaces = settledAll();
            Set<String> defaultIds = workspaces.stream()
                    .filter(this::isDefault)
                    .map(Workspace::workspaceId)
                    .collect(Collectors.toUnmodifiableSet());
            Map<String, List<Member>> membersById = new HashMap<>();
            workspaces.forEach(
                    workspace -> membersById.put(workspace.workspaceId(), members.members(workspace.workspaceId())));
            return new View(workspaces, defaultIds, users.all(), membersById);
        });
    }

    /**
     * Every workspace and default mark exactly as stored, without completing a due transition: what a data
     * directory's checkpoint holds. The caller keeps changes out meanwhile (it holds the writer's turn).
     */
    public View storedView() {
        List<Workspace> workspaces = store.all();
        Set<String> defaultIds = workspaces.stream()
                .filter(this::isDefault)
                .map(Workspace::workspaceId)
                .collect(Collectors.toUnmodifiableSet());
        Map<String, List<Member>> membersById = new HashMap<>();
        workspaces.forEach(
                workspace -> membersById.put(workspace.workspaceId(), members.members(workspace.workspaceId())));
        return new View(workspaces, defaultIds, users.all(), membersById);
    }

    /** A workspace exactly as stored, with its default mark and members; empty when none has this id. */
    public Optional<StateSnapshot.StoredWorkspace> stored(String workspaceId) {
        return store.find(workspaceId)
                .map(workspace -> new StateSnapshot.StoredWorkspace(
                        workspace, isDefault(workspace), members.members(workspaceId)));
    }

    /** The WorkspaceId the fake's own sequence hands out next. */
    public long upcomingId() {
        return ids.upcoming();
    }

    /** Moves the fake's own WorkspaceId sequence on to {@code next}; it never goes back. */
    public void advanceIdsTo(long next) {
        ids.advanceTo(next);
    }

    /** Makes a stored workspace its owner's default, replacing any earlier default. */
    public Optional<Workspace> makeDefault(String workspaceId) {
        return shared(() -> store.find(workspaceId).map(workspace -> {
            store.setDefault(workspace.owner().accountId(), workspaceId);
            return workspace;
        }));
    }

    /** Sets a stored workspace's status, stamping the modification time; cancels a pending transition. */
    public Optional<Workspace> changeStatus(String workspaceId, WorkspaceStatus status) {
        return shared(() -> {
            Instant now = now();
            return store.update(workspaceId, workspace -> {
                lifecycle.forget(workspaceId);
                return workspace.withStatus(status, now);
            });
        });
    }

    /** Puts a workspace in INITIALIZING; it becomes ENABLED after {@code reads} reads of it. */
    public Optional<Workspace> enableAfterReads(String workspaceId, int reads) {
        return shared(() -> {
            Instant now = now();
            return store.update(workspaceId, workspace -> {
                lifecycle.enableAfterReads(workspaceId, reads);
                return workspace.withStatus(WorkspaceStatus.INITIALIZING, now);
            });
        });
    }

    /** Puts a workspace in INITIALIZING; it becomes ENABLED once the fake's clock is {@code delay} further on. */
    public Optional<Workspace> enableAfter(String workspaceId, Duration delay) {
        return shared(() -> {
            Instant now = now();
            return store.update(workspaceId, workspace -> {
                lifecycle.enableAfter(workspaceId, delay);
                return workspace.withStatus(WorkspaceStatus.INITIALIZING, now);
            });
        });
    }

    /** How many creation stages the workspace has reached, for GetDefaultWorkspace's Conditions. */
    public int stagesReached(Workspace workspace) {
        return lifecycle.stagesReached(workspace);
    }

    /** Forgets every workspace, default mark and pending transition, at once. */
    public void clear() {
        exclusive(() -> {
            lifecycle.clear();
            deletions.clear();
            members.clear();
            users.clear();
            store.clear();
            return null;
        });
    }

    /**
     * A read through the API: counts towards a transition or deletion waiting for reads, and completes a due one;
     * empty when the read completes the workspace's deletion.
     */
    private Optional<Workspace> readThroughApi(Workspace workspace) {
        return transition(workspace, true);
    }

    /** A read by test code or a listing: completes a due time-driven transition or deletion, counts no read. */
    private Optional<Workspace> settle(Workspace workspace) {
        return transition(workspace, false);
    }

    private Optional<Workspace> transition(Workspace workspace, boolean countsAsRead) {
        String workspaceId = workspace.workspaceId();
        if (deletions.isPending(workspaceId) && deletions.due(workspaceId, countsAsRead)) {
            removeNow(workspaceId);
            return Optional.empty();
        }
        if (workspace.status() != WorkspaceStatus.INITIALIZING || !lifecycle.pending(workspaceId)) {
            return Optional.of(workspace);
        }
        Instant now = now();
        return Optional.of(store.update(workspaceId, current -> {
                    boolean completes = current.status() == WorkspaceStatus.INITIALIZING
                            && (countsAsRead
                                    ? lifecycle.readCompletes(workspaceId)
                                    : lifecycle.timeCompletes(workspaceId));
                    return completes ? current.withStatus(WorkspaceStatus.ENABLED, now) : current;
                })
                .orElse(workspace));
    }

    private List<Workspace> settledAll() {
        List<Workspace> workspaces = store.all();
        if (workspaces.stream()
                .noneMatch(workspace -> workspace.status() == WorkspaceStatus.INITIALIZING
                        || deletions.isPending(workspace.workspaceId()))) {
            return workspaces;
        }
        return workspaces.stream().map(this::settle).flatMap(Optional::stream).toList();
    }

    /** The caller's stored workspace with this id, or the not-found error; another account's is as unknown. */
    public Workspace owned(Account caller, String workspaceId) {
        return store.find(workspaceId)
                .filter(workspace -> workspace.owner().accountId().equals(caller.accountId()))
                .flatMap(this::settle)
                .orElseThrow(WorkspaceService::notFound);
    }

    /** A modification time after the workspace's last one, so GmtModifiedTime always advances. */
    private static Instant after(Workspace workspace, Instant now) {
        return now.isAfter(workspace.gmtModifiedTime())
                ? now
                : workspace.gmtModifiedTime().plusMillis(1);
    }

    public static ApiException notFound() {
        return new ApiException(ErrorCode.WORKSPACE_NOT_FOUND, "Workspace not exists");
    }

    /** The seed with the fake's defaults for every field left unset, but the id, which may still be null. */
    private WorkspaceSeed complete(WorkspaceSeed seed) {
        Account owner = Optional.ofNullable(seed.owner()).orElse(defaultOwner);
        Instant created = Optional.ofNullable(seed.gmtCreateTime()).orElseGet(this::now);
        return seed.toBuilder()
                .displayName(Optional.ofNullable(seed.displayName()).orElse(seed.workspaceName()))
                .resourceGroupId(
                        Optional.ofNullable(seed.resourceGroupId()).orElseGet(() -> defaultResourceGroupId(owner)))
                .status(Optional.ofNullable(seed.status()).orElse(initialStatus))
                .owner(owner)
                .gmtCreateTime(created)
                .gmtModifiedTime(Optional.ofNullable(seed.gmtModifiedTime()).orElse(created))
                .build();
    }

    private static Workspace withId(WorkspaceSeed completed, String workspaceId) {
        return Workspace.of(completed.toBuilder().workspaceId(workspaceId).build());
    }

    private String newId() {
        return ids.next(candidate -> store.find(candidate).isPresent());
    }

    /** Now on the fake's clock, to the millisecond the API reports. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Runs a member operation as one step with respect to resets and snapshot swaps, as the workspace operations run. */
    public <T> T withState(Supplier<T> action) {
        return shared(action);
    }

    private <T> T shared(Supplier<T> action) {
        return stateLock.shared(action);
    }

    private <T> T exclusive(Supplier<T> action) {
        return stateLock.exclusive(action);
    }

    private static String defaultResourceGroupId(Account owner) {
        return "rg-acfm" + owner.accountId();
    }

    private static ApiException defaultExists() {
        return new ApiException(ErrorCode.DEFAULT_WORKSPACE_EXISTS, "Default workspace already exists.");
    }

    private static ApiException quotaExceeded() {
        return new ApiException(
                ErrorCode.WORKSPACE_QUOTA_EXCEEDED,
                "The fake holds as many workspaces as it may; raise PaiWorkspaceFake.Builder#maxWorkspaces.");
    }
}
