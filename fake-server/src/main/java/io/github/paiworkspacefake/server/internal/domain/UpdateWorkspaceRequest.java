package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Workspace;
import java.time.Instant;
import java.util.Optional;

/**
 * A validated UpdateWorkspace body: what to change, each member optional and checked as on CreateWorkspace. Other
 * members are ignored (Terraform also sends {@code WorkspaceId}). An empty {@code DisplayName} means the workspace's
 * name, as on create.
 */
public record UpdateWorkspaceRequest(Optional<String> description, Optional<String> displayName) {

    public static UpdateWorkspaceRequest from(JsonBody body) {
        Optional<String> description = body.optionalString("Description");
        Optional<String> displayName = body.optionalString("DisplayName");
        description.ifPresent(WorkspaceRules::checkDescription);
        return new UpdateWorkspaceRequest(description, displayName);
    }

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
