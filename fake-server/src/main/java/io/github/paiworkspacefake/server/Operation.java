package io.github.paiworkspacefake.server;

/**
 * The API operations the fake serves, by their names in the API reference: each is declared here once, with its
 * HTTP method and route. The routes, the faults, the request journal and the admin API all derive from this list;
 * the HTTP layer answers each constant through a switch that the compiler checks covers every one.
 */
public enum Operation {
    /** {@code POST /api/v1/workspaces}. */
    CreateWorkspace("POST", "/api/v1/workspaces"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}}. */
    GetWorkspace("GET", "/api/v1/workspaces/{WorkspaceId}"),
    /** {@code GET /api/v1/defaultWorkspaces}. */
    GetDefaultWorkspace("GET", "/api/v1/defaultWorkspaces"),
    /** {@code POST /api/v1/defaultWorkspaces}. */
    CreateDefaultWorkspace("POST", "/api/v1/defaultWorkspaces"),
    /** {@code GET /api/v1/workspaces}: paged, sorted and filtered by query parameters. */
    ListWorkspaces("GET", "/api/v1/workspaces"),
    /** {@code PUT /api/v1/workspaces/{WorkspaceId}}: DisplayName and Description. */
    UpdateWorkspace("PUT", "/api/v1/workspaces/{WorkspaceId}"),
    /** {@code DELETE /api/v1/workspaces/{WorkspaceId}}. */
    DeleteWorkspace("DELETE", "/api/v1/workspaces/{WorkspaceId}"),
    /** {@code PUT /api/v1/defaultWorkspaces}: makes one of the caller's workspaces its default. */
    UpdateDefaultWorkspace("PUT", "/api/v1/defaultWorkspaces"),
    /** {@code PUT /resourcegroups/action/changeresourcegroup}: moves a workspace to another resource group. */
    ChangeResourceGroup("PUT", "/resourcegroups/action/changeresourcegroup"),
    /** {@code POST /api/v1/workspaces/{WorkspaceId}/members}: adds users of the account with their roles. */
    CreateMember("POST", "/api/v1/workspaces/{WorkspaceId}/members"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/members}: paged and filtered. */
    ListMembers("GET", "/api/v1/workspaces/{WorkspaceId}/members"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/member} (singular): by MemberId or UserId. */
    GetMember("GET", "/api/v1/workspaces/{WorkspaceId}/member"),
    /** {@code DELETE /api/v1/workspaces/{WorkspaceId}/members?MemberIds=a,b}. */
    DeleteMembers("DELETE", "/api/v1/workspaces/{WorkspaceId}/members"),
    /** {@code POST /api/v1/workspaces/{WorkspaceId}/members/{MemberId}/roles/{RoleName}}. */
    AddMemberRole("POST", "/api/v1/workspaces/{WorkspaceId}/members/{MemberId}/roles/{RoleName}"),
    /** {@code DELETE /api/v1/workspaces/{WorkspaceId}/members/{MemberId}/roles/{RoleName}}. */
    RemoveMemberRole("DELETE", "/api/v1/workspaces/{WorkspaceId}/members/{MemberId}/roles/{RoleName}"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}/users}: the account's users who are not members yet. */
    ListWorkspaceUsers("GET", "/api/v1/workspaces/{WorkspaceId}/users");

    private final String method;
    private final String route;

    Operation(String method, String route) {
        this.method = method;
        this.route = route;
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The route, with path parameters in braces. */
    public String route() {
        return route;
    }
}
