package io.github.paiworkspacefake.server.internal.domain;

/** A validated ChangeResourceGroup body: the workspace to move and its new resource group. */
public record ChangeResourceGroupRequest(String resourceId, String newResourceGroupId) {

    /** The only {@code ResourceType} the operation takes. */
    public static final String WORKSPACE = "workspace";

    public static ChangeResourceGroupRequest from(JsonBody body) {
        String resourceId = body.requiredString("ResourceId");
        String newResourceGroupId = body.requiredString("NewResourceGroupId");
        String resourceType = body.requiredString("ResourceType");
        if (!resourceType.equals(WORKSPACE)) {
            throw ApiException.invalid(
                    "ResourceType", "it must be \"" + WORKSPACE + "\", got \"" + resourceType + "\".");
        }
        if (newResourceGroupId.isBlank()) {
            throw ApiException.invalid("NewResourceGroupId", "it must not be empty.");
        }
        return new ChangeResourceGroupRequest(resourceId, newResourceGroupId);
    }
}
