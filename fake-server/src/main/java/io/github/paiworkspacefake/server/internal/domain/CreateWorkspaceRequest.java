package io.github.paiworkspacefake.server.internal.domain;

import java.util.List;

/**
 * A CreateWorkspace request whose parameters the pipeline has checked against the catalogue (required, lengths, the
 * name's characters); the environments are checked here. {@code displayName} and {@code resourceGroupId} are null
 * when not given.
 */
public record CreateWorkspaceRequest(
        String workspaceName, String description, String displayName, List<String> envTypes, String resourceGroupId) {

    public CreateWorkspaceRequest {
        WorkspaceRules.checkEnvTypes(envTypes);
        envTypes = List.copyOf(envTypes);
    }
}
