package io.github.paiworkspacefake.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The one JSON format for seed files and snapshots: {@code {"workspaces":[{...}]}}, each workspace with the API's
 * own member names plus {@code Owner} and {@code IsDefault}. Reading checks each workspace on its own; whether they
 * may be stored together is {@link WorkspaceBatch}'s check.
 */
final class StateSnapshot {

    private static final Set<String> WORKSPACE_MEMBERS = Set.of("WorkspaceId", "WorkspaceName", "DisplayName",
            "Description", "EnvTypes", "ResourceGroupId", "Status", "GmtCreateTime", "GmtModifiedTime", "Owner", "IsDefault");
    private static final Set<String> OWNER_MEMBERS = Set.of("AccountId", "UserName", "DisplayName", "TenantId");

    /** A workspace to store and whether it is its owner's default. */
    record Entry(Workspace workspace, boolean isDefault) {
    }

    private StateSnapshot() {
    }

    /** Reads and checks each workspace of a seed or snapshot; {@link IllegalArgumentException} names the first problem. */
    static List<Entry> read(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("workspaces").isArray()) {
            throw new IllegalArgumentException("expected an object with a \"workspaces\" array");
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.get("workspaces")) {
            entries.add(entry(node, "workspaces[" + index++ + "]"));
        }
        return entries;
    }

    /** Writes workspaces, oldest first, in the format {@link #read(String)} reads. */
    static String write(List<Workspace> workspaces, java.util.function.Predicate<Workspace> isDefault) {
        ObjectNode root = Json.object();
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
            node.put("GmtCreateTime", WorkspaceResponses.timestamp(workspace.gmtCreateTime()));
            node.put("GmtModifiedTime", WorkspaceResponses.timestamp(workspace.gmtModifiedTime()));
            Account owner = workspace.owner();
            node.putObject("Owner").put("AccountId", owner.accountId()).put("UserName", owner.userName())
                    .put("DisplayName", owner.displayName()).put("TenantId", owner.tenantId());
            node.put("IsDefault", isDefault.test(workspace));
        }
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
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
        Workspace.Builder builder = Workspace.builder(name)
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
                        + java.util.Arrays.toString(WorkspaceStatus.values()));
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
            builder.owner(new Account(accountId, userName,
                    orElse(text(owner, "DisplayName", where + ".Owner", false), userName),
                    orElse(text(owner, "TenantId", where + ".Owner", false), accountId)));
        }
        JsonNode isDefault = node.get("IsDefault");
        if (isDefault != null && !isDefault.isBoolean()) {
            throw new IllegalArgumentException(where + ".IsDefault: expected true or false");
        }
        return new Entry(builder.build(), isDefault != null && isDefault.booleanValue());
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
        if (!value.isTextual() || required && value.textValue().isEmpty()) {
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
