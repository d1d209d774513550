package io.github.paiworkspacefake.server.internal.domain.settings;

import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceRoles;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.ListMembersRequest;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a workspace role lets its members do, in the reference's terms: per module ({@code DLC}, {@code Dataset},
 * {@code PaiWorkspace@@Config}, ...) a permission type ({@code ReadOnly}, {@code ReadWrite}, {@code FullAccess},
 * {@code NoPrivilege}, or {@code CustomPermissions} with explicit permission codes and rules), which gives permission
 * codes ({@code PaiDLC:ListJobs}) with rules ({@code PUBLIC}; {@code PRIVATE} with {@code CREATOR} or {@code ANY}).
 * The built-in roles are defined the same way, after the PAI documentation's role table; the codes of each module are
 * the fake's own list (docs/workspace-settings.md), as no complete list is public.
 */
public final class ModulePermissions {

    /** A permission rule: on what accessibility, and whose entities (for PRIVATE ones). */
    public record Rule(String accessibility, String entityAccessType) {

        /** The rule as the API writes it. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("Accessibility", accessibility);
            if (entityAccessType != null) {
                map.put("EntityAccessType", entityAccessType);
            }
            return map;
        }

        /** Whether the rule lets its holder act on an entity of this accessibility, created by the holder or not. */
        boolean allows(String wantedAccessibility, boolean holderIsCreator) {
            return switch (accessibility) {
                case "ANY" -> true;
                case "PUBLIC" -> wantedAccessibility.equals("PUBLIC");
                default -> wantedAccessibility.equals("PRIVATE") && ("ANY".equals(entityAccessType) || holderIsCreator);
            };
        }
    }

    private static final Rule PUBLIC = new Rule("PUBLIC", null);
    private static final Rule OWN_PRIVATE = new Rule("PRIVATE", "CREATOR");
    private static final Rule ANY_PRIVATE = new Rule("PRIVATE", "ANY");
    private static final List<String> RULE_ORDER = List.of("PUBLIC", "PRIVATE", "ANY");

    /** A module's permission codes: those that read, and those that change. */
    private record Module(List<String> read, List<String> write) {}

    /** Every module of the reference, with the fake's codes. */
    private static final Map<String, Module> MODULES = moduleCodes();

