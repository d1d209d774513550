package io.github.paiworkspacefake.contract;

import java.util.Objects;

/**
 * A workspace a contract run created, so that it can be listed at the end of the run and deleted.
 *
 * @param kind          a workspace from CreateWorkspace or the account's default workspace from CreateDefaultWorkspace
 * @param workspaceId   its WorkspaceId
 * @param workspaceName the name it was created with; empty for a default workspace, whose name the service chooses
 * @param check         the check (or setup step) that created it
 */
public record CreatedResource(Kind kind, String workspaceId, String workspaceName, String check) {

    /** What kind of resource a run created. */
    public enum Kind {
        /** A workspace made by CreateWorkspace; cleanup deletes it. */
        WORKSPACE,
        /** The account's default workspace made by CreateDefaultWorkspace; an account setup, never deleted. */
        DEFAULT_WORKSPACE
    }

    /** Checks that the kind and id are present. */
    public CreatedResource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(workspaceId, "workspaceId");
        workspaceName = workspaceName == null ? "" : workspaceName;
        check = check == null ? "" : check;
    }

    /** A line for people: {@code workspace 100001 (pfct_k3x9...)} or {@code default workspace 100002}. */
    public String describe() {
        return (kind == Kind.WORKSPACE ? "workspace " : "default workspace ")
                + workspaceId
                + (workspaceName.isEmpty() ? "" : " (" + workspaceName + ")");
    }
}
