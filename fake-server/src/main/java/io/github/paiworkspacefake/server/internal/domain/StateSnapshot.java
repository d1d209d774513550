package io.github.paiworkspacefake.server.internal.domain;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceRoles;
import io.github.paiworkspacefake.server.WorkspaceSeed;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one JSON format for seed files and snapshots: {@code {"users":[{...}],"workspaces":[{...}],"resources":[{...}]}},
 * each workspace
 * with the API's own member names plus {@code Owner}, {@code IsDefault} and its {@code Members}, each user with
 * {@code AccountId} (the fake's account when absent), {@code UserId}, {@code UserName} and {@code DisplayName}.
 * Reading checks each entry on its own; whether they may be stored together is {@link WorkspaceBatch}'s check.
 */
public final class StateSnapshot {

    private static final Set<String> WORKSPACE_MEMBERS = Set.of(
            "WorkspaceId",
            "WorkspaceName",
            "DisplayName",
            "Description",
            "EnvTypes",
            "ResourceGroupId",
            "Status",
            "GmtCreateTime",
            "GmtModifiedTime",
            "Owner",
            "IsDefault",
            "Members");
    private static final Set<String> MEMBER_MEMBERS = Set.of("UserId", "Roles", "GmtCreateTime");
    private static final Set<String> USER_MEMBERS = Set.of("AccountId", "UserId", "UserName", "DisplayName");
    private static final Set<String> OWNER_MEMBERS = Set.of("AccountId", "UserName", "DisplayName", "TenantId");

    /** A workspace to store, whether it is its owner's default, and its members besides the implied owner. */
    public record Entry(WorkspaceSeed workspace, boolean isDefault, List<MemberSeed> members) {
        Entry(WorkspaceSeed workspace, boolean isDefault) {
            this(workspace, isDefault, List.of());
        }
    }

    /** A member listed for a workspace: a user of its account, its roles, and when it joined (null: now). */
    public record MemberSeed(String userId, List<String> roles, Instant gmtCreateTime) {}

    /** A RAM user; a null account id means the fake's account. */
    public record UserSeed(String accountId, String userId, String userName, String displayName) {}

    /** A whole seed or snapshot: its workspaces, its users and the resource engine's resources. */
    public record Document(List<Entry> entries, List<UserSeed> users, List<Resource> resources) {}

    private static final Set<String> RESOURCE_MEMBERS =
            Set.of("Type", "AccountId", "Id", "ParentId", "WorkspaceId", "Sequence", "Fields", "Counters");

    private StateSnapshot() {}

    /** Reads and checks each entry of a seed or snapshot; {@link IllegalArgumentException} names the first problem. */
    public static Document read(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("workspaces").isArray()) {
            throw new IllegalArgumentException("expected an object with a \"workspaces\" array");
        }
        rejectUnknown(root, Set.of("workspaces", "users", "resources"), "the document");
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.get("workspaces")) {
            entries.add(entry(node, "workspaces[" + index++ + "]"));
        }
        List<UserSeed> users = new ArrayList<>();
        JsonNode userNodes = root.get("users");
        if (userNodes != null && !userNodes.isNull()) {
            if (!userNodes.isArray()) {
                throw new IllegalArgumentException("users: expected an array");
            }
            index = 0;
            for (JsonNode node : userNodes) {
                users.add(user(node, "users[" + index++ + "]"));
            }
        }
        List<Resource> resources = new ArrayList<>();
        JsonNode resourceNodes = root.get("resources");
        if (resourceNodes != null && !resourceNodes.isNull()) {
            if (!resourceNodes.isArray()) {
                throw new IllegalArgumentException("resources: expected an array");
            }
            index = 0;
            for (JsonNode node : resourceNodes) {
                resources.add(resource(node, "resources[" + index++ + "]"));
            }
        }
        return new Document(List.copyOf(entries), List.copyOf(users), List.copyOf(resources));
    }

    /**
     * A stored resource: {@code Type}, {@code Id} and {@code Fields} required, {@code AccountId} the fake's account
     * when absent (given as null here), the type's time members read as times.
     */
    private static Resource resource(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        rejectUnknown(node, RESOURCE_MEMBERS, where);
        String type = text(node, "Type", where, true);
        ResourceSpec spec = Catalogue.get()
                .resource(type)
                .orElseThrow(() -> new IllegalArgumentException(where + ".Type: unknown type " + type + "; known are "
                        + Catalogue.get().resources().keySet()));
        JsonNode fieldsNode = node.get("Fields");
        if (fieldsNode == null || !fieldsNode.isObject()) {
            throw new IllegalArgumentException(where + ".Fields: expected an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) JsonTrees.plain(fieldsNode);
        for (String timeField : new String[] {spec.createdField(), spec.modifiedField()}) {
            if (timeField != null && fields.get(timeField) != null) {
                fields.put(timeField, time(fieldsNode, timeField, where + ".Fields"));
            }
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        JsonNode counterNodes = node.get("Counters");
        if (counterNodes != null && !counterNodes.isNull()) {
            if (!counterNodes.isObject()) {
                throw new IllegalArgumentException(where + ".Counters: expected an object of whole numbers");
            }
            counterNodes.fields().forEachRemaining(counter -> {
                if (!counter.getValue().canConvertToLong()
                        || !counter.getValue().isIntegralNumber()) {
                    throw new IllegalArgumentException(
                            where + ".Counters." + counter.getKey() + ": expected a whole number");
                }
                counters.put(counter.getKey(), counter.getValue().longValue());
            });
        }
        JsonNode sequence = node.get("Sequence");
        if (sequence != null && !sequence.isNull() && !(sequence.isIntegralNumber() && sequence.longValue() > 0)) {
            throw new IllegalArgumentException(where + ".Sequence: expected a positive whole number");
        }
        return new Resource(
                type,
                text(node, "AccountId", where, false),
                text(node, "Id", where, true),
                text(node, "ParentId", where, false),
                text(node, "WorkspaceId", where, false),
                sequence == null || sequence.isNull() ? 0 : sequence.longValue(),
                fields,
                counters);
    }

    /**
     * Writes users, workspaces (oldest first, with their members) and resources in the format {@link #read(String)}
     * reads.
     */
    public static String write(
            List<User> users,
            List<Workspace> workspaces,
            Predicate<Workspace> isDefault,
            Function<Workspace, List<Member>> members,
            List<Resource> resources) {
        ObjectNode root = Json.object();
        ArrayNode userList = root.putArray("users");
        for (User user : users) {
            userList.addObject()
                    .put("AccountId", user.accountId())
                    .put("UserId", user.userId())
                    .put("UserName", user.userName())
                    .put("DisplayName", user.displayName());
        }
        ArrayNode list = root.putArray("workspaces");
        for (Workspace workspace : workspaces) {
            ObjectNode node = list.addObject();
            node.put("WorkspaceId", workspace.workspaceId());
            node.put("WorkspaceName", workspace.workspaceName());
            node.put("DisplayName", workspace.displayName());
            node.put("Description", workspace.description());
            ArrayNode envTypes = node.putArray("EnvTypes");
            workspace.envTypes().forEach(envTypes::add);
            node.put("ResourceGroupId", workspace.resourceGroupId());
            node.put("Status", workspace.status().name());
            node.put("GmtCreateTime", Json.timestamp(workspace.gmtCreateTime()));
            node.put("GmtModifiedTime", Json.timestamp(workspace.gmtModifiedTime()));
            Account owner = workspace.owner();
            node.putObject("Owner")
                    .put("AccountId", owner.accountId())
                    .put("UserName", owner.userName())
                    .put("DisplayName", owner.displayName())
                    .put("TenantId", owner.tenantId());
            node.put("IsDefault", isDefault.test(workspace));
            ArrayNode memberList = node.putArray("Members");
            for (Member member : members.apply(workspace)) {
                ObjectNode item =
                        memberList.addObject().put("UserId", member.user().userId());
                ArrayNode roles = item.putArray("Roles");
                member.roles().forEach(roles::add);
                item.put("GmtCreateTime", Json.timestamp(member.gmtCreateTime()));
            }
        }
        ArrayNode resourceList = root.putArray("resources");
        for (Resource resource : resources) {
            ObjectNode node = resourceList.addObject();
            node.put("Type", resource.type());
            node.put("AccountId", resource.accountId());
            node.put("Id", resource.id());
            node.put("ParentId", resource.parentId());
            node.put("WorkspaceId", resource.workspaceId());
            node.put("Sequence", resource.sequence());
            node.set("Fields", JsonTrees.tree(resource.fields()));
            ObjectNode counters = node.putObject("Counters");
            resource.counters().forEach(counters::put);
        }
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Entry entry(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        rejectUnknown(node, WORKSPACE_MEMBERS, where);
        String name = text(node, "WorkspaceName", where, true);
        WorkspaceSeed.Builder builder = WorkspaceSeed.builder(name)
                .workspaceId(text(node, "WorkspaceId", where, false))
                .displayName(text(node, "DisplayName", where, false))
                .resourceGroupId(text(node, "ResourceGroupId", where, false));
        String description = text(node, "Description", where, false);
        if (description != null) {
            builder.description(description);
        }
        JsonNode envTypes = node.get("EnvTypes");
        if (envTypes != null) {
            if (!envTypes.isArray()) {
                throw new IllegalArgumentException(where + ".EnvTypes: expected an array of strings");
            }
            List<String> values = new ArrayList<>();
            envTypes.forEach(value -> {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException(where + ".EnvTypes: expected an array of strings");
                }
                values.add(value.textValue());
            });
            builder.envTypes(values.toArray(String[]::new));
        }
        String status = text(node, "Status", where, false);
        if (status != null) {
            try {
                builder.status(WorkspaceStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".Status: \"" + status + "\" is not one of "
                        + Arrays.toString(WorkspaceStatus.values()));
            }
        }
        builder.gmtCreateTime(time(node, "GmtCreateTime", where)).gmtModifiedTime(time(node, "GmtModifiedTime", where));
        JsonNode owner = node.get("Owner");
        if (owner != null && !owner.isNull()) {
            if (!owner.isObject()) {
                throw new IllegalArgumentException(where + ".Owner: expected an object");
            }
            rejectUnknown(owner, OWNER_MEMBERS, where + ".Owner");
            String accountId = text(owner, "AccountId", where + ".Owner", true);
            String userName = orElse(text(owner, "UserName", where + ".Owner", false), accountId);
            builder.owner(new Account(
                    accountId,
                    userName,
                    orElse(text(owner, "DisplayName", where + ".Owner", false), userName),
                    orElse(text(owner, "TenantId", where + ".Owner", false), accountId)));
        }
        JsonNode isDefault = node.get("IsDefault");
        if (isDefault != null && !isDefault.isBoolean()) {
            throw new IllegalArgumentException(where + ".IsDefault: expected true or false");
        }
        return new Entry(
                builder.build(), isDefault != null && isDefault.booleanValue(), members(node.get("Members"), where));
    }

    private static List<MemberSeed> members(JsonNode list, String where) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + ".Members: expected an array");
        }
        List<MemberSeed> members = new ArrayList<>();
        int index = 0;
        for (JsonNode node : list) {
            String at = where + ".Members[" + index++ + "]";
            if (!node.isObject()) {
                throw new IllegalArgumentException(at + ": expected an object");
            }
            rejectUnknown(node, MEMBER_MEMBERS, at);
            String userId = text(node, "UserId", at, true);
            JsonNode roles = node.get("Roles");
            if (roles == null || !roles.isArray() || roles.isEmpty()) {
                throw new IllegalArgumentException(at + ".Roles: expected a non-empty array of roles");
            }
            List<String> values = new ArrayList<>();
            for (JsonNode role : roles) {
                if (!role.isTextual()
                        || !(WorkspaceRoles.ALL.contains(role.textValue())
                                || WorkspaceRules.isCustomRole(role.textValue()))) {
                    throw new IllegalArgumentException(at + ".Roles: " + role + " is not one of " + WorkspaceRoles.ALL
                            + " nor the id (role-...) of a custom role of the workspace");
                }
                values.add(role.textValue());
            }
            members.add(
                    new MemberSeed(userId, List.copyOf(new LinkedHashSet<>(values)), time(node, "GmtCreateTime", at)));
        }
        return List.copyOf(members);
    }

    private static UserSeed user(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        rejectUnknown(node, USER_MEMBERS, where);
        String userId = text(node, "UserId", where, true);
        String userName = text(node, "UserName", where, true);
        return new UserSeed(
                text(node, "AccountId", where, false),
                userId,
                userName,
                orElse(text(node, "DisplayName", where, false), userName));
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown member \"" + name + "\"; known are " + known);
            }
        }
    }

    private static String text(JsonNode node, String member, String where, boolean required) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(where + "." + member + ": required");
            }
            return null;
        }
        if (!value.isTextual() || (required && value.textValue().isEmpty())) {
            throw new IllegalArgumentException(where + "." + member + ": expected a non-empty string");
        }
        return value.textValue();
    }

    private static Instant time(JsonNode node, String member, String where) {
        String text = text(node, member, where, false);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + "." + member + ": \"" + text
                    + "\" is not an ISO 8601 UTC time such as 2021-01-21T17:12:35.232Z");
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
