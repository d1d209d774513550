package io.github.paiworkspacefake.server.internal.domain;

/** A ChangeResourceGroup request: the workspace to move and its new resource group. */
public record ChangeResourceGroupRequest(String resourceId, String newResourceGroupId) {

    public ChangeResourceGroupRequest {
        if (newResourceGroupId.isBlank()) {
            throw ApiException.invalid("NewResourceGroupId", "it must not be empty.");
        }
    }
}
