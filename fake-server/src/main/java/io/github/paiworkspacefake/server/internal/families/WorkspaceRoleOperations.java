package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.settings.RoleJobs;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.List;
import java.util.Map;

/**
 * The WorkspaceRole family ({@code /api/v1/workspaces/{WorkspaceId}/roles}): a workspace's custom roles, created,
 * updated and deleted by instance jobs ({@link RoleJobs}). The built-in {@code PAI.*} roles are not roles of these
 * operations: they cannot be read, changed or deleted here, and members hold them beside custom ones.
 */
final class WorkspaceRoleOperations implements OperationFamily {

    @Override
    public String family() {
        return "WorkspaceRole";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateWorkspaceRole, WorkspaceRoleOperations::create);
        binder.serve(Operation.GetWorkspaceRole, WorkspaceRoleOperations::get);
        binder.serve(Operation.ListWorkspaceRoles, WorkspaceRoleOperations::list);
        binder.serve(Operation.UpdateWorkspaceRole, WorkspaceRoleOperations::update);
        binder.serve(Operation.DeleteWorkspaceRoles, WorkspaceRoleOperations::delete);
    }

    private static Answer create(Call call) {
        Resource job = RoleJobs.create(
                call.fake(),
                call.caller(),
                call.string("UserId").filter(id -> !id.isEmpty()).orElse(call.userId()),
                call.path("WorkspaceId"),
                call.requiredString("RoleName"),
                call.objects("ModulePermissions").orElse(List.of()));
        return Answer.empty().put("InstanceJobId", job.id());
    }

    private static Answer get(Call call) {
        Resource role = RoleJobs.get(call.fake(), call.caller(), call.path("WorkspaceId"), call.path("RoleId"));
        return Answer.of(view(role, true)).put("Status", RoleJobs.status(role));
    }

    private static Answer list(Call call) {
        boolean verbose = call.strings("VerboseFields").orElse(List.of()).contains("ModulePermissions");
        List<Resource> roles = RoleJobs.list(call.fake(), call.caller(), call.path("WorkspaceId"));
        return ListQuery.answer(call, roles, Resource::fields, role -> view(role, verbose));
    }

    private static Map<String, Object> view(Resource role, boolean withPermissions) {
        return Maps.ordered(
                "RoleId",
                role.id(),
                "RoleName",
                role.field("RoleName"),
                "Creator",
                role.field("Creator"),
                "GmtCreateTime",
                role.field("GmtCreateTime"),
                "GmtModifiedTime",
                role.field("GmtModifiedTime"),
                "ModulePermissions",
                withPermissions ? role.fields().getOrDefault("ModulePermissions", List.of()) : null);
    }

    private static Answer update(Call call) {
        Resource job = RoleJobs.update(
                call.fake(),
                call.caller(),
                call.path("WorkspaceId"),
                call.path("RoleId"),
                call.string("RoleName").filter(name -> !name.isEmpty()),
                call.objects("ModulePermissions"));
        return Answer.empty().put("InstanceJobId", job.id());
    }

    private static Answer delete(Call call) {
        List<String> roleIds = call.strings("RoleIds").orElseThrow();
        if (roleIds.isEmpty()) {
            throw io.github.paiworkspacefake.server.internal.domain.ApiException.invalid(
                    "RoleIds", "it must list at least one role.");
        }
        RoleJobs.delete(call.fake(), call.caller(), call.path("WorkspaceId"), roleIds);
        return Answer.empty();
    }
}
