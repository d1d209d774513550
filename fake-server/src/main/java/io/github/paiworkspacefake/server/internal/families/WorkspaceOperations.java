package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.CreateDefaultWorkspaceRequest;
import io.github.paiworkspacefake.server.internal.domain.CreateWorkspaceRequest;
import io.github.paiworkspacefake.server.internal.domain.ListWorkspacesRequest;
import io.github.paiworkspacefake.server.internal.domain.UpdateWorkspaceRequest;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceLifecycle;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceService;
import io.github.paiworkspacefake.server.internal.domain.settings.WorkspaceResources;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The Workspace family: workspaces, the default workspace, their lifecycle. The rules live in the domain. */
final class WorkspaceOperations implements OperationFamily {

    @Override
    public String family() {
        return "Workspace";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateWorkspace, WorkspaceOperations::create);
        binder.serve(Operation.GetWorkspace, WorkspaceOperations::get);
        binder.serve(Operation.ListWorkspaces, WorkspaceOperations::list);
        binder.serve(Operation.UpdateWorkspace, WorkspaceOperations::update);
        binder.serve(Operation.DeleteWorkspace, WorkspaceOperations::delete);
        binder.serve(Operation.GetDefaultWorkspace, WorkspaceOperations::getDefault);
        binder.serve(Operation.UpdateDefaultWorkspace, WorkspaceOperations::updateDefault);
        binder.serve(Operation.CreateDefaultWorkspace, WorkspaceOperations::createDefault);
    }

    private static Answer create(Call call) {
        CreateWorkspaceRequest request = new CreateWorkspaceRequest(
                call.requiredString("WorkspaceName"),
                call.requiredString("Description"),
                call.string("DisplayName").filter(name -> !name.isEmpty()).orElse(null),
                call.strings("EnvTypes").orElseThrow(() -> ApiException.missing("EnvTypes")),
                call.string("ResourceGroupId").filter(id -> !id.isEmpty()).orElse(null));
        Workspace created = call.fake().workspaces().create(call.caller(), request);
        return Answer.empty().put("WorkspaceId", created.workspaceId());
    }

    private static Answer createDefault(Call call) {
        CreateDefaultWorkspaceRequest request = new CreateDefaultWorkspaceRequest(
                call.string("Description").orElse(""),
                call.strings("EnvTypes").orElse(List.of("prod")),
                call.objects("Resources").orElse(List.of()).stream()
                        .map(resource -> (String) resource.get("ProductType"))
                        .toList());
        Workspace created = call.fake().workspaces().createDefault(call.caller(), request);
        WorkspaceResources.attachDefaults(call.fake(), created, request.productTypes());
        return Answer.empty().put("WorkspaceId", created.workspaceId());
    }

    /** GetWorkspace; Verbose adds AdminNames and Owner. */
    private static Answer get(Call call) {
        WorkspaceService workspaces = call.fake().workspaces();
        Workspace workspace = workspaces.get(call.caller(), call.path("WorkspaceId"));
        boolean verbose = call.isTrue("Verbose");
        Answer answer = common(workspace)
                .put("Status", workspace.status().name())
                .put("IsDefault", workspaces.isDefault(workspace))
                .put("ExtraInfos", extraInfos(workspace))
                .put("ResourceGroupId", workspace.resourceGroupId());
        if (verbose) {
            Account owner = workspace.owner();
            answer.put("AdminNames", List.of(owner.userName()))
                    .put(
                            "Owner",
                            Maps.ordered(
                                    "UserKp", owner.accountId(),
                                    "UserId", owner.accountId(),
                                    "UserName", owner.userName(),
                                    "DisplayName", owner.displayName()));
        }
        return answer;
    }

    /** GetDefaultWorkspace; Verbose adds the creation stages reached so far as Conditions. */
    private static Answer getDefault(Call call) {
        WorkspaceService workspaces = call.fake().workspaces();
        Workspace workspace = workspaces.getDefault(call.caller());
        Account owner = workspace.owner();
        Answer answer = common(workspace)
                .put(
                        "Owner",
                        Maps.ordered(
                                "UserId", owner.accountId(), "UserName", owner.userName(), "UserKp", owner.accountId()))
                .put("Status", workspace.status().name());
        if (call.isTrue("Verbose")) {
            answer.put("Conditions", conditions(workspace.status(), workspaces.stagesReached(workspace)));
        }
        return answer;
    }

    private static Answer list(Call call) {
        ListWorkspacesRequest request = listRequest(call);
        WorkspaceService workspaces = call.fake().workspaces();
        return switch (request.option()) {
            case GetResourceLimits -> Answer.empty().put("ResourceLimits", resourceLimits());
            case CheckWorkspaceExists -> {
                boolean exists = workspaces.list(call.caller(), request).totalCount() > 0;
                yield Answer.empty()
                        .put("TotalCount", exists ? 1 : 0)
                        .put(
                                "Workspaces",
                                exists
                                        ? List.of(Maps.ordered(
                                                "WorkspaceName",
                                                request.workspaceName().orElseThrow()))
                                        : List.of());
            }
            case GetWorkspaces -> {
                WorkspaceService.Page<Workspace> page = workspaces.list(call.caller(), request);
                List<Map<String, Object>> items = new ArrayList<>(page.items().size());
                for (Workspace workspace : page.items()) {
                    items.add(
                            request.idsOnly()
                                    ? Maps.ordered("WorkspaceId", workspace.workspaceId())
                                    : item(workspaces, workspace));
                }
                yield Answer.empty().put("TotalCount", page.totalCount()).put("Workspaces", items);
            }
        };
    }

    private static ListWorkspacesRequest listRequest(Call call) {
        Optional<Set<String>> workspaceIds = call.strings("WorkspaceIds").map(LinkedHashSet::new);
        boolean idsOnly = call.strings("Fields")
                .map(fields -> {
                    for (String field : fields) {
                        if (!field.equals("Id")) {
                            throw ApiException.invalid("Fields", "only Id is supported, got \"" + field + "\".");
                        }
                    }
                    return !fields.isEmpty();
                })
                .orElse(false);
        return new ListWorkspacesRequest(
                call.number("PageNumber", 1),
                (int) call.number("PageSize", ListWorkspacesRequest.DEFAULT_PAGE_SIZE),
                ListWorkspacesRequest.SortBy.valueOf(call.string("SortBy").orElse("GmtCreateTime")),
                call.string("Order").orElse("ASC").equals("DESC"),
                call.string("WorkspaceName"),
                call.string("Status").map(WorkspaceStatus::valueOf),
                workspaceIds.map(Set::copyOf),
                call.string("ResourceGroupId"),
                call.string("UserId"),
                call.strings("ModuleList")
                        .map(modules -> modules.contains("PAI"))
                        .orElse(true),
                idsOnly,
                ListWorkspacesRequest.Option.valueOf(call.string("Option").orElse("GetWorkspaces")));
    }

    private static Answer update(Call call) {
        call.fake()
                .workspaces()
                .update(
                        call.caller(),
                        call.path("WorkspaceId"),
                        new UpdateWorkspaceRequest(call.string("Description"), call.string("DisplayName")));
        return Answer.empty();
    }

    private static Answer delete(Call call) {
        call.fake().workspaces().delete(call.caller(), call.path("WorkspaceId"));
        return Answer.empty();
    }

    private static Answer updateDefault(Call call) {
        call.fake().workspaces().updateDefault(call.caller(), call.requiredString("WorkspaceId"));
        return Answer.empty();
    }

    /**
     * A ListWorkspaces item: the members of the SDK's list-item model, Creator and AdminNames always, and the resource
     * group as {@code resourceGroupId} with a lower-case r, as that model names it.
     */
    private static Map<String, Object> item(WorkspaceService workspaces, Workspace workspace) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("WorkspaceId", workspace.workspaceId());
        item.put("WorkspaceName", workspace.workspaceName());
        item.put("GmtCreateTime", workspace.gmtCreateTime());
        item.put("GmtModifiedTime", workspace.gmtModifiedTime());
        item.put("DisplayName", workspace.displayName());
        item.put("Description", workspace.description());
        item.put("Creator", workspace.owner().accountId());
        item.put("EnvTypes", workspace.envTypes());
        item.put("Status", workspace.status().name());
        item.put("AdminNames", List.of(workspace.owner().userName()));
        item.put("IsDefault", workspaces.isDefault(workspace));
        item.put("ExtraInfos", extraInfos(workspace));
        item.put("resourceGroupId", workspace.resourceGroupId());
        return item;
    }

    private static Answer common(Workspace workspace) {
        return Answer.empty()
                .put("WorkspaceId", workspace.workspaceId())
                .put("WorkspaceName", workspace.workspaceName())
                .put("GmtCreateTime", workspace.gmtCreateTime())
                .put("GmtModifiedTime", workspace.gmtModifiedTime())
                .put("DisplayName", workspace.displayName())
                .put("Description", workspace.description())
                .put("EnvTypes", workspace.envTypes())
                .put("Creator", workspace.owner().accountId());
    }

    private static Map<String, Object> extraInfos(Workspace workspace) {
        return Maps.ordered("TenantId", workspace.owner().tenantId());
    }

    /** ListWorkspaces with {@code Option=GetResourceLimits}: the reference's example limits. */
    private static Map<String, Object> resourceLimits() {
        return Maps.ordered("MaxCompute_share", 1, "MaxCompute_isolate", 1, "DLC_share", 1);
    }

    /** The stages reached so far, each with Code 200; when creation failed, the last one reached failed. */
    private static List<Map<String, Object>> conditions(WorkspaceStatus status, int reached) {
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (int i = 0; i < reached; i++) {
            boolean failed = status == WorkspaceStatus.FAILURE && i == reached - 1;
            conditions.add(Maps.ordered(
                    "Type",
                    WorkspaceLifecycle.STAGE_NAMES.get(i),
                    "Code",
                    failed ? 500 : 200,
                    "Message",
                    failed ? "Create Failed" : ""));
        }
        return conditions;
    }
}
