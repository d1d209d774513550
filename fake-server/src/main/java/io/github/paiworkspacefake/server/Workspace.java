package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A workspace as the fake stores it and answers with it: every field is set. Test code reads these from
 * {@link PaiWorkspaceFake#workspaces()} and friends, and seeds new ones with {@link #builder(String)} (a
 * {@link WorkspaceSeed}) and {@link PaiWorkspaceFake#addWorkspace(WorkspaceSeed)}. A final class rather than a
 * record, so that fields can be added without breaking users' code.
 */
public final class Workspace {

    private final String workspaceId;
    private final String workspaceName;
    private final String displayName;
    private final String description;
    private final List<String> envTypes;
    private final String resourceGroupId;
    private final WorkspaceStatus status;
    private final Account owner;
    private final Instant gmtCreateTime;
    private final Instant gmtModifiedTime;

    private Workspace(WorkspaceSeed complete) {
        this.workspaceId = required(complete.workspaceId(), "workspaceId");
        this.workspaceName = complete.workspaceName();
        this.displayName = required(complete.displayName(), "displayName");
        this.description = complete.description();
        this.envTypes = complete.envTypes();
        this.resourceGroupId = required(complete.resourceGroupId(), "resourceGroupId");
        this.status = required(complete.status(), "status");
        this.owner = required(complete.owner(), "owner");
        this.gmtCreateTime = required(complete.gmtCreateTime(), "gmtCreateTime");
        this.gmtModifiedTime = required(complete.gmtModifiedTime(), "gmtModifiedTime");
    }

    /** Starts a seed for a workspace with this name: the same as {@link WorkspaceSeed#builder(String)}. */
    public static WorkspaceSeed.Builder builder(String workspaceName) {
        return WorkspaceSeed.builder(workspaceName);
    }

    /**
     * The stored workspace a complete seed describes; every field of the seed must be set ({@link NullPointerException}
     * names the first that is not). The fake makes these itself; test code may, to compare with what it reads.
     */
    public static Workspace of(WorkspaceSeed complete) {
        return new Workspace(Objects.requireNonNull(complete, "complete"));
    }

    /** A seed builder with every field of this workspace, to derive a changed one with {@link #of(WorkspaceSeed)}. */
    public WorkspaceSeed.Builder toSeed() {
        return WorkspaceSeed.builder(workspaceName)
                .workspaceId(workspaceId)
                .displayName(displayName)
                .description(description)
                .envTypes(envTypes)
                .resourceGroupId(resourceGroupId)
                .status(status)
                .owner(owner)
                .gmtCreateTime(gmtCreateTime)
                .gmtModifiedTime(gmtModifiedTime);
    }

    /** This workspace with another status, modified at {@code when}. */
    public Workspace withStatus(WorkspaceStatus newStatus, Instant when) {
        return of(toSeed().status(newStatus).gmtModifiedTime(when).build());
    }

    /** The {@code WorkspaceId}. */
    public String workspaceId() {
        return workspaceId;
    }

    /** The {@code WorkspaceName}, unique per account within the fake's region. */
    public String workspaceName() {
        return workspaceName;
    }

    /** The {@code DisplayName}. */
    public String displayName() {
        return displayName;
    }

    /** The {@code Description}. */
    public String description() {
        return description;
    }

    /** The {@code EnvTypes}: {@code [prod]} or {@code [dev, prod]}. */
    public List<String> envTypes() {
        return envTypes;
    }

    /** The {@code ResourceGroupId}. */
    public String resourceGroupId() {
        return resourceGroupId;
    }

    /** The {@code Status}. */
    public WorkspaceStatus status() {
        return status;
    }

    /** The owning account. */
    public Account owner() {
        return owner;
    }

    /** The {@code GmtCreateTime}. */
    public Instant gmtCreateTime() {
        return gmtCreateTime;
    }

    /** The {@code GmtModifiedTime}. */
    public Instant gmtModifiedTime() {
        return gmtModifiedTime;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Workspace that
                && workspaceId.equals(that.workspaceId)
                && workspaceName.equals(that.workspaceName)
                && displayName.equals(that.displayName)
                && description.equals(that.description)
                && envTypes.equals(that.envTypes)
                && resourceGroupId.equals(that.resourceGroupId)
                && status == that.status
                && owner.equals(that.owner)
                && gmtCreateTime.equals(that.gmtCreateTime)
                && gmtModifiedTime.equals(that.gmtModifiedTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                workspaceId,
                workspaceName,
                displayName,
                description,
                envTypes,
                resourceGroupId,
                status,
                owner,
                gmtCreateTime,
                gmtModifiedTime);
    }

    @Override
    public String toString() {
        return "Workspace[" + workspaceId + " " + workspaceName + ", " + status + ", owner " + owner.accountId() + "]";
    }

    private static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, () -> "a stored workspace needs " + name);
    }
}
