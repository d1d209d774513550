package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import io.github.paiworkspacefake.server.internal.domain.settings.SettingsResources;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The UserConfig family: an account's own configurations ({@code /api/v1/userconfigs}), one value per category, key
 * and scope. The reference supports category {@code DataPrivacyConfig} with key {@code customizePAIAssumedRole} and the
 * scopes {@code owner} (the default, as Terraform's documentation says) and {@code subUser}.
 */
final class UserConfigOperations implements OperationFamily {

    /** The scope a configuration set without one has. */
    static final String DEFAULT_SCOPE = "owner";

    @Override
    public String family() {
        return "UserConfig";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.ListUserConfigs, UserConfigOperations::list);
        binder.serve(Operation.SetUserConfigs, UserConfigOperations::set);
        binder.serve(Operation.DeleteUserConfig, UserConfigOperations::delete);
    }

    private static ResourceSpec type() {
        return SettingsResources.type(SettingsResources.USER_CONFIG);
    }

    private static List<Resource> matching(
            Call call, Optional<Set<String>> categories, Optional<Set<String>> keys, Optional<String> scope) {
        return call.fake()
                .resources()
                .list(
                        type(),
                        call.caller().accountId(),
                        null,
                        config -> categories
                                        .map(wanted -> wanted.contains(config.field("CategoryName")))
                                        .orElse(true)
                                && keys.map(wanted -> wanted.contains(config.field("ConfigKey")))
                                        .orElse(true)
                                && scope.map(wanted -> wanted.equals(config.field("Scope")))
                                        .orElse(true));
    }

    private static Answer list(Call call) {
        List<Resource> configs = matching(
                call,
                call.strings("CategoryNames").filter(names -> !names.isEmpty()).map(Set::copyOf),
                call.strings("ConfigKeys").filter(names -> !names.isEmpty()).map(Set::copyOf),
                Optional.empty());
        return Answer.empty()
                .put("TotalCount", configs.size())
                .put(
                        "Configs",
                        configs.stream()
                                .map(config -> Maps.ordered(
                                        "CategoryName", config.field("CategoryName"),
                                        "ConfigKey", config.field("ConfigKey"),
                                        "ConfigValue", config.field("ConfigValue"),
                                        "Scope", config.field("Scope")))
                                .toList());
    }

    /** SetUserConfigs: creates or changes each configuration, all checked first. */
    private static Answer set(Call call) {
        List<Map<String, Object>> configs = call.objects("Configs").orElseThrow();
        if (configs.isEmpty()) {
            throw ApiException.invalid("Configs", "it must list at least one configuration.");
        }
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> config : configs) {
            String identity = config.get("CategoryName") + "/" + config.get("ConfigKey") + "/" + scope(config);
            if (!seen.add(identity)) {
                throw ApiException.invalid("Configs", "the configuration " + identity + " is listed twice.");
            }
        }
        for (Map<String, Object> config : configs) {
            write(
                    call,
                    (String) config.get("CategoryName"),
                    (String) config.get("ConfigKey"),
                    (String) config.get("ConfigValue"),
                    scope(config));
        }
        return Answer.empty();
    }

    private static String scope(Map<String, Object> config) {
        Object scope = config.get("Scope");
        return scope == null || scope.toString().isEmpty() ? DEFAULT_SCOPE : scope.toString();
    }

    private static void write(Call call, String category, String key, String value, String scope) {
        Resources resources = call.fake().resources();
        String accountId = call.caller().accountId();
        Optional<Resource> existing =
                matching(call, Optional.of(Set.of(category)), Optional.of(Set.of(key)), Optional.of(scope)).stream()
                        .findFirst();
        if (existing.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("CategoryName", category);
            fields.put("ConfigKey", key);
            fields.put("ConfigValue", value);
            fields.put("Scope", scope);
            try {
                resources.create(type(), Resources.Creation.in(accountId, null, fields));
                return;
            } catch (ApiException raced) {
                existing =
                        matching(call, Optional.of(Set.of(category)), Optional.of(Set.of(key)), Optional.of(scope))
                                .stream()
                                .findFirst();
                if (existing.isEmpty()) {
                    throw raced;
                }
            }
        }
        resources.update(type(), accountId, null, existing.get().id(), fields -> {
            fields.put("ConfigValue", value);
            return fields;
        });
    }

    /**
     * DeleteUserConfig: removes the category's configurations of the key and scope given (of every key or scope when
     * not given). Nothing to remove is no error, so that a repeated deletion succeeds.
     */
    private static Answer delete(Call call) {
        for (Resource config : matching(
                call,
                Optional.of(Set.of(call.path("CategoryName"))),
                call.string("ConfigKey").map(Set::of),
                call.string("Scope"))) {
            try {
                call.fake().resources().remove(type(), call.caller().accountId(), null, config.id());
            } catch (ApiException alreadyGone) {
                // a concurrent deletion removed it
            }
        }
        return Answer.empty();
    }
}
