package io.github.paiworkspacefake.server.internal.domain.resources;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stored resource of the resource engine: its members as the API answers them (by their wire names, times as
 * {@link Instant}s, labels as {@code [{Key, Value}]} in the order sent), who owns it and where it lives.
 *
 * @param type        the resource type's name, such as {@code Dataset}
 * @param accountId   the account that owns it; no other account finds it
 * @param id          its id, unique under its parent within its type
 * @param parentId    the id of the resource it lives under (a dataset's, for a version), or null
 * @param workspaceId the workspace it belongs to, or null; it is removed with its workspace
 * @param sequence    its place in the fake's creation order
 * @param fields      its members, unmodifiable, in the order set
 * @param counters    per-resource counters that only grow, such as the last version number handed out
 */
public record Resource(
        String type,
        String accountId,
        String id,
        String parentId,
        String workspaceId,
        long sequence,
        Map<String, Object> fields,
        Map<String, Long> counters) {

    public Resource {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        counters = Map.copyOf(counters);
    }

    /** A member's value, or null. */
    public Object field(String name) {
        return fields.get(name);
    }

    /** A string member, if set. */
    public Optional<String> text(String name) {
        Object value = fields.get(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /** Its labels, {@code [{Key, Value}]}, in order (the member {@code Labels}). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> labels() {
        Object labels = fields.get(Labels.FIELD);
        return labels == null ? List.of() : (List<Map<String, Object>>) labels;
    }

    /** A copy with other members. */
    public Resource withFields(Map<String, Object> newFields) {
        return new Resource(type, accountId, id, parentId, workspaceId, sequence, newFields, counters);
    }

    /** A copy with other counters. */
    public Resource withCounters(Map<String, Long> newCounters) {
        return new Resource(type, accountId, id, parentId, workspaceId, sequence, fields, newCounters);
    }
}
