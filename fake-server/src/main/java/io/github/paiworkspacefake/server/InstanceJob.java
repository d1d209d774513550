package io.github.paiworkspacefake.server;

/**
 * The job of a custom workspace role's creation, update or deletion, as GetInstanceJob reports it.
 *
 * @param instanceJobId its id: its type and the role's id, such as {@code CreateWorkspaceCustomRole-role-0k3z9wq1f8x2m}
 * @param type          {@code CreateWorkspaceCustomRole}, {@code UpdateWorkspaceCustomRole} or
 *                      {@code DeleteWorkspaceCustomRole}
 * @param instanceId    the role's id
 * @param workspaceId   the role's workspace
 * @param status        {@code Creating}, {@code Updating} or {@code Deleting} while it runs, then {@code Successful}
 *                      or {@code Failed}
 * @param reasonMessage why it failed, or empty
 */
public record InstanceJob(
        String instanceJobId, String type, String instanceId, String workspaceId, String status, String reasonMessage) {

    /** Whether the job has ended, successfully or not. */
    public boolean ended() {
        return status.equals("Successful") || status.equals("Failed");
    }
}
