package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.resources.Labels;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import io.github.paiworkspacefake.server.internal.domain.settings.SettingsResources;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Config family: a workspace's configurations ({@code /api/v1/workspaces/{WorkspaceId}/config(s)}), one value per
 * key and category. The keys are those the reference lists, each valid in its categories only, and the keys real
 * clients use that the reference does not list: {@code modelExportPath} (the default OSS path every PAI Python SDK
 * session and agent runtime reads) and {@code tempTableLifecycle} (the reference's own ListConfigs example); both are
 * common resource configurations, like {@code tempStoragePath}.
 */
final class ConfigOperations implements OperationFamily {

    /** Every key the fake knows, with the categories it is valid in (the first when a request names none). */
    static final Map<String, List<String>> KEYS = keys();

    private static Map<String, List<String>> keys() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("tempStoragePath", List.of("CommonResourceConfig"));
        keys.put("isAutoRecycle", List.of("DLCAutoRecycle"));
        keys.put("priorityConfig", List.of("DLCPriorityConfig", "DSWPriorityConfig"));
        keys.put("quotaMaximumDuration", List.of("QuotaMaximumDuration"));
        keys.put("predefinedTags", List.of("CommonTagConfig"));
        keys.put("modelExportPath", List.of("CommonResourceConfig"));
        keys.put("tempTableLifecycle", List.of("CommonResourceConfig"));
        return keys;
    }

    @Override
    public String family() {
        return "Config";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.GetConfig, ConfigOperations::get);
        binder.serve(Operation.ListConfigs, ConfigOperations::list);
        binder.serve(Operation.UpdateConfig, ConfigOperations::update);
        binder.serve(Operation.UpdateConfigs, ConfigOperations::updateAll);
        binder.serve(Operation.DeleteConfig, ConfigOperations::delete);
    }

    private static ResourceSpec type() {
        return SettingsResources.type(SettingsResources.CONFIG);
    }

    /** A known key, or an invalid-parameter error naming the keys. */
    private static List<String> categoriesOf(String parameter, String key) {
        List<String> categories = KEYS.get(key);
        if (categories == null) {
            throw ApiException.invalid(
                    parameter,
                    "\"" + key + "\" is not a workspace configuration key; valid keys are "
                            + String.join(", ", KEYS.keySet()) + ".");
        }
        return categories;
    }

    /**
     * The category a key is written or read under: the one given, which must be one the key is valid in, or the key's
     * only category; {@code priorityConfig} needs one named.
     */
    private static String category(String keyParameter, String key, Optional<String> given) {
        List<String> categories = categoriesOf(keyParameter, key);
        if (given.isPresent()) {
            if (!categories.contains(given.get())) {
                throw ApiException.invalid(
                        "CategoryName",
                        "ConfigKey " + key + " is valid only when CategoryName is " + String.join(" or ", categories)
                                + ", got \"" + given.get() + "\".");
            }
            return given.get();
        }
        if (categories.size() > 1) {
            throw ApiException.invalid(
                    "CategoryName",
                    "ConfigKey " + key + " needs CategoryName " + String.join(" or ", categories) + ".");
        }
        return categories.get(0);
    }

    private static Optional<Resource> find(Call call, String workspaceId, String category, String key) {
        return call
                .fake()
                .resources()
                .list(
                        type(),
                        call.caller().accountId(),
                        null,
                        config -> workspaceId.equals(config.workspaceId())
                                && category.equals(config.field("CategoryName"))
                                && key.equals(config.field("ConfigKey")))
                .stream()
                .findFirst();
    }

    private static Answer get(Call call) {
        String workspaceId = call.path("WorkspaceId");
        call.fake().workspaces().owned(call.caller(), workspaceId);
        String key = call.requiredString("ConfigKey");
        String category = category("ConfigKey", key, call.string("CategoryName"));
        Resource config = find(call, workspaceId, category, key).orElseThrow(() -> ApiException.of(type().notFound()));
        boolean verbose = call.string("Verbose").map("true"::equals).orElse(false);
        return Answer.empty()
                .put("WorkspaceId", workspaceId)
                .put("CategoryName", config.field("CategoryName"))
                .put("ConfigKey", config.field("ConfigKey"))
                .put("ConfigValue", config.field("ConfigValue"))
                .put("GmtCreateTime", config.field("GmtCreateTime"))
                .put("GmtModifiedTime", config.field("GmtModifiedTime"))
                .put("Labels", verbose ? config.labels() : null);
    }

    private static Answer list(Call call) {
        String workspaceId = call.path("WorkspaceId");
        call.fake().workspaces().owned(call.caller(), workspaceId);
        Optional<String> category = call.string("CategoryName");
        Set<String> keys = new HashSet<>();
        for (String key : call.strings("ConfigKeys").orElse(List.of())) {
            List<String> categories = categoriesOf("ConfigKeys", key);
            if (category.isPresent() && !categories.contains(category.get())) {
                throw ApiException.invalid(
                        "ConfigKeys",
                        "ConfigKey " + key + " is valid only when CategoryName is " + String.join(" or ", categories)
                                + ", got \"" + category.get() + "\".");
            }
            keys.add(key);
        }
        List<String[]> labels = labelConditions(call.string("Labels").orElse(""));
        boolean verbose = call.string("Verbose").map("true"::equals).orElse(false);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Resource config : call.fake()
                .resources()
                .list(type(), call.caller().accountId(), null, each -> workspaceId.equals(each.workspaceId()))) {
            if ((category.isEmpty() || category.get().equals(config.field("CategoryName")))
                    && (keys.isEmpty() || keys.contains(config.field("ConfigKey")))
                    && hasLabels(config.labels(), labels)) {
                items.add(Maps.ordered(
                        "ConfigId", config.id(),
                        "ConfigKey", config.field("ConfigKey"),
                        "ConfigValue", config.field("ConfigValue"),
                        "GmtCreateTime", config.field("GmtCreateTime"),
                        "GmtModifiedTime", config.field("GmtModifiedTime"),
                        "Labels", verbose ? config.labels() : null));
            }
        }
        return Answer.empty().put("TotalCount", items.size()).put("Configs", items);
    }

    private static Answer update(Call call) {
        String workspaceId = call.path("WorkspaceId");
        call.fake().workspaces().owned(call.caller(), workspaceId);
        String key = call.requiredString("ConfigKey");
        String category = category("ConfigKey", key, call.string("CategoryName"));
        write(call, workspaceId, category, key, call.requiredString("ConfigValue"), call.objects("Labels"));
        return Answer.empty();
    }

    /** UpdateConfigs: every configuration checked first, then all written. */
    private static Answer updateAll(Call call) {
        String workspaceId = call.path("WorkspaceId");
        call.fake().workspaces().owned(call.caller(), workspaceId);
        List<Map<String, Object>> configs = call.objects("Configs").orElseThrow();
        if (configs.isEmpty()) {
            throw ApiException.invalid("Configs", "it must list at least one configuration.");
        }
        List<String> categories = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> config : configs) {
            String key = (String) config.get("ConfigKey");
            String category = category("ConfigKey", key, Optional.ofNullable((String) config.get("CategoryName")));
            if (!seen.add(category + "/" + key)) {
                throw ApiException.invalid(
                        "Configs", "the configuration " + key + " of " + category + " is listed twice.");
            }
            categories.add(category);
        }
        for (int i = 0; i < configs.size(); i++) {
            Map<String, Object> config = configs.get(i);
            write(
                    call,
                    workspaceId,
                    categories.get(i),
                    (String) config.get("ConfigKey"),
                    (String) config.get("ConfigValue"),
                    Optional.ofNullable(labels(config.get("Labels"))));
        }
        return Answer.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> labels(Object value) {
        return (List<Map<String, Object>>) value;
    }

    /** Creates or changes one configuration; given labels replace its labels, absent ones keep them. */
    private static void write(
            Call call,
            String workspaceId,
            String category,
            String key,
            String value,
            Optional<List<Map<String, Object>>> labels) {
        labels.ifPresent(given -> given.forEach(label -> {
            if (label.get("Key") == null) {
                throw ApiException.missing("Labels.Key");
            }
        }));
        Resources resources = call.fake().resources();
        String accountId = call.caller().accountId();
        Optional<Resource> existing = find(call, workspaceId, category, key);
        if (existing.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("WorkspaceId", workspaceId);
            fields.put("CategoryName", category);
            fields.put("ConfigKey", key);
            fields.put("ConfigValue", value);
            fields.put("Labels", Labels.merge(List.of(), labels.orElse(List.of())));
            try {
                resources.create(type(), Resources.Creation.in(accountId, workspaceId, fields));
                return;
            } catch (ApiException raced) {
                // another request created it meanwhile: change that one
                existing = find(call, workspaceId, category, key);
                if (existing.isEmpty()) {
                    throw raced;
                }
            }
        }
        resources.update(type(), accountId, null, existing.get().id(), fields -> {
            fields.put("ConfigValue", value);
            labels.ifPresent(given -> fields.put("Labels", Labels.merge(List.of(), given)));
            return fields;
        });
    }

    private static Answer delete(Call call) {
        String workspaceId = call.path("WorkspaceId");
        call.fake().workspaces().owned(call.caller(), workspaceId);
        String key = call.path("ConfigKey");
        List<String> categories = categoriesOf("ConfigKey", key);
        Optional<String> category = call.string("CategoryName");
        if (category.isPresent() && !categories.contains(category.get())) {
            throw ApiException.invalid(
                    "CategoryName",
                    "ConfigKey " + key + " is valid only when CategoryName is " + String.join(" or ", categories)
                            + ", got \"" + category.get() + "\".");
        }
        List<String[]> labels = labelConditions(call.string("Labels").orElse(""));
        List<Resource> matches = call.fake()
                .resources()
                .list(
                        type(),
                        call.caller().accountId(),
                        null,
                        config -> workspaceId.equals(config.workspaceId())
                                && key.equals(config.field("ConfigKey"))
                                && category.map(config.field("CategoryName")::equals)
                                        .orElse(true)
                                && hasLabels(config.labels(), labels));
        if (matches.isEmpty()) {
            throw ApiException.of(type().notFound());
        }
        for (Resource config : matches) {
            try {
                call.fake().resources().remove(type(), call.caller().accountId(), null, config.id());
            } catch (ApiException alreadyGone) {
                // a concurrent DeleteConfig removed it
            }
        }
        return Answer.empty();
    }

    /** {@code key=value} conditions, separated by commas (or semicolons, as the reference's example writes them). */
    private static List<String[]> labelConditions(String text) {
        List<String[]> conditions = new ArrayList<>();
        for (String part : text.split("[,;]", -1)) {
            String condition = part.trim();
            if (condition.isEmpty()) {
                continue;
            }
            int equals = condition.indexOf('=');
            if (equals <= 0) {
                throw ApiException.invalid("Labels", "each condition is key=value, got \"" + condition + "\".");
            }
            conditions.add(new String[] {
                condition.substring(0, equals).trim(),
                condition.substring(equals + 1).trim()
            });
        }
        return conditions;
    }

    private static boolean hasLabels(List<Map<String, Object>> labels, List<String[]> conditions) {
        for (String[] condition : conditions) {
            boolean found = labels.stream()
                    .anyMatch(label -> condition[0].equals(label.get("Key"))
                            && condition[1].equals(String.valueOf(label.get("Value"))));
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
