package io.github.paiworkspacefake.server.internal.domain;

import java.util.List;

/**
 * A validated CreateDefaultWorkspace body. Every member is optional: Description defaults to empty, EnvTypes to
 * basic mode, Resources to none; what is given follows the same rules as CreateWorkspace.
 */
public record CreateDefaultWorkspaceRequest(String description, List<String> envTypes, List<String> productTypes) {

    public static CreateDefaultWorkspaceRequest from(JsonBody body) {
        String description = body.optionalString("Description").orElse("");
        List<String> envTypes = body.optionalStringList("EnvTypes").orElse(List.of("prod"));
        List<String> productTypes = body.optionalObjectList("Resources").orElse(List.of()).stream()
                .map(resource -> resource.requiredString("ProductType"))
                .toList();
        WorkspaceRules.checkDescription(description);
        WorkspaceRules.checkEnvTypes(envTypes);
        return new CreateDefaultWorkspaceRequest(description, envTypes, productTypes);
    }
}
