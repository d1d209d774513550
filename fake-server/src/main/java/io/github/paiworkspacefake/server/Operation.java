package io.github.paiworkspacefake.server;

import java.util.Arrays;
import java.util.Optional;

/** The API operations the fake serves, by their names in the API reference. */
public enum Operation {
    /** {@code POST /api/v1/workspaces}. */
    CreateWorkspace("POST", "/api/v1/workspaces"),
    /** {@code GET /api/v1/workspaces/{WorkspaceId}}. */
    GetWorkspace("GET", "/api/v1/workspaces/{WorkspaceId}"),
    /** {@code GET /api/v1/defaultWorkspaces}. */
    GetDefaultWorkspace("GET", "/api/v1/defaultWorkspaces"),
    /** {@code POST /api/v1/defaultWorkspaces}. */
    CreateDefaultWorkspace("POST", "/api/v1/defaultWorkspaces");

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

    /** The operation a matched route serves; HEAD counts as the GET it mirrors. */
    static Optional<Operation> of(String method, String route) {
        String effective = method.equals("HEAD") ? "GET" : method;
        return Arrays.stream(values()).filter(op -> op.method.equals(effective) && op.route.equals(route)).findFirst();
    }
}
