package io.github.paiworkspacefake.server.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceLifecycle;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The success bodies of the Workspace operations, member for member as the reference pages list them, written as
 * UTF-8 JSON.
 */
public final class WorkspaceResponses {

    private WorkspaceResponses() {}

    /** CreateWorkspace and CreateDefaultWorkspace: the request id and the new workspace's id. */
    public static byte[] created(String requestId, Workspace workspace) {
        return Json.document(json -> {
            json.writeStringField("RequestId", requestId);
            json.writeStringField("WorkspaceId", workspace.workspaceId());
        });
    }

    /** GetWorkspace; Verbose adds AdminNames and Owner. */
    public static byte[] workspace(String requestId, Workspace workspace, boolean isDefault, boolean verbose) {
        return Json.document(json -> {
            common(json, requestId, workspace);
            json.writeStringField("Status", workspace.status().name());
            if (verbose) {
                json.writeArrayFieldStart("AdminNames");
                json.writeString(workspace.owner().userName());
                json.writeEndArray();
            }
            json.writeBooleanField("IsDefault", isDefault);
            extraInfos(json, workspace);
            if (verbose) {
                Account owner = workspace.owner();
                json.writeObjectFieldStart("Owner");
                json.writeStringField("UserKp", owner.accountId());
                json.writeStringField("UserId", owner.accountId());
                json.writeStringField("UserName", owner.userName());
                json.writeStringField("DisplayName", owner.displayName());
                json.writeEndObject();
            }
            json.writeStringField("ResourceGroupId", workspace.resourceGroupId());
        });
    }

    /** GetDefaultWorkspace; Verbose adds the creation stages reached so far as Conditions. */
    public static byte[] defaultWorkspace(String requestId, Workspace workspace, int stagesReached, boolean verbose) {
        return Json.document(json -> {
            common(json, requestId, workspace);
            Account owner = workspace.owner();
            json.writeObjectFieldStart("Owner");
            json.writeStringField("UserId", owner.accountId());
            json.writeStringField("UserName", owner.userName());
            json.writeStringField("UserKp", owner.accountId());
            json.writeEndObject();
            json.writeStringField("Status", workspace.status().name());
            if (verbose) {
                conditions(json, workspace.status(), stagesReached);
            }
        });
    }

    /** UpdateWorkspace, DeleteWorkspace, UpdateDefaultWorkspace: the request id alone. */
    public static byte[] requestIdOnly(String requestId) {
        return Json.document(json -> json.writeStringField("RequestId", requestId));
    }

    /** ChangeResourceGroup: its SDK model names the request id {@code requestId}, in lower camel case. */
    public static byte[] lowerCamelRequestIdOnly(String requestId) {
        return Json.document(json -> json.writeStringField("requestId", requestId));
    }

    /**
     * ListWorkspaces with {@code Option=GetWorkspaces}: one page and the number of all matches. Items carry the
     * members of the SDK's list-item model, Creator and AdminNames always, and the resource group as
     * {@code resourceGroupId} with a lower-case r, as that model names it.
     */
    public static byte[] workspaceList(
            String requestId, List<Workspace> page, long totalCount, Predicate<Workspace> isDefault) {
        return Json.document(json -> {
            json.writeStringField("RequestId", requestId);
            json.writeNumberField("TotalCount", totalCount);
            json.writeArrayFieldStart("Workspaces");
            for (Workspace workspace : page) {
                json.writeStartObject();
                json.writeStringField("WorkspaceId", workspace.workspaceId());
                json.writeStringField("WorkspaceName", workspace.workspaceName());
                json.writeStringField("GmtCreateTime", Json.timestamp(workspace.gmtCreateTime()));
                json.writeStringField("GmtModifiedTime", Json.timestamp(workspace.gmtModifiedTime()));
                json.writeStringField("DisplayName", workspace.displayName());
                json.writeStringField("Description", workspace.description());
                json.writeStringField("Creator", workspace.owner().accountId());
                envTypes(json, workspace);
                json.writeStringField("Status", workspace.status().name());
                json.writeArrayFieldStart("AdminNames");
                json.writeString(workspace.owner().userName());
                json.writeEndArray();
                json.writeBooleanField("IsDefault", isDefault.test(workspace));
                extraInfos(json, workspace);
                json.writeStringField("resourceGroupId", workspace.resourceGroupId());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** ListWorkspaces with {@code Option=CheckWorkspaceExists}: 0 or 1, and the name when it exists. */
    public static byte[] workspaceExists(String requestId, String workspaceName, boolean exists) {
        return Json.document(json -> {
            json.writeStringField("RequestId", requestId);
            json.writeNumberField("TotalCount", exists ? 1 : 0);
            json.writeArrayFieldStart("Workspaces");
            if (exists) {
                json.writeStartObject();
                json.writeStringField("WorkspaceName", workspaceName);
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** ListWorkspaces with {@code Option=GetResourceLimits}: the reference's example limits. */
    public static byte[] resourceLimits(String requestId) {
        return Json.document(json -> {
            json.writeStringField("RequestId", requestId);
            json.writeObjectFieldStart("ResourceLimits");
            json.writeNumberField("MaxCompute_share", 1);
            json.writeNumberField("MaxCompute_isolate", 1);
            json.writeNumberField("DLC_share", 1);
            json.writeEndObject();
        });
    }

    private static void common(JsonGenerator json, String requestId, Workspace workspace) throws IOException {
        json.writeStringField("RequestId", requestId);
        json.writeStringField("WorkspaceId", workspace.workspaceId());
        json.writeStringField("WorkspaceName", workspace.workspaceName());
        json.writeStringField("GmtCreateTime", Json.timestamp(workspace.gmtCreateTime()));
        json.writeStringField("GmtModifiedTime", Json.timestamp(workspace.gmtModifiedTime()));
        json.writeStringField("DisplayName", workspace.displayName());
        json.writeStringField("Description", workspace.description());
        envTypes(json, workspace);
        json.writeStringField("Creator", workspace.owner().accountId());
    }

    private static void envTypes(JsonGenerator json, Workspace workspace) throws IOException {
        json.writeArrayFieldStart("EnvTypes");
        for (String envType : workspace.envTypes()) {
            json.writeString(envType);
        }
        json.writeEndArray();
    }

    private static void extraInfos(JsonGenerator json, Workspace workspace) throws IOException {
        json.writeObjectFieldStart("ExtraInfos");
        json.writeStringField("TenantId", workspace.owner().tenantId());
        json.writeEndObject();
    }

    /** The stages reached so far, each with Code 200; when creation failed, the last one reached failed. */
    private static void conditions(JsonGenerator json, WorkspaceStatus status, int reached) throws IOException {
        json.writeArrayFieldStart("Conditions");
        for (int i = 0; i < reached; i++) {
            boolean failed = status == WorkspaceStatus.FAILURE && i == reached - 1;
            json.writeStartObject();
            json.writeStringField("Type", WorkspaceLifecycle.STAGE_NAMES.get(i));
            json.writeNumberField("Code", failed ? 500 : 200);
            json.writeStringField("Message", failed ? "Create Failed" : "");
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
