package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.settings.Offerings;
import io.github.paiworkspacefake.server.internal.domain.settings.WorkspaceResources;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Resource family: the computing resources attached to a workspace ({@link WorkspaceResources}). ListResources
 * answers a workspace's resources ({@code Option=ListResourceByWorkspace}, the default) or all of the account's
 * ({@code ListResource}); with {@code Verbose} (true by default) an item carries its {@code Quotas}, and
 * {@code VerboseFields} names exactly which of {@code Quota}, {@code Label} and {@code IsDefault} it carries.
 */
final class WorkspaceResourceOperations implements OperationFamily {

    @Override
    public String family() {
        return "Resource";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateWorkspaceResource, WorkspaceResourceOperations::create);
        binder.serve(Operation.ListResources, WorkspaceResourceOperations::list);
        binder.serve(Operation.UpdateWorkspaceResource, WorkspaceResourceOperations::update);
        binder.serve(Operation.DeleteWorkspaceResource, WorkspaceResourceOperations::delete);
    }

    private static Answer create(Call call) {
        List<Resource> created = WorkspaceResources.attach(
                call.fake(),
                call.caller(),
                call.path("WorkspaceId"),
                call.string("Option").orElse("CreateAndAttach"),
                call.objects("Resources").orElseThrow());
        return Answer.empty()
                .put("TotalCount", created.size())
                .put(
                        "Resources",
                        created.stream()
                                .map(resource -> Maps.ordered("Id", resource.id()))
                                .toList());
    }

    @SuppressWarnings("unchecked")
    private static Answer list(Call call) {
        String option = call.string("Option").orElse("ListResourceByWorkspace");
        Optional<String> workspaceId = call.string("WorkspaceId").filter(id -> !id.isEmpty());
        if (option.equals("ListResourceByWorkspace") && workspaceId.isEmpty()) {
            throw ApiException.missing("WorkspaceId");
        }
        Optional<List<String>> types = call.strings("ResourceTypes").filter(list -> !list.isEmpty());
        types.ifPresent(list -> list.forEach(type -> {
            if (!WorkspaceResources.TYPES.contains(type)) {
                throw ApiException.invalid(
                        "ResourceTypes",
                        "it must list values of " + String.join(", ", WorkspaceResources.TYPES) + ", got \"" + type
                                + "\".");
            }
        }));
        Optional<List<String>> productTypes = call.strings("ProductTypes").filter(list -> !list.isEmpty());
        Optional<List<String>> quotaIds = call.strings("QuotaIds").filter(list -> !list.isEmpty());
        List<Resource> candidates = WorkspaceResources.list(call.fake(), call.caller(), workspaceId).stream()
                .filter(resource -> types.map(wanted -> wanted.contains(resource.field("ResourceType")))
                        .orElse(true))
                .filter(resource -> productTypes
                        .map(wanted -> wanted.contains(resource.field("ProductType")))
                        .orElse(true))
                .filter(resource -> quotaIds.map(
                                wanted -> ((List<String>) resource.fields().getOrDefault("QuotaIds", List.of()))
                                        .containsAll(wanted))
                        .orElse(true))
                .toList();
        Optional<List<String>> verboseFields = call.strings("VerboseFields").filter(list -> !list.isEmpty());
        boolean quotas = verboseFields
                .map(fields -> fields.contains("Quota"))
                .orElse(call.flag("Verbose").orElse(true));
        boolean labels = verboseFields.map(fields -> fields.contains("Label")).orElse(false);
        boolean isDefault =
                verboseFields.map(fields -> fields.contains("IsDefault")).orElse(false);
        return ListQuery.answer(
                call, candidates, Resource::fields, resource -> view(call, resource, quotas, labels, isDefault));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(
            Call call, Resource resource, boolean withQuotas, boolean withLabels, boolean withDefault) {
        List<Map<String, Object>> quotas = null;
        if (withQuotas) {
            quotas = new ArrayList<>();
            for (String quotaId : (List<String>) resource.fields().getOrDefault("QuotaIds", List.of())) {
                Offerings.quota(call.fake(), resource.accountId(), quotaId)
                        .map(QuotaOperations::resourceQuota)
                        .ifPresent(quotas::add);
            }
        }
        return Maps.ordered(
                "Id", resource.id(),
                "Name", resource.field("Name"),
                "GroupName", resource.field("GroupName"),
                "EnvType", resource.field("EnvType"),
                "ResourceType", resource.field("ResourceType"),
                "ProductType", resource.field("ProductType"),
                "WorkspaceId", resource.field("WorkspaceId"),
                "Spec", resource.field("Spec"),
                "GmtCreateTime", resource.field("GmtCreateTime"),
                "Quotas", quotas,
                "Labels", withLabels ? resource.labels() : null,
                "IsDefault", withDefault ? resource.field("IsDefault") : null);
    }

    private static Answer update(Call call) {
        Optional<Boolean> isDefault = call.flag("IsDefault");
        if (isDefault.isPresent() && !isDefault.get()) {
            throw ApiException.invalid(
                    "IsDefault", "only true is valid: it makes the resources the default of their type.");
        }
        List<Resource> selected = WorkspaceResources.select(
                call.fake(),
                call.caller(),
                call.path("WorkspaceId"),
                call.string("GroupName").filter(name -> !name.isEmpty()),
                call.strings("ResourceIds").filter(ids -> !ids.isEmpty()),
                call.string("ResourceType").or(() -> call.string("ProductType")).filter(type -> !type.isEmpty()),
                call.objects("Labels").orElse(List.of()));
        WorkspaceResources.update(call.fake(), call.caller(), selected, call.object("Spec"), isDefault.orElse(false));
        return Answer.empty()
                .put("ResourceIds", selected.stream().map(Resource::id).toList());
    }

    private static Answer delete(Call call) {
        List<Map<String, Object>> labels = new ArrayList<>();
        for (String pair : call.strings("Labels").orElse(List.of())) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw ApiException.invalid("Labels", "each label is key=value, got \"" + pair + "\".");
            }
            labels.add(Maps.ordered(
                    "Key",
                    pair.substring(0, equals).trim(),
                    "Value",
                    pair.substring(equals + 1).trim()));
        }
        List<Resource> selected = WorkspaceResources.select(
                call.fake(),
                call.caller(),
                call.path("WorkspaceId"),
                call.string("GroupName").filter(name -> !name.isEmpty()),
                call.strings("ResourceIds").filter(ids -> !ids.isEmpty()),
                call.string("ResourceType").or(() -> call.string("ProductType")).filter(type -> !type.isEmpty()),
                labels);
        WorkspaceResources.detach(
                call.fake(), call.caller(), selected, call.string("Option").orElse("DetachAndDelete"));
        return Answer.empty()
                .put("ResourceIds", selected.stream().map(Resource::id).toList());
    }
}