    private static Map<String, Module> moduleCodes() {
        Map<String, Module> modules = new LinkedHashMap<>();
        modules.put(
                "PaiDesigner",
                new Module(
                        List.of("PaiDesigner:ListPipelines", "PaiDesigner:GetPipeline"),
                        List.of(
                                "PaiDesigner:CreatePipeline",
                                "PaiDesigner:UpdatePipeline",
                                "PaiDesigner:RunPipeline",
                                "PaiDesigner:DeletePipeline")));
        modules.put(
                "Paiflow",
                new Module(
                        List.of("PaiFlow:ListPipelineRuns", "PaiFlow:GetPipelineRun"),
                        List.of("PaiFlow:CreatePipelineRun", "PaiFlow:StopPipelineRun", "PaiFlow:DeletePipelineRun")));
        modules.put(
                "DSW",
                new Module(
                        List.of("PaiDSW:ListInstances", "PaiDSW:GetInstance"),
                        List.of(
                                "PaiDSW:CreateInstance",
                                "PaiDSW:UpdateInstance",
                                "PaiDSW:StartInstance",
                                "PaiDSW:StopInstance",
                                "PaiDSW:DeleteInstance")));
        modules.put(
                "DLC",
                new Module(
                        List.of("PaiDLC:ListJobs", "PaiDLC:GetJob", "PaiDLC:GetTensorboard"),
                        List.of("PaiDLC:CreateJob", "PaiDLC:UpdateJob", "PaiDLC:StopJob", "PaiDLC:DeleteJob")));
        modules.put("Dataset", asset("Dataset", "Datasets"));
        modules.put("Model", asset("Model", "Models"));
        modules.put(
                "Image",
                new Module(
                        List.of("PaiWorkspace:ListImages", "PaiWorkspace:GetImage"),
                        List.of("PaiWorkspace:AddImage", "PaiWorkspace:RemoveImage")));
        modules.put("CodeSource", asset("CodeSource", "CodeSources"));
        modules.put(
                "PaiWorkspace@@Workspace",
                new Module(List.of("PaiWorkspace:GetWorkspace"), List.of("PaiWorkspace:UpdateWorkspace")));
        modules.put(
                "PaiWorkspace@@MemberRole",
                new Module(
                        List.of("PaiWorkspace:ListMembers", "PaiWorkspace:ListWorkspaceRoles"),
                        List.of(
                                "PaiWorkspace:CreateMember",
                                "PaiWorkspace:DeleteMembers",
                                "PaiWorkspace:AddMemberRole",
                                "PaiWorkspace:RemoveMemberRole",
                                "PaiWorkspace:CreateWorkspaceRole",
                                "PaiWorkspace:UpdateWorkspaceRole",
                                "PaiWorkspace:DeleteWorkspaceRoles")));
        modules.put(
                "PaiWorkspace@@Resource",
                new Module(
                        List.of("PaiWorkspace:ListResources"),
                        List.of(
                                "PaiWorkspace:CreateWorkspaceResource",
                                "PaiWorkspace:UpdateWorkspaceResource",
                                "PaiWorkspace:DeleteWorkspaceResource")));
        modules.put(
                "PaiWorkspace@@Config",
                new Module(
                        List.of("PaiWorkspace:ListConfigs", "PaiWorkspace:GetConfig"),
                        List.of("PaiWorkspace:UpdateConfigs", "PaiWorkspace:DeleteConfig")));
        modules.put(
                "ArtLab",
                new Module(
                        List.of("PaiArtLab:ListTasks", "PaiArtLab:GetTask"),
                        List.of("PaiArtLab:CreateTask", "PaiArtLab:DeleteTask")));
        return modules;
    }

    private static Module asset(String singular, String plural) {
        return new Module(
                List.of("PaiWorkspace:List" + plural, "PaiWorkspace:Get" + singular),
                List.of(
                        "PaiWorkspace:Create" + singular,
                        "PaiWorkspace:Update" + singular,
                        "PaiWorkspace:Delete" + singular));
    }

    /** The built-in roles, each a permission type per module (modules not named: none). */
    private static final Map<String, Map<String, String>> BUILT_IN = builtIn();

    private static Map<String, Map<String, String>> builtIn() {
        Map<String, String> everything = new LinkedHashMap<>();
        MODULES.keySet().forEach(module -> everything.put(module, "FullAccess"));
        Map<String, String> readEverything = new LinkedHashMap<>();
        MODULES.keySet().forEach(module -> readEverything.put(module, "ReadOnly"));
        Map<String, String> developer = new LinkedHashMap<>(readEverything);
        for (String module :
                List.of("PaiDesigner", "Paiflow", "DSW", "DLC", "Dataset", "Model", "Image", "CodeSource", "ArtLab")) {
            developer.put(module, "ReadWrite");
        }
        Map<String, String> operator = new LinkedHashMap<>(readEverything);
        for (String module : List.of("Paiflow", "DSW", "DLC")) {
            operator.put(module, "FullAccess");
        }
        Map<String, String> labeler = new LinkedHashMap<>();
        labeler.put("Dataset", "ReadWrite");
        labeler.put("PaiWorkspace@@Workspace", "ReadOnly");
        Map<String, String> maxCompute = new LinkedHashMap<>();
        maxCompute.put("PaiDesigner", "ReadWrite");
        maxCompute.put("Paiflow", "ReadWrite");
        maxCompute.put("Dataset", "ReadOnly");
        maxCompute.put("Model", "ReadOnly");
        maxCompute.put("PaiWorkspace@@Workspace", "ReadOnly");
        maxCompute.put("PaiWorkspace@@Resource", "ReadOnly");
        Map<String, Map<String, String>> roles = new LinkedHashMap<>();
        roles.put(WorkspaceRoles.OWNER, everything);
        roles.put(WorkspaceRoles.ADMIN, everything);
        roles.put(WorkspaceRoles.ALGO_DEVELOPER, developer);
        roles.put(WorkspaceRoles.ALGO_OPERATOR, operator);
        roles.put(WorkspaceRoles.LABEL_MANAGER, labeler);
        roles.put(WorkspaceRoles.MAX_COMPUTE_DEVELOPER, maxCompute);
        roles.put(WorkspaceRoles.GUEST, readEverything);
        return roles;
    }

