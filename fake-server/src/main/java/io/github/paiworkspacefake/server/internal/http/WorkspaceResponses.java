package io.github.paiworkspacefake.server.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceLifecycle;
import java.util.List;
import java.util.function.Predicate;

/** The success bodies of the Workspace operations, member for member as the reference pages list them. */
public final class WorkspaceResponses {

    private WorkspaceResponses() {}

    /** CreateWorkspace and CreateDefaultWorkspace: the request id and the new workspace's id. */
    public static ObjectNode created(String requestId, Workspace workspace) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.put("WorkspaceId", workspace.workspaceId());
        return body;
    }

    /** GetWorkspace; Verbose adds AdminNames and Owner. */
    public static ObjectNode workspace(String requestId, Workspace workspace, boolean isDefault, boolean verbose) {
        ObjectNode body = common(requestId, workspace);
        body.put("Status", workspace.status().name());
        if (verbose) {
            body.putArray("AdminNames").add(workspace.owner().userName());
        }
        body.put("IsDefault", isDefault);
        body.putObject("ExtraInfos").put("TenantId", workspace.owner().tenantId());
        if (verbose) {
            Account owner = workspace.owner();
            body.putObject("Owner")
                    .put("UserKp", owner.accountId())
                    .put("UserId", owner.accountId())
                    .put("UserName", owner.userName())
                    .put("DisplayName", owner.displayName());
        }
        body.put("ResourceGroupId", workspace.resourceGroupId());
        return body;
    }

    /** GetDefaultWorkspace; Verbose adds the creation stages reached so far as Conditions. */
    public static ObjectNode defaultWorkspace(
            String requestId, Workspace workspace, int stagesReached, boolean verbose) {
        ObjectNode body = common(requestId, workspace);
        Account owner = workspace.owner();
        body.putObject("Owner")
                .put("UserId", owner.accountId())
                .put("UserName", owner.userName())
                .put("UserKp", owner.accountId());
        body.put("Status", workspace.status().name());
        if (verbose) {
            conditions(body.putArray("Conditions"), workspace.status(), stagesReached);
        }
        return body;
    }

    /** UpdateWorkspace, DeleteWorkspace, UpdateDefaultWorkspace: the request id alone. */
    public static ObjectNode requestIdOnly(String requestId) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        return body;
    }

    /** ChangeResourceGroup: its SDK model names the request id {@code requestId}, in lower camel case. */
    public static ObjectNode lowerCamelRequestIdOnly(String requestId) {
        ObjectNode body = Json.object();
        body.put("requestId", requestId);
        return body;
    }

    /**
     * ListWorkspaces with {@code Option=GetWorkspaces}: one page and the number of all matches. Items carry the
     * members of the SDK's list-item model, Creator and AdminNames always, and the resource group as
     * {@code resourceGroupId} with a lower-case r, as that model names it.
     */
    public static ObjectNode workspaceList(
            String requestId, List<Workspace> page, long totalCount, Predicate<Workspace> isDefault) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.put("TotalCount", totalCount);
        ArrayNode items = body.putArray("Workspaces");
        for (Workspace workspace : page) {
            ObjectNode item = items.addObject();
            item.put("WorkspaceId", workspace.workspaceId());
            item.put("WorkspaceName", workspace.workspaceName());
            item.put("GmtCreateTime", Json.timestamp(workspace.gmtCreateTime()));
            item.put("GmtModifiedTime", Json.timestamp(workspace.gmtModifiedTime()));
            item.put("DisplayName", workspace.displayName());
            item.put("Description", workspace.description());
            item.put("Creator", workspace.owner().accountId());
            ArrayNode envTypes = item.putArray("EnvTypes");
            workspace.envTypes().forEach(envTypes::add);
            item.put("Status", workspace.status().name());
            item.putArray("AdminNames").add(workspace.owner().userName());
            item.put("IsDefault", isDefault.test(workspace));
            item.putObject("ExtraInfos").put("TenantId", workspace.owner().tenantId());
            item.put("resourceGroupId", workspace.resourceGroupId());
        }
        return body;
    }

    /** ListWorkspaces with {@code Option=CheckWorkspaceExists}: 0 or 1, and the name when it exists. */
    public static ObjectNode workspaceExists(String requestId, String workspaceName, boolean exists) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.put("TotalCount", exists ? 1 : 0);
        ArrayNode items = body.putArray("Workspaces");
        if (exists) {
            items.addObject().put("WorkspaceName", workspaceName);
        }
        return body;
    }

    /** ListWorkspaces with {@code Option=GetResourceLimits}: the reference's example limits. */
    public static ObjectNode resourceLimits(String requestId) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.putObject("ResourceLimits")
                .put("MaxCompute_share", 1)
                .put("MaxCompute_isolate", 1)
                .put("DLC_share", 1);
        return body;
    }

    private static ObjectNode common(String requestId, Workspace workspace) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.put("WorkspaceId", workspace.workspaceId());
        body.put("WorkspaceName", workspace.workspaceName());
        body.put("GmtCreateTime", Json.timestamp(workspace.gmtCreateTime()));
        body.put("GmtModifiedTime", Json.timestamp(workspace.gmtModifiedTime()));
        body.put("DisplayName", workspace.displayName());
        body.put("Description", workspace.description());
        ArrayNode envTypes = body.putArray("EnvTypes");
        workspace.envTypes().forEach(envTypes::add);
        body.put("Creator", workspace.owner().accountId());
        return body;
    }

    /** The stages reached so far, each with Code 200; when creation failed, the last one reached failed. */
    private static void conditions(ArrayNode conditions, WorkspaceStatus status, int reached) {
        for (int i = 0; i < reached; i++) {
            boolean failed = status == WorkspaceStatus.FAILURE && i == reached - 1;
            conditions
                    .addObject()
                    .put("Type", WorkspaceLifecycle.STAGE_NAMES.get(i))
                    .put("Code", failed ? 500 : 200)
                    .put("Message", failed ? "Create Failed" : "");
        }
    }
}
