package io.github.paiworkspacefake.server;

/** The documented values of a workspace's {@code Status}. */
public enum WorkspaceStatus {
    /** The workspace is running as normal. */
    ENABLED,
    /** The workspace is being initialized. */
    INITIALIZING,
    /** The workspace failed to be created. */
    FAILURE,
    /** The workspace is manually disabled. */
    DISABLED,
    /** The workspace is frozen due to an overdue payment. */
    FROZEN,
    /** The workspace is being updated. */
    UPDATING
}
