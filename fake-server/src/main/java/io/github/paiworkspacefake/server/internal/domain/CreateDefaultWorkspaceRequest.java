package io.github.paiworkspacefake.server.internal.domain;

import java.util.List;

/**
 * A CreateDefaultWorkspace request. Every member is optional: Description defaults to empty, EnvTypes to basic mode,
 * Resources to none; what is given follows the same rules as CreateWorkspace.
 */
public record CreateDefaultWorkspaceRequest(String description, List<String> envTypes, List<String> productTypes) {

    public CreateDefaultWorkspaceRequest {
        WorkspaceRules.checkEnvTypes(envTypes);
        envTypes = List.copyOf(envTypes);
        productTypes = List.copyOf(productTypes);
    }
}
