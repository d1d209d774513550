package io.github.paiworkspacefake.server.internal.domain;

import java.util.List;

/** A validated CreateWorkspace body. {@code displayName} and {@code resourceGroupId} are null when not given. */
public record CreateWorkspaceRequest(
        String workspaceName, String description, String displayName, List<String> envTypes, String resourceGroupId) {

    /** Reads and validates the body: required members first, then each documented rule. */
    public static CreateWorkspaceRequest from(JsonBody body) {
        String workspaceName = body.requiredString("WorkspaceName");
        String description = body.requiredString("Description");
        List<String> envTypes = body.optionalStringList("EnvTypes").orElseThrow(() -> ApiException.missing("EnvTypes"));
        String displayName = body.optionalString("DisplayName")
                .filter(value -> !value.isEmpty())
                .orElse(null);
        String resourceGroupId = body.optionalString("ResourceGroupId")
                .filter(value -> !value.isEmpty())
                .orElse(null);
        WorkspaceRules.checkWorkspaceName(workspaceName);
        WorkspaceRules.checkDescription(description);
        WorkspaceRules.checkEnvTypes(envTypes);
        return new CreateWorkspaceRequest(workspaceName, description, displayName, envTypes, resourceGroupId);
    }
}
