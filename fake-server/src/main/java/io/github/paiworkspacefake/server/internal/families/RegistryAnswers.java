package io.github.paiworkspacefake.server.internal.families;

import static io.github.paiworkspacefake.server.internal.domain.registry.StoredFields.labels;
import static io.github.paiworkspacefake.server.internal.domain.registry.StoredFields.map;
import static io.github.paiworkspacefake.server.internal.domain.registry.StoredFields.number;
import static io.github.paiworkspacefake.server.internal.domain.registry.StoredFields.text;

import io.github.paiworkspacefake.server.internal.domain.registry.CodeSourceRegistry;
import io.github.paiworkspacefake.server.internal.domain.registry.ModelRegistry;
import io.github.paiworkspacefake.server.internal.domain.registry.WorkspaceAccess;
import io.github.paiworkspacefake.server.internal.domain.resources.Labels;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the model registry's and code sources' stored members are answered (models, versions, code sources), and how
 * requests' members become stored ones: shared by their families, so that every answer of a kind has the same shape.
 */
final class RegistryAnswers {

    private RegistryAnswers() {}

    /** The string members a model stores as sent (an empty string included). */
    static final List<String> MODEL_TEXTS =
            List.of("ModelName", "ModelDescription", "ModelDoc", "Domain", "Task", "Origin", "ModelType");

    /** The members of a model in GetModel's answer, with its latest version when it has one. */
    static Map<String, Object> model(Resource model, Resource latest) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ModelId", model.id());
        MODEL_TEXTS.forEach(name -> answer.put(name, text(model, name)));
        answer.put("Accessibility", accessibility(model));
        answer.put("ExtraInfo", map(model, "ExtraInfo"));
        answer.put("OrderNumber", number(model, "OrderNumber"));
        answer.put("ParameterSize", number(model, "ParameterSize"));
        answer.put("Provider", text(model, "Provider"));
        answer.put("Labels", labels(model, Labels.FIELD));
        answer.put("WorkspaceId", ModelRegistry.workspaceOf(model));
        answer.put("OwnerId", Objects.requireNonNullElse(text(model, "OwnerId"), model.accountId()));
        answer.put("UserId", ModelRegistry.creatorOf(model));
        answer.put("GmtCreateTime", time(model, "GmtCreateTime"));
        answer.put("GmtModifiedTime", time(model, "GmtModifiedTime"));
        if (latest != null) {
            answer.put("LatestVersion", version(latest));
            answer.put("GmtLatestVersionModifiedTime", time(latest, "GmtModifiedTime"));
        }
        answer.values().removeIf(Objects::isNull);
        return answer;
    }

    /** The members of a model as ListModels' items show it: GetModel's and its {@code Tags}. */
    static Map<String, Object> listedModel(Resource model, Resource latest) {
        Map<String, Object> item = model(model, latest);
        item.put("Tags", labels(model, "Tags"));
        return item;
    }

    /** The string members a version stores as sent. */
    static final List<String> VERSION_TEXTS = List.of(
            "Uri",
            "VersionDescription",
            "FormatType",
            "FrameworkType",
            "ApprovalStatus",
            "SourceType",
            "SourceId",
            "Options");

    /** The object members a version stores as sent (the SDK's {@code Map<String, ?>}). */
    static final List<String> VERSION_OBJECTS = List.of(
            "TrainingSpec",
            "InferenceSpec",
            "EvaluationSpec",
            "CompressionSpec",
            "DistillationSpec",
            "Metrics",
            "ExtraInfo");

    /** The members of a model version, as GetModelVersion, ListModelVersions and a model's LatestVersion show it. */
    static Map<String, Object> version(Resource version) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("VersionName", version.id());
        VERSION_TEXTS.forEach(name -> answer.put(name, text(version, name)));
        VERSION_OBJECTS.forEach(name -> answer.put(name, map(version, name)));
        answer.put("Labels", labels(version, Labels.FIELD));
        answer.put("OwnerId", Objects.requireNonNullElse(text(version, "OwnerId"), version.accountId()));
        answer.put("UserId", ModelRegistry.creatorOf(version));
        answer.put("GmtCreateTime", time(version, "GmtCreateTime"));
        answer.put("GmtModifiedTime", time(version, "GmtModifiedTime"));
        answer.values().removeIf(Objects::isNull);
        return answer;
    }

    /** The string members a code source stores as sent. */
    static final List<String> CODE_SOURCE_TEXTS = List.of(
            "DisplayName",
            "Description",
            "CodeRepo",
            "CodeBranch",
            "CodeCommit",
            "CodeRepoUserName",
            "CodeRepoAccessToken",
            "MountPath");

    /** The members of a code source, as GetCodeSource and ListCodeSources show it. */
    static Map<String, Object> codeSource(Resource source) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("CodeSourceId", source.id());
        CODE_SOURCE_TEXTS.forEach(name -> answer.put(name, text(source, name)));
        answer.put("Accessibility", accessibility(source));
        answer.put(
                "CloneType",
                Objects.requireNonNullElse(number(source, "CloneType"), CodeSourceRegistry.DEFAULT_CLONE_TYPE));
        answer.put("WorkspaceId", CodeSourceRegistry.workspaceOf(source));
        answer.put("UserId", ModelRegistry.creatorOf(source));
        answer.put("GmtCreateTime", time(source, "GmtCreateTime"));
        answer.put("GmtModifyTime", time(source, "GmtModifyTime"));
        answer.values().removeIf(Objects::isNull);
        return answer;
    }

    /** A resource's members for a list's filters and sorting: as stored, labels read by their types. */
    static Map<String, Object> listFields(Resource resource) {
        Map<String, Object> fields = new LinkedHashMap<>(resource.fields());
        fields.put(Labels.FIELD, labels(resource, Labels.FIELD));
        return fields;
    }

    private static String accessibility(Resource resource) {
        return Objects.requireNonNullElse(text(resource, "Accessibility"), WorkspaceAccess.PRIVATE);
    }

    private static Instant time(Resource resource, String name) {
        return resource.field(name) instanceof Instant instant ? instant : null;
    }

    /** Copies each of these parameters the call gives (an empty string included) into {@code fields}. */
    static void copyGiven(Call call, List<String> names, Map<String, Object> fields) {
        for (String name : names) {
            call.value(name).ifPresent(value -> fields.put(name, value));
        }
    }

    /** A string parameter given and not empty: an empty one means "not given" where the member has a default. */
    static Optional<String> nonEmpty(Call call, String name) {
        return call.string(name).filter(value -> !value.isEmpty());
    }
}
