package io.github.paiworkspacefake.server.internal.families;

import static io.github.paiworkspacefake.server.internal.domain.registry.StoredFields.labels;
import static io.github.paiworkspacefake.server.internal.domain.registry.StoredFields.number;
import static io.github.paiworkspacefake.server.internal.domain.registry.StoredFields.text;
import static io.github.paiworkspacefake.server.internal.families.RegistryAnswers.nonEmpty;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.registry.LabelRules;
import io.github.paiworkspacefake.server.internal.domain.registry.ModelRegistry;
import io.github.paiworkspacefake.server.internal.domain.resources.Labels;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Model family: models of the model registry, their labels, and ListModels with its filters and each model's
 * latest version. The rules (workspaces, visibility, names) live in {@link ModelRegistry}.
 */
final class ModelOperations implements OperationFamily {

    /** The columns ListModels' {@code Conditions} compare, all whole numbers. */
    static final List<String> CONDITION_COLUMNS = List.of("ParameterSize", "OrderNumber");

    /** The operators of ListModels' {@code Conditions}. */
    static final List<String> CONDITION_OPERATORS =
            List.of("LessThan", "LessThanOrEqual", "GreaterThan", "GreaterThanOrEqual", "Equal", "NotEqual");

    @Override
    public String family() {
        return "Model";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateModel, ModelOperations::create);
        binder.serve(Operation.GetModel, ModelOperations::get);
        binder.serve(Operation.ListModels, ModelOperations::list)
                .notHonouring(
                        "Collections",
                        "the fake's models belong to no collection (no operation of the API puts one in a collection).");
        binder.serve(Operation.UpdateModel, ModelOperations::update);
        binder.serve(Operation.DeleteModel, ModelOperations::delete);
        binder.serve(Operation.CreateModelLabels, ModelOperations::createLabels);
        binder.serve(Operation.DeleteModelLabels, ModelOperations::deleteLabels);
    }

    private static ModelRegistry registry(Call call) {
        return new ModelRegistry(call.fake());
    }

    private static Answer create(Call call) {
        Map<String, Object> fields = new LinkedHashMap<>();
        RegistryAnswers.copyGiven(call, RegistryAnswers.MODEL_TEXTS, fields);
        RegistryAnswers.copyGiven(call, List.of("ExtraInfo", "OrderNumber", "ParameterSize"), fields);
        nonEmpty(call, "Accessibility").ifPresent(value -> fields.put("Accessibility", value));
        fields.put(
                Labels.FIELD,
                LabelRules.checked("Labels", call.objects("Labels").orElse(List.of())));
        call.objects("Tag").ifPresent(tags -> fields.put("Tags", LabelRules.checked("Tag", tags)));
        Resource model = registry(call).createModel(call.requester(), nonEmpty(call, "WorkspaceId"), fields);
        return Answer.empty().put("ModelId", model.id());
    }

    private static Answer get(Call call) {
        ModelRegistry registry = registry(call);
        Resource model = registry.model(call.requester(), call.path("ModelId"));
        return Answer.of(
                RegistryAnswers.model(model, registry.latestVersion(model).orElse(null)));
    }

    private static Answer list(Call call) {
        ModelRegistry registry = registry(call);
        List<Resource> candidates =
                registry.models(call.requester(), nonEmpty(call, "WorkspaceId"), nonEmpty(call, "Provider")).stream()
                        .filter(query(call).and(tags(call)).and(conditions(call)))
                        .toList();
        Map<String, Resource> latest = registry.latestVersions(candidates);
        return ListQuery.answer(
                call,
                candidates,
                RegistryAnswers::listFields,
                model -> RegistryAnswers.listedModel(model, latest.get(model.id())));
    }

    /** {@code Query}: a part of the name, domain, task, or a label's key or value, in any case. */
    private static Predicate<Resource> query(Call call) {
        return nonEmpty(call, "Query")
                .<Predicate<Resource>>map(wanted -> {
                    String part = wanted.toLowerCase(Locale.ROOT);
                    return model -> {
                        for (String name : List.of("ModelName", "Domain", "Task")) {
                            if (contains(text(model, name), part)) {
                                return true;
                            }
                        }
                        return labels(model, Labels.FIELD).stream()
                                .anyMatch(label -> contains((String) label.get("Key"), part)
                                        || contains((String) label.get("Value"), part));
                    };
                })
                .orElse(model -> true);
    }

    private static boolean contains(String text, String lowerCasePart) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerCasePart);
    }

    /** {@code Tag}: every tag given (its key, and its value when given) is among the model's {@code Tags}. */
    private static Predicate<Resource> tags(Call call) {
        List<Map<String, Object>> wanted = call.objects("Tag").orElse(List.of());
        return model -> {
            List<Map<String, Object>> tags = labels(model, "Tags");
            return wanted.stream()
                    .allMatch(tag -> tags.stream()
                            .anyMatch(held -> held.get("Key").equals(tag.get("Key"))
                                    && (tag.get("Value") == null
                                            || tag.get("Value").equals(held.get("Value")))));
        };
    }

    /**
     * {@code Conditions}: each {@code {Column, Operator, Value}} holds for the model; the columns are the whole-number
     * members {@code ParameterSize} and {@code OrderNumber}, the operators {@code LessThan}, {@code LessThanOrEqual},
     * {@code GreaterThan}, {@code GreaterThanOrEqual}, {@code Equal} and {@code NotEqual}. A model without the member
     * matches no condition on it.
     */
    private static Predicate<Resource> conditions(Call call) {
        Predicate<Resource> all = model -> true;
        for (Map<String, Object> condition : call.objects("Conditions").orElse(List.of())) {
            Object column = condition.get("Column");
            Object operator = condition.get("Operator");
            if (!CONDITION_COLUMNS.contains(column)) {
                throw ApiException.invalid(
                        "Conditions", "Column must be one of " + CONDITION_COLUMNS + ", got \"" + column + "\".");
            }
            if (!CONDITION_OPERATORS.contains(operator)) {
                throw ApiException.invalid(
                        "Conditions", "Operator must be one of " + CONDITION_OPERATORS + ", got \"" + operator + "\".");
            }
            BigDecimal value;
            try {
                value = new BigDecimal(String.valueOf(condition.get("Value")).trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalid(
                        "Conditions",
                        "Value must be a number for " + column + ", got \"" + condition.get("Value") + "\".");
            }
            all = all.and(model -> {
                Long held = number(model, (String) column);
                if (held == null) {
                    return false;
                }
                int order = BigDecimal.valueOf(held).compareTo(value);
                return switch ((String) operator) {
                    case "LessThan" -> order < 0;
                    case "LessThanOrEqual" -> order <= 0;
                    case "GreaterThan" -> order > 0;
                    case "GreaterThanOrEqual" -> order >= 0;
                    case "Equal" -> order == 0;
                    default -> order != 0;
                };
            });
        }
        return all;
    }

    private static Answer update(Call call) {
        call.string("ModelName").filter(String::isEmpty).ifPresent(empty -> {
            throw ApiException.invalid("ModelName", "it must be 1 to 127 characters long, got 0.");
        });
        Map<String, Object> changes = new LinkedHashMap<>();
        RegistryAnswers.copyGiven(call, RegistryAnswers.MODEL_TEXTS, changes);
        RegistryAnswers.copyGiven(call, List.of("ExtraInfo", "OrderNumber", "ParameterSize"), changes);
        nonEmpty(call, "Accessibility").ifPresent(value -> changes.put("Accessibility", value));
        registry(call).updateModel(call.requester(), call.path("ModelId"), fields -> {
            fields.putAll(changes);
            return fields;
        });
        return Answer.empty();
    }

    private static Answer delete(Call call) {
        registry(call).deleteModel(call.requester(), call.path("ModelId"));
        return Answer.empty();
    }

    private static Answer createLabels(Call call) {
        List<Map<String, Object>> added =
                LabelRules.checked("Labels", call.objects("Labels").orElseThrow(() -> ApiException.missing("Labels")));
        registry(call).updateModel(call.requester(), call.path("ModelId"), fields -> {
            fields.put(Labels.FIELD, Labels.merge(labelsOf(fields), added));
            return fields;
        });
        return Answer.empty();
    }

    private static Answer deleteLabels(Call call) {
        List<String> keys = LabelRules.keys("LabelKeys", call.strings("LabelKeys"));
        registry(call).updateModel(call.requester(), call.path("ModelId"), fields -> {
            fields.put(Labels.FIELD, Labels.remove(labelsOf(fields), keys));
            return fields;
        });
        return Answer.empty();
    }

    /** The labels among stored members, read by their types. */
    static List<Map<String, Object>> labelsOf(Map<String, Object> fields) {
        return labels(fields.get(Labels.FIELD));
    }
}
