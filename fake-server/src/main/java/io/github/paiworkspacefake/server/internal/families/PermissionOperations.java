package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.domain.settings.ModulePermissions;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Permission family: what the calling user may do in a workspace, from the roles of its membership (built-in and
 * custom, {@link ModulePermissions}). A user who is not a member has no permission; GetPermission of a permission the
 * user lacks answers an empty {@code PermissionRules}, so that code checking before it acts can be tested both ways.
 */
final class PermissionOperations implements OperationFamily {

    private static final String NO_CALLER_CHECK =
            "the fake answers for the signing user or CallerUid; it checks no other caller's credentials.";

    @Override
    public String family() {
        return "Permission";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.ListPermissions, PermissionOperations::list);
        binder.serve(Operation.GetPermission, PermissionOperations::get)
                .notHonouring("CallerAccessKeyId", NO_CALLER_CHECK)
                .notHonouring("CallerSecurityToken", NO_CALLER_CHECK)
                .notHonouring("CallerType", NO_CALLER_CHECK)
                .notHonouring("SecurityToken", NO_CALLER_CHECK)
                .notHonouring("Option", "the fake has no RAM checks to skip and looks at no Resource.")
                .notHonouring("Resource", "permissions are the member's in the workspace, the same for every resource.")
                .notHonouring("Labels", "permissions are the member's in the workspace, whatever the labels.");
    }

    private static Answer list(Call call) {
        Workspace workspace = call.fake().workspaces().owned(call.caller(), call.path("WorkspaceId"));
        Map<String, List<ModulePermissions.Rule>> granted = ModulePermissions.of(call.fake(), workspace, call.userId());
        List<Map<String, Object>> permissions = new ArrayList<>();
        granted.forEach(
                (code, rules) -> permissions.add(Maps.ordered("PermissionCode", code, "PermissionRules", maps(rules))));
        return Answer.empty().put("TotalCount", permissions.size()).put("Permissions", permissions);
    }

    /**
     * GetPermission: the rules of one permission for the signing user (or {@code CallerUid}, a user of the account);
     * with {@code Accessibility} only the rules that let the user act on an entity of that accessibility created by
     * {@code Creator} (the user, when not given).
     */
    private static Answer get(Call call) {
        Workspace workspace = call.fake().workspaces().owned(call.caller(), call.path("WorkspaceId"));
        String userId = call.string("CallerUid").filter(id -> !id.isEmpty()).orElse(call.userId());
        String code = call.path("PermissionCode");
        List<ModulePermissions.Rule> rules =
                ModulePermissions.of(call.fake(), workspace, userId).getOrDefault(code, List.of());
        Optional<String> creator = call.string("Creator").filter(id -> !id.isEmpty());
        boolean ownEntity = creator.map(userId::equals).orElse(true);
        Optional<String> accessibility = call.string("Accessibility");
        if (accessibility.isPresent()) {
            rules = ModulePermissions.allowing(rules, accessibility.get(), ownEntity);
        } else if (!ownEntity) {
            rules = ModulePermissions.forOthersEntities(rules);
        }
        return Answer.empty().put("PermissionCode", code).put("PermissionRules", maps(rules));
    }

    private static List<Map<String, Object>> maps(List<ModulePermissions.Rule> rules) {
        return rules.stream().map(ModulePermissions.Rule::toMap).toList();
    }
}