    private ModulePermissions() {}

    /**
     * Checks a role's module permissions beyond what the catalogue declares: each module once, {@code Permissions}
     * (with at least one code and one rule each) exactly when the type is {@code CustomPermissions}, and
     * {@code EntityAccessType} on PRIVATE rules only.
     */
    @SuppressWarnings("unchecked")
    public static void check(List<Map<String, Object>> modulePermissions) {
        Set<Object> modules = new HashSet<>();
        for (Map<String, Object> module : modulePermissions) {
            if (!modules.add(module.get("ModuleName"))) {
                throw ApiException.invalid(
                        "ModulePermissions", "the module " + module.get("ModuleName") + " is listed twice.");
            }
            boolean custom = "CustomPermissions".equals(module.get("PermissionType"));
            List<Map<String, Object>> permissions =
                    (List<Map<String, Object>>) module.getOrDefault("Permissions", List.of());
            if (custom && permissions.isEmpty()) {
                throw ApiException.missing("Permissions");
            }
            if (!custom && !permissions.isEmpty()) {
                throw ApiException.invalid(
                        "Permissions",
                        "it applies only when PermissionType is CustomPermissions, not " + module.get("PermissionType")
                                + ".");
            }
            for (Map<String, Object> permission : permissions) {
                List<String> codes = (List<String>) permission.getOrDefault("PermissionCodes", List.of());
                List<Map<String, Object>> rules =
                        (List<Map<String, Object>>) permission.getOrDefault("PermissionRules", List.of());
                if (codes.isEmpty() || codes.stream().anyMatch(code -> code == null || code.isBlank())) {
                    throw ApiException.invalid("PermissionCodes", "each permission lists at least one code.");
                }
                if (rules.isEmpty()) {
                    throw ApiException.invalid("PermissionRules", "each permission lists at least one rule.");
                }
                for (Map<String, Object> rule : rules) {
                    if (!"PRIVATE".equals(rule.get("Accessibility")) && rule.get("EntityAccessType") != null) {
                        throw ApiException.invalid(
                                "EntityAccessType", "it applies only to rules whose Accessibility is PRIVATE.");
                    }
                    if ("PRIVATE".equals(rule.get("Accessibility")) && rule.get("EntityAccessType") == null) {
                        throw ApiException.missing("EntityAccessType");
                    }
                }
            }
        }
    }

    /**
     * The permissions of a user in a workspace, from the roles of its membership (none for a non-member): every
     * permission code with its rules, by code.
     */
    public static Map<String, List<Rule>> of(FakeState state, Workspace workspace, String userId) {
        List<Member> memberships = state.members()
                .list(
                        workspace.owner(),
                        workspace.workspaceId(),
                        new ListMembersRequest(Optional.empty(), Optional.empty(), Optional.of(userId), 1, 1))
                .items();
        Map<String, Set<Rule>> granted = new TreeMap<>();
        for (Member member : memberships) {
            for (String role : member.roles()) {
                if (WorkspaceRules.isCustomRole(role)) {
                    grant(granted, RoleJobs.grants(state, workspace, role));
                } else {
                    Map<String, String> types = BUILT_IN.getOrDefault(role, Map.of());
                    types.forEach((module, type) -> grant(granted, module, type, List.of()));
                }
            }
        }
        Map<String, List<Rule>> sorted = new TreeMap<>();
        granted.forEach((code, rules) -> sorted.put(
                code,
                rules.stream()
                        .sorted(Comparator.comparing((Rule rule) -> RULE_ORDER.indexOf(rule.accessibility()))
                                .thenComparing(rule -> String.valueOf(rule.entityAccessType())))
                        .toList()));
        return sorted;
    }

