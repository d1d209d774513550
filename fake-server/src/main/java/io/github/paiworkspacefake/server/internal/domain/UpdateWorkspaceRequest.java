package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Workspace;
import java.time.Instant;
import java.util.Optional;

/**
 * An UpdateWorkspace request: what to change, each member optional. Other body members are ignored (Terraform also
 * sends {@code WorkspaceId}). An empty {@code DisplayName} means the workspace's name, as on create.
 */
public record UpdateWorkspaceRequest(Optional<String> description, Optional<String> displayName) {

    /** The workspace with these changes, modified at {@code when}. */
    public Workspace applyTo(Workspace workspace, Instant when) {
        String newDisplayName = displayName
                .map(name -> name.isEmpty() ? workspace.workspaceName() : name)
                .orElse(workspace.displayName());
        return Workspace.of(workspace
                .toSeed()
                .displayName(newDisplayName)
                .description(description.orElse(workspace.description()))
                .gmtModifiedTime(when)
                .build());
    }
}
