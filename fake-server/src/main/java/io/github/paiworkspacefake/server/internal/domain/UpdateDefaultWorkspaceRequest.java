package io.github.paiworkspacefake.server.internal.domain;

/** A validated UpdateDefaultWorkspace body: the caller's workspace to make its default. */
public record UpdateDefaultWorkspaceRequest(String workspaceId) {

    public static UpdateDefaultWorkspaceRequest from(JsonBody body) {
        return new UpdateDefaultWorkspaceRequest(body.requiredString("WorkspaceId"));
    }
}
