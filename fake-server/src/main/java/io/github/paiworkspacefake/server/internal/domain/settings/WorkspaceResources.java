package io.github.paiworkspacefake.server.internal.domain.settings;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.resources.Labels;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The computing resources attached to workspaces (CreateWorkspaceResource and its siblings), and those
 * CreateDefaultWorkspace attaches for the product types its request names. A resource's {@code Name} is unique in
 * the account (the reference: within the region); {@code ProductType} is the deprecated twin of {@code ResourceType}.
 */
public final class WorkspaceResources {

    /** The resource types of the reference. */
    public static final List<String> TYPES = List.of(
            "MaxCompute",
            "ECS",
            "Lingjun",
            "ACS",
            "Flink",
            "SelfManagedAckPro",
            "SelfManagedAckLingjun",
            "SelfManagedASI");

    /** The types whose resources need a {@code GroupName} (the reference). */
    private static final Set<String> GROUPED = Set.of("MaxCompute", "ECS", "Lingjun", "ACS", "Flink");

    private WorkspaceResources() {}

    private static ResourceSpec type() {
        return SettingsResources.type(SettingsResources.WORKSPACE_RESOURCE);
    }

    /**
     * CreateWorkspaceResource: attaches every listed resource to the workspace, all or none (one that cannot be
     * stored undoes those stored before it). Returns them in the order listed.
     */
    @SuppressWarnings("unchecked")
    public static List<Resource> attach(
            FakeState state, Account caller, String workspaceId, String option, List<Map<String, Object>> wanted) {
        state.workspaces().owned(caller, workspaceId);
        if (wanted.isEmpty()) {
            throw ApiException.invalid("Resources", "it must list at least one resource.");
        }
        List<Map<String, Object>> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Map<String, Object> resource : wanted) {
            if (!workspaceId.equals(resource.get("WorkspaceId"))) {
                throw ApiException.invalid(
                        "WorkspaceId",
                        "each resource's WorkspaceId must be the workspace of the path, " + workspaceId + ", got \""
                                + resource.get("WorkspaceId") + "\".");
            }
            String resourceType = resourceType(
                    Optional.ofNullable((String) resource.get("ResourceType")),
                    Optional.ofNullable((String) resource.get("ProductType")));
            if (resourceType.equals("MaxCompute") && !option.equals("Attach")) {
                throw ApiException.invalid("Option", "MaxCompute resources can only be attached (Option Attach).");
            }
            if ((GROUPED.contains(resourceType) || option.equals("Attach")) && resource.get("GroupName") == null) {
                throw ApiException.missing("GroupName");
            }
            String name = (String) resource.get("Name");
            if (!names.add(name)) {
                throw ApiException.invalid("Name", "the resource name " + name + " is listed twice.");
            }
            List<String> quotaIds = new ArrayList<>();
            for (Map<String, Object> quota : (List<Map<String, Object>>) resource.getOrDefault("Quotas", List.of())) {
                String quotaId = (String) quota.get("Id");
                if (quotaId == null
                        || Offerings.quota(state, caller.accountId(), quotaId).isEmpty()) {
                    throw ApiException.invalid(
                            "Quotas", "\"" + quotaId + "\" is not a quota of this account; ListQuotas lists them.");
                }
                quotaIds.add(quotaId);
            }
            List<Map<String, Object>> labels = (List<Map<String, Object>>) resource.getOrDefault("Labels", List.of());
            labels.forEach(label -> {
                if (label.get("Key") == null) {
                    throw ApiException.missing("Labels.Key");
                }
            });
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("WorkspaceId", workspaceId);
            fields.put("Name", name);
            fields.put("GroupName", resource.get("GroupName"));
            fields.put("EnvType", resource.get("EnvType"));
            fields.put("ResourceType", resourceType);
            fields.put(
                    "ProductType",
                    Optional.ofNullable(resource.get("ProductType")).orElse(resourceType));
            fields.put("IsDefault", Boolean.TRUE.equals(resource.get("IsDefault")));
            fields.put("Labels", Labels.merge(List.of(), labels));
            fields.put("QuotaIds", quotaIds);
            fields.put("Spec", resource.get("Spec"));
            checked.add(fields);
        }
        return store(state, caller.accountId(), workspaceId, checked);
    }

    /**
     * What CreateDefaultWorkspace's {@code Resources[].ProductType} asks for: a resource of each product type in each
     * of the workspace's environments, the default of its type, named {@code <type>_<WorkspaceId>_<env>}.
     */
    public static List<Resource> attachDefaults(FakeState state, Workspace workspace, List<String> productTypes) {
        List<Map<String, Object>> resources = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String productType : productTypes) {
            if (!seen.add(productType)) {
                continue;
            }
            String stem = productType.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
            stem = stem.isEmpty() || !Character.isLetter(stem.charAt(0)) ? "r" + stem : stem;
            for (String envType : workspace.envTypes()) {
                String suffix = "_" + workspace.workspaceId() + "_" + envType;
                String name = stem.substring(0, Math.min(stem.length(), Math.max(1, 28 - suffix.length()))) + suffix;
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("WorkspaceId", workspace.workspaceId());
                fields.put("Name", name);
                fields.put("GroupName", stem + "_" + workspace.workspaceId());
                fields.put("EnvType", envType);
                fields.put("ResourceType", TYPES.contains(productType) ? productType : null);
                fields.put("ProductType", productType);
                fields.put("IsDefault", true);
                fields.put("Labels", List.of());
                fields.put("QuotaIds", List.of());
                resources.add(fields);
            }
        }
        return store(state, workspace.owner().accountId(), workspace.workspaceId(), resources);
    }

    private static List<Resource> store(
            FakeState state, String accountId, String workspaceId, List<Map<String, Object>> resources) {
        List<Resource> stored = new ArrayList<>();
        try {
            for (Map<String, Object> fields : resources) {
                Resource resource =
                        state.resources().create(type(), Resources.Creation.in(accountId, workspaceId, fields));
                stored.add(resource);
                if (Boolean.TRUE.equals(resource.field("IsDefault"))) {
                    makeDefault(state, accountId, resource);
                }
            }
        } catch (ApiException e) {
            for (Resource resource : stored) {
                state.resources()
                        .find(type(), accountId, null, resource.id())
                        .ifPresent(found -> state.resources().remove(type(), accountId, null, found.id()));
            }
            throw e;
        }
        return stored;
    }

    /** The resource's type from {@code ResourceType} or its deprecated twin {@code ProductType}, which must agree. */
    private static String resourceType(Optional<String> resourceType, Optional<String> productType) {
        if (resourceType.isPresent() && productType.isPresent() && !resourceType.equals(productType)) {
            throw ApiException.invalid(
                    "ProductType", "it is the deprecated name of ResourceType; give one, or both the same.");
        }
        String type = resourceType.or(() -> productType).orElseThrow(() -> ApiException.missing("ResourceType"));
        if (!TYPES.contains(type)) {
            throw ApiException.invalid(
                    "ProductType", "it must be one of " + String.join(", ", TYPES) + ", got \"" + type + "\".");
        }
        return type;
    }

    /**
     * Makes a resource the default of its type in its workspace's environment: the type's other resources there no
     * longer are.
     */
    private static void makeDefault(FakeState state, String accountId, Resource resource) {
        Object resourceType = resource.field("ProductType");
        for (Resource other : state.resources()
                .list(
                        type(),
                        accountId,
                        null,
                        each -> !each.id().equals(resource.id())
                                && resource.workspaceId().equals(each.workspaceId())
                                && resourceType.equals(each.field("ProductType"))
                                && java.util.Objects.equals(resource.field("EnvType"), each.field("EnvType"))
                                && Boolean.TRUE.equals(each.field("IsDefault")))) {
            state.resources().update(type(), accountId, null, other.id(), fields -> {
                fields.put("IsDefault", false);
                return fields;
            });
        }
        state.resources().update(type(), accountId, null, resource.id(), fields -> {
            fields.put("IsDefault", true);
            return fields;
        });
    }

    /** The account's resources: of one workspace, or all of them. */
    public static List<Resource> list(FakeState state, Account caller, Optional<String> workspaceId) {
        workspaceId.ifPresent(id -> state.workspaces().owned(caller, id));
        return state.resources()
                .list(
                        type(),
                        caller.accountId(),
                        null,
                        resource -> workspaceId
                                .map(id -> id.equals(resource.workspaceId()))
                                .orElse(true));
    }

    /**
     * The resources of a workspace that an update or deletion names: by ids (each must be the workspace's), by group,
     * or both (the ids must then be of that group), then narrowed by type and labels.
     */
    public static List<Resource> select(
            FakeState state,
            Account caller,
            String workspaceId,
            Optional<String> groupName,
            Optional<List<String>> resourceIds,
            Optional<String> resourceType,
            List<Map<String, Object>> labels) {
        state.workspaces().owned(caller, workspaceId);
        if (groupName.isEmpty() && resourceIds.isEmpty()) {
            throw ApiException.invalid("ResourceIds", "give GroupName, ResourceIds or both.");
        }
        List<Resource> selected = new ArrayList<>();
        if (resourceIds.isPresent()) {
            for (String id : resourceIds.get()) {
                Resource resource = state.resources()
                        .find(type(), caller.accountId(), null, id)
                        .filter(found -> workspaceId.equals(found.workspaceId()))
                        .orElseThrow(() -> ApiException.of(type().notFound()));
                if (groupName.isPresent() && !groupName.get().equals(resource.field("GroupName"))) {
                    throw ApiException.invalid(
                            "ResourceIds", "the resource " + id + " is not of group " + groupName.get() + ".");
                }
                if (!selected.contains(resource)) {
                    selected.add(resource);
                }
            }
        } else {
            selected.addAll(state.resources()
                    .list(
                            type(),
                            caller.accountId(),
                            null,
                            resource -> workspaceId.equals(resource.workspaceId())
                                    && groupName.get().equals(resource.field("GroupName"))));
        }
        return selected.stream()
                .filter(resource -> resourceType
                        .map(wanted -> wanted.equals(resource.field("ResourceType"))
                                || wanted.equals(resource.field("ProductType")))
                        .orElse(true))
                .filter(resource -> labels.stream()
                        .allMatch(label -> resource.labels().stream()
                                .anyMatch(
                                        has -> String.valueOf(label.get("Key")).equals(has.get("Key"))
                                                && String.valueOf(label.get("Value"))
                                                        .equals(String.valueOf(has.get("Value"))))))
                .toList();
    }

    /** UpdateWorkspaceResource's changes to the selected resources: a new {@code Spec}, and the default of its type. */
    public static void update(
            FakeState state,
            Account caller,
            List<Resource> selected,
            Optional<Map<String, Object>> spec,
            boolean makeDefault) {
        for (Resource resource : selected) {
            spec.ifPresent(value -> state.resources()
                    .update(type(), caller.accountId(), null, resource.id(), fields -> {
                        fields.put("Spec", value);
                        return fields;
                    }));
            if (makeDefault) {
                makeDefault(state, caller.accountId(), resource);
            }
        }
    }

    /**
     * DeleteWorkspaceResource: detaches the selected resources. The fake holds no resource outside a workspace, so
     * {@code Detach} and {@code DetachAndDelete} both remove it; MaxCompute resources can only be detached.
     */
    public static void detach(FakeState state, Account caller, List<Resource> selected, String option) {
        for (Resource resource : selected) {
            if ("MaxCompute".equals(resource.field("ResourceType")) && !option.equals("Detach")) {
                throw ApiException.invalid(
                        "Option",
                        "MaxCompute resources can only be detached (Option Detach), as " + resource.id() + " is.");
            }
        }
        for (Resource resource : selected) {
            state.resources()
                    .find(type(), caller.accountId(), null, resource.id())
                    .ifPresent(found -> state.resources().remove(type(), caller.accountId(), null, found.id()));
        }
    }
}
