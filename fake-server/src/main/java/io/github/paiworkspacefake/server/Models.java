package io.github.paiworkspacefake.server;

import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.Caller;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.registry.ModelRegistry;
import io.github.paiworkspacefake.server.internal.domain.registry.StoredFields;
import io.github.paiworkspacefake.server.internal.domain.resources.Labels;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fake's model registry, for test code: register a model with versions as a pipeline would (CreateModel and
 * CreateModelVersion, with their rules), and read models and versions back as the API shows them. Reach it with
 * {@link PaiWorkspaceFake#models()}. What it registers acts as the workspace's owner account, and is in snapshots,
 * seeds and {@link PaiWorkspaceFake#reset()} like everything the API creates.
 */
public final class Models {

    private final FakeState state;

    Models(FakeState state) {
        this.state = state;
    }

    /**
     * Registers a PRIVATE model named {@code modelName} in a stored workspace, with a version of each URI in turn,
     * named as the service names versions created without a name ({@code 0.1.0}, {@code 0.2.0}, ...). A name the
     * workspace's models have already is an {@link IllegalStateException}; an unknown workspace an
     * {@link IllegalArgumentException}.
     */
    public Model register(String workspaceId, String modelName, String... versionUris) {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(modelName, "modelName");
        for (String uri : versionUris) {
            Objects.requireNonNull(uri, "a version's uri");
        }
        if (modelName.isEmpty() || modelName.codePointCount(0, modelName.length()) > 127) {
            throw new IllegalArgumentException("a ModelName has 1 to 127 characters, got \"" + modelName + "\"");
        }
        return locked(() -> {
            Workspace workspace = state.workspaces()
                    .find(workspaceId)
                    .orElseThrow(
                            () -> new IllegalArgumentException("No workspace with id " + workspaceId + " is stored."));
            Caller owner = Caller.of(workspace.owner());
            ModelRegistry registry = new ModelRegistry(state);
            Resource model = registry.createModel(
                    owner, Optional.of(workspaceId), Map.of("ModelName", modelName, Labels.FIELD, List.of()));
            for (String uri : versionUris) {
                registry.createVersion(owner, model.id(), Optional.empty(), versionFields(uri));
            }
            return model(model);
        });
    }

    /**
     * Adds a version of this URI to a stored model, as CreateModelVersion does: named {@code versionName}, or without
     * one (null) the model's next version name; {@code Pending} and {@code Custom} as its approval status and source
     * type. A name that is not {@code major.minor.revision} (with an optional {@code _suffix}) is an
     * {@link IllegalArgumentException}, as is an unknown model; a name the model has already an
     * {@link IllegalStateException}.
     */
    public ModelVersion addVersion(String modelId, String versionName, String uri) {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(uri, "uri");
        if (versionName != null && !ModelRegistry.isVersionName(versionName)) {
            throw new IllegalArgumentException(
                    "a VersionName is major.minor.revision with an optional _suffix, got \"" + versionName + "\"");
        }
        return locked(() -> {
            Resource model = stored(modelId)
                    .orElseThrow(() -> new IllegalArgumentException("No model with id " + modelId + " is stored."));
            Resource version = new ModelRegistry(state)
                    .createVersion(ownerOf(model), modelId, Optional.ofNullable(versionName), versionFields(uri));
            return version(version);
        });
    }

    /** The stored model with this id, whoever owns it. */
    public Optional<Model> model(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        return locked(() -> stored(modelId).map(Models::model));
    }

    /** The stored models of a workspace, in the order they were created. */
    public List<Model> models(String workspaceId) {
        Objects.requireNonNull(workspaceId, "workspaceId");
        return locked(() -> new ModelRegistry(state)
                .allModels().stream()
                        .filter(model -> workspaceId.equals(ModelRegistry.workspaceOf(model)))
                        .map(Models::model)
                        .toList());
    }

    /** A stored model's version of this name, if both exist. */
    public Optional<ModelVersion> version(String modelId, String versionName) {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(versionName, "versionName");
        return locked(() -> stored(modelId).flatMap(model -> {
            try {
                return Optional.of(version(new ModelRegistry(state).version(ownerOf(model), modelId, versionName)));
            } catch (ApiException notFound) {
                return Optional.empty();
            }
        }));
    }

    /** A stored model's versions in the order they were created; empty for an unknown model. */
    public List<ModelVersion> versions(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        return locked(() -> stored(modelId)
                .map(model -> new ModelRegistry(state)
                        .versions(ownerOf(model), modelId).stream()
                                .map(Models::version)
                                .toList())
                .orElse(List.of()));
    }

    /** The version GetModel shows as a model's {@code LatestVersion}: the one created last, if it has one. */
    public Optional<ModelVersion> latestVersion(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        return locked(() -> stored(modelId)
                .flatMap(model -> new ModelRegistry(state).latestVersion(model))
                .map(Models::version));
    }

    private Optional<Resource> stored(String modelId) {
        return new ModelRegistry(state)
                .allModels().stream()
                        .filter(model -> model.id().equals(modelId))
                        .findFirst();
    }

    private static Caller ownerOf(Resource model) {
        return Caller.of(Account.of(model.accountId(), model.accountId()));
    }

    private static Map<String, Object> versionFields(String uri) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Uri", uri);
        fields.put(Labels.FIELD, List.of());
        return fields;
    }

    private <T> T locked(Supplier<T> action) {
        return state.lock().shared(() -> {
            try {
                return action.get();
            } catch (ApiException refused) {
                if (refused.status() == 409) {
                    throw new IllegalStateException(refused.getMessage(), refused);
                }
                throw new IllegalArgumentException(refused.getMessage(), refused);
            }
        });
    }

    private static Model model(Resource model) {
        return new Model(
                model.id(),
                ModelRegistry.workspaceOf(model),
                StoredFields.text(model, "ModelName"),
                Objects.requireNonNullElse(StoredFields.text(model, "Accessibility"), "PRIVATE"),
                StoredFields.text(model, "Provider"),
                StoredFields.labelMap(StoredFields.labels(model, Labels.FIELD)),
                ModelRegistry.creatorOf(model),
                model.field("GmtCreateTime") instanceof Instant created ? created : null);
    }

    private static ModelVersion version(Resource version) {
        return new ModelVersion(
                version.parentId(),
                version.id(),
                StoredFields.text(version, "Uri"),
                StoredFields.text(version, "ApprovalStatus"),
                StoredFields.text(version, "SourceType"),
                StoredFields.text(version, "SourceId"),
                StoredFields.text(version, "FormatType"),
                StoredFields.text(version, "FrameworkType"),
                StoredFields.labelMap(StoredFields.labels(version, Labels.FIELD)),
                StoredFields.map(version, "InferenceSpec"),
                StoredFields.map(version, "TrainingSpec"),
                version.field("GmtCreateTime") instanceof Instant created ? created : null);
    }
}
