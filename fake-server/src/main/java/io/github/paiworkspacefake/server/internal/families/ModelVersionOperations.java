package io.github.paiworkspacefake.server.internal.families;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ModelVersion family: the versions of a model, server-named when created without a name, their spec members kept
 * as the JSON objects sent, and their labels. A version of a model that is gone (or that the caller does not see)
 * answers the model's not-found, {@code 201900002}; a missing version of a model the caller sees {@code 201900003}.
 */
final class ModelVersionOperations implements OperationFamily {

    /** The members UpdateModelVersion changes, each only when sent. */
    private static final List<String> UPDATABLE = List.of(
            "VersionDescription",
            "SourceId",
            "Options",
            "TrainingSpec",
            "InferenceSpec",
            "EvaluationSpec",
            "CompressionSpec",
            "DistillationSpec",
            "Metrics",
            "ExtraInfo");

    @Override
    public String family() {
        return "ModelVersion";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateModelVersion, ModelVersionOperations::create);
        binder.serve(Operation.GetModelVersion, ModelVersionOperations::get);
        binder.serve(Operation.ListModelVersions, ModelVersionOperations::list);
        binder.serve(Operation.UpdateModelVersion, ModelVersionOperations::update);
        binder.serve(Operation.DeleteModelVersion, ModelVersionOperations::delete);
        binder.serve(Operation.CreateModelVersionLabels, ModelVersionOperations::createLabels);
        binder.serve(Operation.DeleteModelVersionLabels, ModelVersionOperations::deleteLabels);
    }

    private static ModelRegistry registry(Call call) {
        return new ModelRegistry(call.fake());
    }

    private static Answer create(Call call) {
        Map<String, Object> fields = new LinkedHashMap<>();
        RegistryAnswers.copyGiven(call, List.of("Uri", "VersionDescription", "FormatType", "FrameworkType"), fields);
        RegistryAnswers.copyGiven(call, UPDATABLE, fields);
        nonEmpty(call, "ApprovalStatus").ifPresent(value -> fields.put("ApprovalStatus", value));
        nonEmpty(call, "SourceType").ifPresent(value -> fields.put("SourceType", value));
        fields.put(
                Labels.FIELD,
                LabelRules.checked("Labels", call.objects("Labels").orElse(List.of())));
        Resource version = registry(call)
                .createVersion(call.requester(), call.path("ModelId"), nonEmpty(call, "VersionName"), fields);
        return Answer.empty().put("VersionName", version.id());
    }

    private static Answer get(Call call) {
        Resource version = registry(call).version(call.requester(), call.path("ModelId"), call.path("VersionName"));
        return Answer.of(RegistryAnswers.version(version));
    }

    private static Answer list(Call call) {
        List<Resource> versions = registry(call).versions(call.requester(), call.path("ModelId"));
        return ListQuery.answer(call, versions, RegistryAnswers::listFields, RegistryAnswers::version);
    }

    private static Answer update(Call call) {
        Map<String, Object> changes = new LinkedHashMap<>();
        RegistryAnswers.copyGiven(call, UPDATABLE, changes);
        nonEmpty(call, "ApprovalStatus").ifPresent(value -> changes.put("ApprovalStatus", value));
        nonEmpty(call, "SourceType").ifPresent(value -> changes.put("SourceType", value));
        registry(call).updateVersion(call.requester(), call.path("ModelId"), call.path("VersionName"), fields -> {
            fields.putAll(changes);
            return fields;
        });
        return Answer.empty();
    }

    private static Answer delete(Call call) {
        registry(call).deleteVersion(call.requester(), call.path("ModelId"), call.path("VersionName"));
        return Answer.empty();
    }

    private static Answer createLabels(Call call) {
        List<Map<String, Object>> added =
                LabelRules.checked("Labels", call.objects("Labels").orElseThrow(() -> ApiException.missing("Labels")));
        registry(call).updateVersion(call.requester(), call.path("ModelId"), call.path("VersionName"), fields -> {
            fields.put(Labels.FIELD, Labels.merge(ModelOperations.labelsOf(fields), added));
            return fields;
        });
        return Answer.empty();
    }

    private static Answer deleteLabels(Call call) {
        List<String> keys = LabelRules.keys("LabelKeys", call.strings("LabelKeys"));
        registry(call).updateVersion(call.requester(), call.path("ModelId"), call.path("VersionName"), fields -> {
            fields.put(Labels.FIELD, Labels.remove(ModelOperations.labelsOf(fields), keys));
            return fields;
        });
        return Answer.empty();
    }
}
