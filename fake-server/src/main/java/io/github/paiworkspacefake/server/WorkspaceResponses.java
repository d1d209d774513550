package io.github.paiworkspacefake.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The success bodies of the Workspace operations, member for member as the reference pages list them. */
final class WorkspaceResponses {

    /** ISO 8601 in UTC with milliseconds, as in {@code 2021-01-21T17:12:35.232Z}. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds: the years {@link #timestamp} writes itself. */
    private static final long FIRST_FOUR_DIGIT_YEAR = -62_135_596_800L;
    private static final long FIRST_FIVE_DIGIT_YEAR = 253_402_300_800L;

    /** The stages GetDefaultWorkspace reports as Conditions, in order. */
    static final List<String> DEFAULT_WORKSPACE_STAGES = List.of("CREATING", "WORKSPACE_CREATED", "MEMBERS_ADDED", "ENABLED");

    private WorkspaceResponses() {
    }

    /** CreateWorkspace and CreateDefaultWorkspace: the request id and the new workspace's id. */
    static ObjectNode created(String requestId, Workspace workspace) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.put("WorkspaceId", workspace.workspaceId());
        return body;
    }

    /** GetWorkspace; Verbose adds AdminNames and Owner. */
    static ObjectNode workspace(String requestId, Workspace workspace, boolean isDefault, boolean verbose) {
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
    static ObjectNode defaultWorkspace(String requestId, Workspace workspace, int stagesReached, boolean verbose) {
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
    static ObjectNode requestIdOnly(String requestId) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        return body;
    }

    /** ChangeResourceGroup: its SDK model names the request id {@code requestId}, in lower camel case. */
    static ObjectNode lowerCamelRequestIdOnly(String requestId) {
        ObjectNode body = Json.object();
        body.put("requestId", requestId);
        return body;
    }

    /**
     * ListWorkspaces with {@code Option=GetWorkspaces}: one page and the number of all matches. Items carry the
     * members of the SDK's list-item model, Creator and AdminNames always, and the resource group as
     * {@code resourceGroupId} with a lower-case r, as that model names it.
     */
    static ObjectNode workspaceList(String requestId, List<Workspace> page, long totalCount,
                                    java.util.function.Predicate<Workspace> isDefault) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.put("TotalCount", totalCount);
        ArrayNode items = body.putArray("Workspaces");
        for (Workspace workspace : page) {
            ObjectNode item = items.addObject();
            item.put("WorkspaceId", workspace.workspaceId());
            item.put("WorkspaceName", workspace.workspaceName());
            item.put("GmtCreateTime", timestamp(workspace.gmtCreateTime()));
            item.put("GmtModifiedTime", timestamp(workspace.gmtModifiedTime()));
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
    static ObjectNode workspaceExists(String requestId, String workspaceName, boolean exists) {
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
    static ObjectNode resourceLimits(String requestId) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.putObject("ResourceLimits").put("MaxCompute_share", 1).put("MaxCompute_isolate", 1).put("DLC_share", 1);
        return body;
    }

    private static ObjectNode common(String requestId, Workspace workspace) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.put("WorkspaceId", workspace.workspaceId());
        body.put("WorkspaceName", workspace.workspaceName());
        body.put("GmtCreateTime", timestamp(workspace.gmtCreateTime()));
        body.put("GmtModifiedTime", timestamp(workspace.gmtModifiedTime()));
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
            conditions.addObject()
                    .put("Type", DEFAULT_WORKSPACE_STAGES.get(i))
                    .put("Code", failed ? 500 : 200)
                    .put("Message", failed ? "Create Failed" : "");
        }
    }

    /**
     * {@link #TIMESTAMP}'s text of an instant. Years 1 to 9999 (every time a client or the fake's clock produces) are
     * written digit by digit, as they are rendered twice in every workspace of every answer and the formatter costs
     * a GetWorkspace a few percent of its time; other years go through the formatter itself.
     */
    static String timestamp(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_YEAR || seconds >= FIRST_FIVE_DIGIT_YEAR) {
            return TIMESTAMP.format(instant);
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, instant.getNano(), ZoneOffset.UTC);
        char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(text, 0, time.getYear(), 4);
        digits(text, 5, time.getMonthValue(), 2);
        digits(text, 8, time.getDayOfMonth(), 2);
        digits(text, 11, time.getHour(), 2);
        digits(text, 14, time.getMinute(), 2);
        digits(text, 17, time.getSecond(), 2);
        digits(text, 20, time.getNano() / 1_000_000, 3);
        return new String(text);
    }

    /** Writes {@code value} as {@code width} decimal digits ending before {@code at + width}. */
    private static void digits(char[] text, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
