package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What test code asks the fake to store: {@link PaiWorkspaceFake#addWorkspace(WorkspaceSeed)}. Only the name is
 * required; every field left unset is filled in by the fake when the seed is added (a new id, the fake's account,
 * clock and initial status). What the fake then stores, and answers with, is a {@link Workspace}.
 */
public final class WorkspaceSeed {

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

    private WorkspaceSeed(Builder builder) {
        this.workspaceId = builder.workspaceId;
        this.workspaceName = builder.workspaceName;
        this.displayName = builder.displayName;
        this.description = builder.description;
        this.envTypes = List.copyOf(builder.envTypes);
        this.resourceGroupId = builder.resourceGroupId;
        this.status = builder.status;
        this.owner = builder.owner;
        this.gmtCreateTime = builder.gmtCreateTime;
        this.gmtModifiedTime = builder.gmtModifiedTime;
    }

    /** Starts a seed for a workspace with this name; every other field has a default. */
    public static Builder builder(String workspaceName) {
        return new Builder(workspaceName);
    }

    /** A builder with this seed's fields, to change some of them. */
    public Builder toBuilder() {
        return new Builder(workspaceName)
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

    /** The {@code WorkspaceId}, or null to let the fake assign one. */
    public String workspaceId() {
        return workspaceId;
    }

    /** The {@code WorkspaceName}. */
    public String workspaceName() {
        return workspaceName;
    }

    /** The {@code DisplayName}, or null for the workspace name. */
    public String displayName() {
        return displayName;
    }

    /** The {@code Description} (empty by default). */
    public String description() {
        return description;
    }

    /** The {@code EnvTypes} ({@code [prod]} by default). */
    public List<String> envTypes() {
        return envTypes;
    }

    /** The {@code ResourceGroupId}, or null for the owner's default group. */
    public String resourceGroupId() {
        return resourceGroupId;
    }

    /** The {@code Status}, or null for the fake's initial status. */
    public WorkspaceStatus status() {
        return status;
    }

    /** The owning account, or null for the fake's account. */
    public Account owner() {
        return owner;
    }

    /** The creation time, or null for now on the fake's clock. */
    public Instant gmtCreateTime() {
        return gmtCreateTime;
    }

    /** The last modification time, or null for the creation time. */
    public Instant gmtModifiedTime() {
        return gmtModifiedTime;
    }

    @Override
    public String toString() {
        return "WorkspaceSeed[" + workspaceName + (workspaceId == null ? "" : ", id " + workspaceId) + "]";
    }

    /** Settings of a {@link WorkspaceSeed}. */
    public static final class Builder {
        private String workspaceId;
        private final String workspaceName;
        private String displayName;
        private String description = "";
        private List<String> envTypes = List.of("prod");
        private String resourceGroupId;
        private WorkspaceStatus status;
        private Account owner;
        private Instant gmtCreateTime;
        private Instant gmtModifiedTime;

        private Builder(String workspaceName) {
            this.workspaceName = Objects.requireNonNull(workspaceName, "workspaceName");
        }

        /** Uses this id instead of one from the fake's id generator. */
        public Builder workspaceId(String value) {
            this.workspaceId = value;
            return this;
        }

        /** Sets {@code DisplayName}. */
        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        /** Sets {@code Description}. */
        public Builder description(String value) {
            this.description = Objects.requireNonNull(value, "description");
            return this;
        }

        /** Sets {@code EnvTypes}, for example {@code "dev", "prod"}. */
        public Builder envTypes(String... values) {
            return envTypes(List.of(values));
        }

        /** Sets {@code EnvTypes}. */
        public Builder envTypes(List<String> values) {
            this.envTypes = List.copyOf(values);
            return this;
        }

        /** Sets {@code ResourceGroupId}. */
        public Builder resourceGroupId(String value) {
            this.resourceGroupId = value;
            return this;
        }

        /** Sets {@code Status}. */
        public Builder status(WorkspaceStatus value) {
            this.status = value;
            return this;
        }

        /** Makes another account the owner, so only requests acting as it see the workspace. */
        public Builder owner(Account value) {
            this.owner = value;
            return this;
        }

        /** Sets {@code GmtCreateTime}. */
        public Builder gmtCreateTime(Instant value) {
            this.gmtCreateTime = value;
            return this;
        }

        /** Sets {@code GmtModifiedTime}. */
        public Builder gmtModifiedTime(Instant value) {
            this.gmtModifiedTime = value;
            return this;
        }

        /** The seed. */
        public WorkspaceSeed build() {
            return new WorkspaceSeed(this);
        }
    }
}
