package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A workspace as the fake stores it. Test code reads these from {@link PaiWorkspaceFake#workspaces()} and
 * seeds new ones with {@link #builder(String)} and {@link PaiWorkspaceFake#addWorkspace(Workspace)}.
 *
 * @param workspaceId     the {@code WorkspaceId}; {@code null} in a seed lets the fake assign one
 * @param workspaceName   the {@code WorkspaceName}, unique per account within the fake's region
 * @param displayName     the {@code DisplayName}; {@code null} in a seed means the workspace name
 * @param description     the {@code Description}
 * @param envTypes        the {@code EnvTypes}: {@code [prod]} or {@code [dev, prod]}
 * @param resourceGroupId the {@code ResourceGroupId}; {@code null} in a seed means the owner's default group
 * @param status          the {@code Status}; {@code null} in a seed means the fake's initial status
 * @param owner           the owning account; {@code null} in a seed means the fake's account
 * @param gmtCreateTime   creation time; {@code null} in a seed means now on the fake's clock
 * @param gmtModifiedTime last modification time; {@code null} in a seed means the creation time
 */
public record Workspace(
        String workspaceId,
        String workspaceName,
        String displayName,
        String description,
        List<String> envTypes,
        String resourceGroupId,
        WorkspaceStatus status,
        Account owner,
        Instant gmtCreateTime,
        Instant gmtModifiedTime) {

    /** Copies the environment list so a stored workspace cannot change under the fake. */
    public Workspace {
        Objects.requireNonNull(workspaceName, "workspaceName");
        envTypes = List.copyOf(envTypes == null ? List.of("prod") : envTypes);
    }

    /** Starts a seed for a workspace with this name; every other field has a default. */
    public static Builder builder(String workspaceName) {
        return new Builder(workspaceName);
    }

    /** This workspace with another status, modified at {@code when}. */
    public Workspace withStatus(WorkspaceStatus newStatus, Instant when) {
        return new Workspace(workspaceId, workspaceName, displayName, description, envTypes, resourceGroupId,
                newStatus, owner, gmtCreateTime, when);
    }

    /** Builds a seed for {@link PaiWorkspaceFake#addWorkspace(Workspace)}. */
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
            this.description = value;
            return this;
        }

        /** Sets {@code EnvTypes}, for example {@code "dev", "prod"}. */
        public Builder envTypes(String... values) {
            this.envTypes = List.of(values);
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

        /** The seed; fields left unset are filled in by the fake when it is added. */
        public Workspace build() {
            return new Workspace(workspaceId, workspaceName, displayName, description, envTypes, resourceGroupId,
                    status, owner, gmtCreateTime, gmtModifiedTime);
        }
    }
}
