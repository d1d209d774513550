package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the experiment, run and image families read from requests alike: labels and parameters {@code [{Key, Value}]}
 * with the reference's rules, and the workspace a call names (or the caller's default one).
 */
final class Inputs {

    /** The longest label key or value, in UTF-8 bytes (the reference's Label model). */
    static final int MAX_LABEL_BYTES = 128;

    private Inputs() {}

    /**
     * Labels as sent, checked: every {@code Key} present and not empty, keys and values at most 128 bytes and without
     * {@code =} or {@code ,} (the Label model's rule, which keeps {@code k=v,k2=v2} filters unambiguous). A missing
     * {@code Value} is the empty string; a key given twice keeps its last value, in the place it first had.
     */
    static List<Map<String, Object>> labels(String parameter, Optional<List<Map<String, Object>>> given) {
        return pairs(parameter, given, true);
    }

    /** Parameters {@code [{Key, Value}]} (a run's): every key present; a key given twice keeps its last value. */
    static List<Map<String, Object>> params(String parameter, Optional<List<Map<String, Object>>> given) {
        return pairs(parameter, given, false);
    }

    private static List<Map<String, Object>> pairs(
            String parameter, Optional<List<Map<String, Object>>> given, boolean labelRules) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (Map<String, Object> pair : given.orElse(List.of())) {
            Object key = pair.get("Key");
            if (!(key instanceof String text) || text.isEmpty()) {
                throw ApiException.missing(parameter + ".Key");
            }
            String value = pair.get("Value") == null ? "" : pair.get("Value").toString();
            if (labelRules) {
                checkLabelText(parameter + ".Key", text);
                checkLabelText(parameter + ".Value", value);
            }
            byKey.put(text, value);
        }
        List<Map<String, Object>> pairs = new ArrayList<>();
        byKey.forEach((key, value) -> pairs.add(Maps.ordered("Key", key, "Value", value)));
        return pairs;
    }

    private static void checkLabelText(String name, String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_LABEL_BYTES) {
            throw ApiException.invalid(
                    name, "it can be up to " + MAX_LABEL_BYTES + " bytes long, got \"" + text + "\".");
        }
        if (text.indexOf('=') >= 0 || text.indexOf(',') >= 0) {
            throw ApiException.invalid(name, "it cannot contain = or , (got \"" + text + "\").");
        }
    }

    /**
     * {@code current} labels with {@code added} set, each label with its {@code GmtCreateTime} and
     * {@code GmtModifiedTime}: a key already there takes the new value where it stands (its creation time kept), a new
     * key is appended.
     */
    static List<Map<String, Object>> mergeTimed(
            List<Map<String, Object>> current, List<Map<String, Object>> added, Instant now) {
        List<Map<String, Object>> labels = new ArrayList<>();
        current.forEach(label -> labels.add(new LinkedHashMap<>(label)));
        for (Map<String, Object> label : added) {
            Map<String, Object> existing = labels.stream()
                    .filter(each -> label.get("Key").equals(each.get("Key")))
                    .findFirst()
                    .orElse(null);
            if (existing != null) {
                existing.put("Value", label.get("Value"));
                existing.put("GmtModifiedTime", now);
            } else {
                labels.add(Maps.ordered(
                        "Key",
                        label.get("Key"),
                        "Value",
                        label.get("Value"),
                        "GmtCreateTime",
                        now,
                        "GmtModifiedTime",
                        now));
            }
        }
        return List.copyOf(labels);
    }

    /** {@code current} pairs with {@code added} set: a key already there takes the new value, a new key is appended. */
    static List<Map<String, Object>> merge(List<Map<String, Object>> current, List<Map<String, Object>> added) {
        Map<Object, Object> byKey = new LinkedHashMap<>();
        current.forEach(pair -> byKey.put(pair.get("Key"), pair.get("Value")));
        added.forEach(pair -> byKey.put(pair.get("Key"), pair.get("Value")));
        List<Map<String, Object>> pairs = new ArrayList<>();
        byKey.forEach((key, value) -> pairs.add(Maps.ordered("Key", key, "Value", value)));
        return List.copyOf(pairs);
    }

    /** A list member of a resource's fields ({@code Labels}, {@code Params}, {@code Metrics}), or an empty list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> fields, String member) {
        Object value = fields.get(member);
        return value instanceof List<?> items ? (List<Map<String, Object>>) items : List.of();
    }

    /**
     * The workspace a call names, which must be the caller's ({@code 404 100400027} otherwise), or, when it names
     * none, the caller's default workspace ({@code 404 100400027} when it has none).
     */
    static Workspace workspace(FakeState fake, Account caller, Optional<String> workspaceId) {
        Optional<String> named = workspaceId.filter(id -> !id.isEmpty());
        if (named.isPresent()) {
            return fake.workspaces().owned(caller, named.get());
        }
        return fake.workspaces()
                .defaultWorkspace(caller.accountId())
                .orElseThrow(() -> new ApiException(
                        ErrorCode.DEFAULT_WORKSPACE_NOT_FOUND,
                        "Default workspace not exists: give a WorkspaceId, or create the default workspace first."));
    }

    /** The fake's time now, to the millisecond, as the engine stamps it. */
    static Instant now(FakeState fake) {
        return fake.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
