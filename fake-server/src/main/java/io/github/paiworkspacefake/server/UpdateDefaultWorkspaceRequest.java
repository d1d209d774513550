package io.github.paiworkspacefake.server;

/** A validated UpdateDefaultWorkspace body: the caller's workspace to make its default. */
record UpdateDefaultWorkspaceRequest(String workspaceId) {

    static UpdateDefaultWorkspaceRequest from(JsonBody body) {
        return new UpdateDefaultWorkspaceRequest(body.requiredString("WorkspaceId"));
    }
}
