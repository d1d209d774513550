package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.RequestJournal;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import io.github.paiworkspacefake.server.internal.domain.settings.SettingsResources;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Connection family ({@code /api/v1/connections}): connections to model services and databases, with their
 * configuration ({@code Configs}) and secrets ({@code Secrets}). Secrets are answered in plain text only when the
 * request asks with {@code EncryptOption=PlainText}; otherwise (and with {@code Secret}) each value is masked. The
 * journal and the log never hold them (the catalogue marks {@code Secrets} sensitive).
 */
final class ConnectionOperations implements OperationFamily {

    /** The connection types ValidateConnection can test: those that reach the public network (the reference). */
    private static final List<String> VALIDATED_TYPES =
            List.of("DashScopeConnection", "DeepSeekConnection", "FunctionAIMCPConnection", "CustomMCPConnection");

    @Override
    public String family() {
        return "Connection";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateConnection, ConnectionOperations::create);
        binder.serve(Operation.GetConnection, ConnectionOperations::get);
        binder.serve(Operation.ListConnections, ConnectionOperations::list);
        binder.serve(Operation.UpdateConnection, ConnectionOperations::update);
        binder.serve(Operation.DeleteConnection, ConnectionOperations::delete);
        binder.serve(Operation.ValidateConnection, ConnectionOperations::validate);
    }

    private static ResourceSpec type() {
        return SettingsResources.type(SettingsResources.CONNECTION);
    }

    /** A map of strings: every value of {@code Configs} and {@code Secrets} is a string (never echoed back). */
    private static Optional<Map<String, Object>> strings(Call call, String name) {
        Optional<Map<String, Object>> map = call.object(name);
        map.ifPresent(values -> values.forEach((key, value) -> {
            if (!(value instanceof String)) {
                throw ApiException.invalid(name, "the value of \"" + key + "\" must be a string.");
            }
        }));
        return map;
    }

    private static Answer create(Call call) {
        Optional<String> workspaceId = call.string("WorkspaceId").filter(id -> !id.isEmpty());
        workspaceId.ifPresent(id -> call.fake().workspaces().owned(call.caller(), id));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("WorkspaceId", workspaceId.orElse(null));
        fields.put("ConnectionName", call.requiredString("ConnectionName"));
        fields.put("ConnectionType", call.string("ConnectionType").orElse(null));
        fields.put("Description", call.string("Description").orElse(null));
        fields.put("Accessibility", call.string("Accessibility").orElse("PRIVATE"));
        fields.put("Configs", strings(call, "Configs").orElseThrow(() -> ApiException.missing("Configs")));
        fields.put("Secrets", strings(call, "Secrets").orElse(Map.of()));
        fields.put("Models", call.objects("Models").orElse(List.of()));
        fields.put("ResourceMeta", call.object("ResourceMeta").orElse(null));
        fields.put("Creator", call.userId());
        Resource connection = call.fake()
                .resources()
                .create(type(), Resources.Creation.in(call.caller().accountId(), workspaceId.orElse(null), fields));
        return Answer.empty().put("ConnectionId", connection.id());
    }

    private static Resource connection(Call call, String connectionId) {
        return call.fake().resources().get(type(), call.caller().accountId(), null, connectionId);
    }

    private static Answer get(Call call) {
        Resource connection = connection(call, call.path("ConnectionId"));
        return Answer.of(view(connection, plainText(call)));
    }

    private static boolean plainText(Call call) {
        return call.string("EncryptOption").map("PlainText"::equals).orElse(false);
    }

    /** A connection as GetConnection and ListConnections answer it; secrets masked unless asked in plain text. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(Resource connection, boolean plainText) {
        Map<String, Object> secrets = new LinkedHashMap<>();
        ((Map<String, Object>) connection.fields().getOrDefault("Secrets", Map.of()))
                .forEach((key, value) -> secrets.put(key, plainText ? value : RequestJournal.MASK));
        List<Map<String, Object>> models = new ArrayList<>();
        for (Map<String, Object> model :
                (List<Map<String, Object>>) connection.fields().getOrDefault("Models", List.of())) {
            models.add(Maps.ordered(
                    "DisplayName", model.get("DisplayName"),
                    "Model", model.get("Model"),
                    "ModelType", model.get("ModelType"),
                    "ToolCall", model.get("ToolCall")));
        }
        Map<String, Object> resourceMeta = connection.field("ResourceMeta") instanceof Map<?, ?> meta
                ? Maps.ordered(
                        "Extra", meta.get("Extra"),
                        "InstanceId", meta.get("InstanceId"),
                        "InstanceName", meta.get("InstanceName"))
                : null;
        return Maps.ordered(
                "ConnectionId", connection.id(),
                "ConnectionName", connection.field("ConnectionName"),
                "ConnectionType", connection.field("ConnectionType"),
                "Description", connection.field("Description"),
                "Accessibility", connection.field("Accessibility"),
                "WorkspaceId", connection.field("WorkspaceId"),
                "Creator", connection.field("Creator"),
                "Configs", connection.field("Configs"),
                "Secrets", secrets,
                "Models", models,
                "ResourceMeta", resourceMeta,
                "GmtCreateTime", connection.field("GmtCreateTime"),
                "GmtModifiedTime", connection.field("GmtModifiedTime"));
    }

    @SuppressWarnings("unchecked")
    private static Answer list(Call call) {
        Optional<List<String>> ids = call.strings("ConnectionIds").filter(list -> !list.isEmpty());
        Optional<List<String>> types = call.strings("ConnectionTypes").filter(list -> !list.isEmpty());
        Optional<List<String>> modelTypes = call.strings("ModelTypes").filter(list -> !list.isEmpty());
        Optional<String> model = call.string("Model").filter(name -> !name.isEmpty());
        Optional<Boolean> toolCall = call.flag("ToolCall");
        List<Resource> candidates = call.fake()
                .resources()
                .list(type(), call.caller().accountId(), null, connection -> {
                    List<Map<String, Object>> models =
                            (List<Map<String, Object>>) connection.fields().getOrDefault("Models", List.of());
                    return ids.map(wanted -> wanted.contains(connection.id())).orElse(true)
                            && types.map(wanted -> wanted.contains(connection.field("ConnectionType")))
                                    .orElse(true)
                            && modelTypes
                                    .map(wanted ->
                                            models.stream().anyMatch(each -> wanted.contains(each.get("ModelType"))))
                                    .orElse(true)
                            && model.map(wanted -> models.stream().anyMatch(each -> wanted.equals(each.get("Model"))))
                                    .orElse(true)
                            && toolCall.map(wanted ->
                                            models.stream().anyMatch(each -> wanted.equals(each.get("ToolCall"))))
                                    .orElse(true);
                });
        boolean plainText = plainText(call);
        return ListQuery.answer(call, candidates, Resource::fields, connection -> view(connection, plainText));
    }

    /** UpdateConnection: each member given replaces the stored one; the others stay. */
    private static Answer update(Call call) {
        String connectionId = call.path("ConnectionId");
        Optional<Map<String, Object>> configs = strings(call, "Configs");
        Optional<Map<String, Object>> secrets = strings(call, "Secrets");
        Optional<String> description = call.string("Description");
        Optional<List<Map<String, Object>>> models = call.objects("Models");
        call.fake().resources().update(type(), call.caller().accountId(), null, connectionId, fields -> {
            configs.ifPresent(value -> fields.put("Configs", value));
            secrets.ifPresent(value -> fields.put("Secrets", value));
            description.ifPresent(value -> fields.put("Description", value));
            models.ifPresent(value -> fields.put("Models", value));
            return fields;
        });
        return Answer.empty();
    }

    private static Answer delete(Call call) {
        call.fake().resources().remove(type(), call.caller().accountId(), null, call.path("ConnectionId"));
        return Answer.empty();
    }

    /**
     * ValidateConnection: the fake reaches no service, so it checks what a connectivity test needs: a type that
     * reaches the public network, a configuration to connect with, and no empty secret. A stored connection
     * ({@code ConnectionId}) is checked with the members the request gives in place of its own.
     */
    @SuppressWarnings("unchecked")
    private static Answer validate(Call call) {
        String workspaceId = call.requiredString("WorkspaceId");
        call.fake().workspaces().owned(call.caller(), workspaceId);
        Optional<Resource> stored =
                call.string("ConnectionId").filter(id -> !id.isEmpty()).map(id -> connection(call, id));
        stored.filter(connection -> connection.workspaceId() != null && !workspaceId.equals(connection.workspaceId()))
                .ifPresent(connection -> {
                    throw ApiException.of(type().notFound());
                });
        String connectionType = call.string("ConnectionType")
                .or(() -> stored.flatMap(connection -> connection.text("ConnectionType")))
                .orElseThrow(() -> ApiException.missing("ConnectionType"));
        Map<String, Object> configs = strings(call, "Configs")
                .or(() -> stored.map(connection -> (Map<String, Object>) connection.field("Configs")))
                .orElse(Map.of());
        Map<String, Object> secrets = strings(call, "Secrets")
                .or(() -> stored.map(connection -> (Map<String, Object>) connection.field("Secrets")))
                .orElse(Map.of());
        String problem = null;
        if (!VALIDATED_TYPES.contains(connectionType)) {
            problem = "Only connections that reach the public network can be validated ("
                    + String.join(", ", VALIDATED_TYPES) + "), not " + connectionType + ".";
        } else if (configs.isEmpty()) {
            problem = "The connection has no Configs to connect with.";
        } else {
            for (Map.Entry<String, Object> secret : secrets.entrySet()) {
                if (secret.getValue() == null || secret.getValue().toString().isEmpty()) {
                    problem = "The secret " + secret.getKey() + " is empty.";
                    break;
                }
            }
        }
        Map<String, Object> details = Maps.ordered(
                "ConnectionType",
                connectionType,
                "ValidateType",
                call.string("ValidateType").orElse("Connectivity"));
        if (problem != null) {
            return Answer.empty()
                    .put("Status", "failed")
                    .put("Code", "400")
                    .put("Message", problem)
                    .put("Details", details);
        }
        return Answer.empty()
                .put("Status", "success")
                .put("Message", "The connection is reachable.")
                .put("Details", details);
    }
}
