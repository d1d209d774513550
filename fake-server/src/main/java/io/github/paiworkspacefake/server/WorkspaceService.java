package io.github.paiworkspacefake.server;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/** The Workspace operations, as the service performs them for a calling account. No HTTP in here. */
final class WorkspaceService {

    private final WorkspaceStore store;
    private final Clock clock;
    private final Supplier<String> idGenerator;
    private final Account defaultOwner;
    private final WorkspaceStatus initialStatus;
    private final WorkspaceLifecycle lifecycle;

    WorkspaceService(WorkspaceStore store, Clock clock, Supplier<String> idGenerator, Account defaultOwner,
                     WorkspaceStatus initialStatus) {
        this.store = store;
        this.lifecycle = new WorkspaceLifecycle(clock);
        this.clock = clock;
        this.idGenerator = idGenerator;
        this.defaultOwner = defaultOwner;
        this.initialStatus = initialStatus;
    }

    /** CreateWorkspace: stores a new workspace unless the caller already has one with that name. */
    Workspace create(Account caller, CreateWorkspaceRequest request) {
        Workspace seed = Workspace.builder(request.workspaceName())
                .description(request.description())
                .displayName(request.displayName())
                .envTypes(request.envTypes().toArray(String[]::new))
                .resourceGroupId(request.resourceGroupId())
                .owner(caller)
                .build();
        return insert(seed);
    }

    /** GetWorkspace: the caller's workspace with this id; another account's is as unknown as a missing one. */
    Workspace get(Account caller, String workspaceId) {
        return store.find(workspaceId)
                .filter(workspace -> workspace.owner().accountId().equals(caller.accountId()))
                .map(this::read)
                .orElseThrow(() -> new ApiException(ErrorCode.WORKSPACE_NOT_FOUND, "Workspace not exists"));
    }

    /** GetDefaultWorkspace: the caller's default workspace. */
    Workspace getDefault(Account caller) {
        return store.defaultWorkspaceId(caller.accountId())
                .flatMap(store::find)
                .map(this::read)
                .orElseThrow(() -> new ApiException(ErrorCode.DEFAULT_WORKSPACE_NOT_FOUND,
                        "Default workspace not exists: create it with CreateDefaultWorkspace first."));
    }

    /** CreateDefaultWorkspace: creates the caller's one default workspace, or refuses if it has one. */
    Workspace createDefault(Account caller, CreateDefaultWorkspaceRequest request) {
        if (store.defaultWorkspaceId(caller.accountId()).isPresent()) {
            throw defaultExists();
        }
        String workspaceId = idGenerator.get();
        Workspace created = insert(Workspace.builder("default_" + workspaceId)
                .workspaceId(workspaceId)
                .description(request.description())
                .envTypes(request.envTypes().toArray(String[]::new))
                .owner(caller)
                .build());
        if (!store.setDefaultIfAbsent(caller.accountId(), created.workspaceId())) {
            store.remove(created.workspaceId());
            throw defaultExists();
        }
        return created;
    }

    /** Whether this workspace is its owner's default. */
    boolean isDefault(Workspace workspace) {
        return store.defaultWorkspaceId(workspace.owner().accountId())
                .filter(workspace.workspaceId()::equals)
                .isPresent();
    }

    /** Completes a seed with the fake's defaults and stores it; a taken name or id is refused. */
    Workspace insert(Workspace seed) {
        Account owner = Optional.ofNullable(seed.owner()).orElse(defaultOwner);
        Instant created = Optional.ofNullable(seed.gmtCreateTime()).orElseGet(this::now);
        Workspace complete = new Workspace(
                Optional.ofNullable(seed.workspaceId()).orElseGet(idGenerator),
                seed.workspaceName(),
                Optional.ofNullable(seed.displayName()).orElse(seed.workspaceName()),
                Optional.ofNullable(seed.description()).orElse(""),
                seed.envTypes(),
                Optional.ofNullable(seed.resourceGroupId()).orElseGet(() -> defaultResourceGroupId(owner)),
                Optional.ofNullable(seed.status()).orElse(initialStatus),
                owner,
                created,
                Optional.ofNullable(seed.gmtModifiedTime()).orElse(created));
        switch (store.insert(complete)) {
            case NAME_TAKEN -> throw new ApiException(ErrorCode.WORKSPACE_NAME_TAKEN,
                    "The workspace name \"" + complete.workspaceName() + "\" already exists in this region.");
            case FULL -> throw new ApiException(ErrorCode.WORKSPACE_QUOTA_EXCEEDED,
                    "The fake holds as many workspaces as it may; raise PaiWorkspaceFake.Builder#maxWorkspaces.");
            case ID_TAKEN -> throw new IllegalStateException(
                    "The id generator returned an id that is already in use: " + complete.workspaceId());
            case INSERTED -> { }
        }
        return complete;
    }

    /** Sets a stored workspace's status, stamping the modification time; cancels a pending transition. */
    Optional<Workspace> changeStatus(String workspaceId, WorkspaceStatus status) {
        lifecycle.forget(workspaceId);
        Instant now = now();
        return store.update(workspaceId, workspace -> workspace.withStatus(status, now));
    }

    /** Puts a workspace in INITIALIZING; it becomes ENABLED after {@code reads} reads of it. */
    Optional<Workspace> enableAfterReads(String workspaceId, int reads) {
        Optional<Workspace> initializing = changeStatus(workspaceId, WorkspaceStatus.INITIALIZING);
        initializing.ifPresent(workspace -> lifecycle.enableAfterReads(workspaceId, reads));
        return initializing;
    }

    /** Puts a workspace in INITIALIZING; it becomes ENABLED once the fake's clock is {@code delay} further on. */
    Optional<Workspace> enableAfter(String workspaceId, java.time.Duration delay) {
        Optional<Workspace> initializing = changeStatus(workspaceId, WorkspaceStatus.INITIALIZING);
        initializing.ifPresent(workspace -> lifecycle.enableAfter(workspaceId, delay));
        return initializing;
    }

    /** How many creation stages the workspace has reached, for GetDefaultWorkspace's Conditions. */
    int stagesReached(Workspace workspace) {
        return lifecycle.stagesReached(workspace);
    }

    /** Forgets every workspace and pending transition. */
    void clear() {
        lifecycle.clear();
        store.clear();
    }

    /** A read of a workspace through the API: it may complete a pending transition to ENABLED. */
    private Workspace read(Workspace workspace) {
        if (workspace.status() == WorkspaceStatus.INITIALIZING && lifecycle.readCompletes(workspace.workspaceId())) {
            Instant now = now();
            return store.update(workspace.workspaceId(), current -> current.withStatus(WorkspaceStatus.ENABLED, now))
                    .orElse(workspace);
        }
        return workspace;
    }

    /** Now on the fake's clock, to the millisecond the API reports. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String defaultResourceGroupId(Account owner) {
        return "rg-acfm" + owner.accountId();
    }

    private static ApiException defaultExists() {
        return new ApiException(ErrorCode.DEFAULT_WORKSPACE_EXISTS, "Default workspace already exists.");
    }
}