    /** The rules that let their holder act on an entity of this accessibility, created by the holder or not. */
    public static List<Rule> allowing(List<Rule> rules, String accessibility, boolean holderIsCreator) {
        return rules.stream()
                .filter(rule -> rule.allows(accessibility, holderIsCreator))
                .toList();
    }

    /** The rules that apply to an entity created by someone else: PRIVATE ones limited to creators drop out. */
    public static List<Rule> forOthersEntities(List<Rule> rules) {
        return rules.stream()
                .filter(rule -> !"CREATOR".equals(rule.entityAccessType()))
                .toList();
    }

    /** The modules of the reference, in its order. */
    public static Set<String> modules() {
        return MODULES.keySet();
    }

    /** The built-in roles' definitions: module to permission type. */
    public static Map<String, Map<String, String>> builtInRoles() {
        return BUILT_IN;
    }

    /** A module's permission codes: its reading ones, then its changing ones. */
    public static List<String> codes(String module) {
        Module codes = MODULES.get(module);
        List<String> all = new ArrayList<>(codes.read());
        all.addAll(codes.write());
        return all;
    }

    @SuppressWarnings("unchecked")
    private static void grant(Map<String, Set<Rule>> granted, List<Map<String, Object>> modulePermissions) {
        for (Map<String, Object> module : modulePermissions) {
            List<Map<String, Object>> permissions =
                    (List<Map<String, Object>>) module.getOrDefault("Permissions", List.of());
            grant(granted, (String) module.get("ModuleName"), (String) module.get("PermissionType"), permissions);
        }
    }

    @SuppressWarnings("unchecked")
    private static void grant(
            Map<String, Set<Rule>> granted, String moduleName, String type, List<Map<String, Object>> permissions) {
        Module module = MODULES.get(moduleName);
        if (module == null) {
            return;
        }
        switch (type) {
            case "ReadOnly" -> add(granted, module.read(), List.of(PUBLIC, OWN_PRIVATE));
            case "ReadWrite" -> {
                add(granted, module.read(), List.of(PUBLIC, OWN_PRIVATE));
                add(granted, module.write(), List.of(PUBLIC, OWN_PRIVATE));
            }
            case "FullAccess" -> {
                add(granted, module.read(), List.of(PUBLIC, ANY_PRIVATE));
                add(granted, module.write(), List.of(PUBLIC, ANY_PRIVATE));
            }
            case "CustomPermissions" -> {
                for (Map<String, Object> permission : permissions) {
                    List<Rule> rules = new ArrayList<>();
                    for (Map<String, Object> rule :
                            (List<Map<String, Object>>) permission.getOrDefault("PermissionRules", List.of())) {
                        String accessibility = (String) rule.get("Accessibility");
                        rules.add(new Rule(
                                accessibility,
                                "PRIVATE".equals(accessibility) ? (String) rule.get("EntityAccessType") : null));
                    }
                    add(granted, (List<String>) permission.getOrDefault("PermissionCodes", List.of()), rules);
                }
            }
            default -> {
                // NoPrivilege: nothing
            }
        }
    }

    private static void add(Map<String, Set<Rule>> granted, List<String> codes, List<Rule> rules) {
        for (String code : codes) {
            granted.computeIfAbsent(code, key -> new LinkedHashSet<>()).addAll(rules);
        }
    }
}
