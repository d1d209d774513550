package io.github.paiworkspacefake.server.internal.domain.registry;

import static io.github.paiworkspacefake.server.internal.domain.registry.StoredFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.Caller;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The model registry: models (a named collection of versions in a workspace) and their versions, on the resource
 * engine, with the visibility rules of {@link WorkspaceAccess}. Models live in a workspace of their account; a model
 * seeded with a {@code Provider} (such as {@code pai}) is a provider's public model, which every account sees and
 * lists with {@code Provider} but only its own account may change. Versions live under their model and go with it.
 */
public final class ModelRegistry {

    /** The model type of the resource engine. */
    public static final String MODEL = "Model";
    /** The model version type of the resource engine. */
    public static final String MODEL_VERSION = "ModelVersion";
    /** {@code ApprovalStatus} of a version created without one. */
    public static final String DEFAULT_APPROVAL_STATUS = "Pending";
    /** {@code SourceType} of a version created without one (the reference: "Custom (default)"). */
    public static final String DEFAULT_SOURCE_TYPE = "Custom";
    /** The {@code VersionName} of a model's first version created without one (the reference). */
    public static final String FIRST_VERSION = "0.1.0";
    /** The serialized size {@code Metrics} may have at most (the reference: 8,192). */
    public static final int MAX_METRICS_BYTES = 8192;

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(_\\w+)?");
    private static final Pattern SOURCE_ID = Pattern.compile("region=[^,=]+,workspaceId=[^,=]+,kind=[^,=]+,id=[^,=]+");
    private static final Set<String> PAI_SOURCES = Set.of("PAIFlow", "TrainingService");
    private static final int AUTO_NAME_ATTEMPTS = 100;

    private final Resources resources;
    private final WorkspaceAccess access;
    private final ResourceSpec modelType;
    private final ResourceSpec versionType;

    /** The registry of this fake's state. */
    public ModelRegistry(FakeState state) {
        this.resources = state.resources();
        this.access = new WorkspaceAccess(state);
        this.modelType = Catalogue.get().resource(MODEL).orElseThrow();
        this.versionType = Catalogue.get().resource(MODEL_VERSION).orElseThrow();
    }

    // ---- models

    /**
     * CreateModel: a model in the caller's workspace {@code workspaceId} (without one, its default workspace), made by
     * the caller, {@code PRIVATE} unless {@code fields} say otherwise. A name the workspace's models already have is
     * {@code 409 ModelNameAlreadyExists}.
     */
    public Resource createModel(Caller caller, Optional<String> workspaceId, Map<String, Object> fields) {
        Workspace workspace = access.workspaceToCreateIn(caller, workspaceId);
        Map<String, Object> members = new LinkedHashMap<>(fields);
        members.putIfAbsent("Accessibility", WorkspaceAccess.PRIVATE);
        members.put("WorkspaceId", workspace.workspaceId());
        members.put("OwnerId", workspace.owner().accountId());
        members.put("UserId", caller.userId());
        return resources.create(
                modelType, Resources.Creation.in(workspace.owner().accountId(), workspace.workspaceId(), members));
    }

    /** The model the caller sees, or {@code 404 201900002}. */
    public Resource model(Caller caller, String modelId) {
        return find(caller, modelId).filter(model -> canSee(caller, model)).orElseThrow(this::modelNotFound);
    }

    /** The model the caller sees and may change; {@code 404 201900002} or {@code 403 PermissionDenied}. */
    public Resource changeableModel(Caller caller, String modelId) {
        Resource model = model(caller, modelId);
        if (!model.accountId().equals(caller.account().accountId())) {
            throw WorkspaceAccess.denied("model " + modelId + " is a public model of provider "
                    + text(model, "Provider") + ", which only its own account changes.");
        }
        if (!access.canChange(caller, workspaceOf(model), text(model, "UserId"))) {
            throw WorkspaceAccess.denied(
                    "only the model's creator and the workspace's administrators change model " + modelId + ".");
        }
        return model;
    }

    /** UpdateModel and the label operations: changes the members of a model the caller may change. */
    public Resource updateModel(Caller caller, String modelId, UnaryOperator<Map<String, Object>> change) {
        Resource model = changeableModel(caller, modelId);
        return resources.update(modelType, model.accountId(), null, model.id(), change);
    }

    /** DeleteModel: removes a model the caller may change, with its versions. */
    public void deleteModel(Caller caller, String modelId) {
        Resource model = changeableModel(caller, modelId);
        resources.remove(modelType, model.accountId(), null, model.id());
    }

    /**
     * The models ListModels chooses from, in creation order, before its filters: with {@code provider}, every public
     * model of that provider (whatever the workspace); without, the caller's own models (of its workspace
     * {@code workspaceId}, which must be the caller's, or of all its workspaces) that it sees.
     */
    public List<Resource> models(Caller caller, Optional<String> workspaceId, Optional<String> provider) {
        if (provider.isPresent()) {
            return resources.list(modelType, null, null, model -> provider.get().equals(text(model, "Provider")));
        }
        workspaceId.ifPresent(id -> access.workspace(caller, id));
        return resources.list(
                modelType,
                caller.account().accountId(),
                null,
                model -> text(model, "Provider") == null
                        && workspaceId.map(id -> id.equals(workspaceOf(model))).orElse(true)
                        && canSee(caller, model));
    }

    /** Every stored model of every account, in creation order (for test code). */
    public List<Resource> allModels() {
        return resources.list(modelType, null, null, model -> true);
    }

    // ---- versions

    /**
     * CreateModelVersion: a version of a model the caller may change. Without a name the model's next one is given
     * ({@link #nextVersionName}); a name the model has is {@code 409 ModelVersionAlreadyExists}. {@code ApprovalStatus}
     * and {@code SourceType} take their defaults when {@code fields} lack them.
     */
    public Resource createVersion(
            Caller caller, String modelId, Optional<String> versionName, Map<String, Object> fields) {
        Resource model = changeableModel(caller, modelId);
        Map<String, Object> members = new LinkedHashMap<>(fields);
        members.putIfAbsent("ApprovalStatus", DEFAULT_APPROVAL_STATUS);
        members.putIfAbsent("SourceType", DEFAULT_SOURCE_TYPE);
        members.put("OwnerId", model.accountId());
        members.put("UserId", caller.userId());
        checkVersion(members);
        Resource created = versionName.isPresent()
                ? createVersion(model, versionName.get(), members)
                : createNamedNext(model, members);
        // a DeleteModel that ran meanwhile must not leave a version without its model
        if (resources.find(modelType, model.accountId(), null, model.id()).isEmpty()) {
            try {
                resources.remove(versionType, model.accountId(), model.id(), created.id());
            } catch (ApiException alreadyGone) {
                // removed with the model
            }
            throw modelNotFound();
        }
        return created;
    }

    private Resource createNamedNext(Resource model, Map<String, Object> members) {
        for (int attempt = 1; ; attempt++) {
            String next =
                    nextVersionName(versionsOf(model).stream().map(Resource::id).toList());
            try {
                return createVersion(model, next, members);
            } catch (ApiException taken) {
                // another request took the name between reading the versions and creating this one: try the next
                if (attempt >= AUTO_NAME_ATTEMPTS
                        || !taken.code().equals(versionType.conflict().code())) {
                    throw taken;
                }
            }
        }
    }

    private Resource createVersion(Resource model, String name, Map<String, Object> members) {
        return resources.create(
                versionType, new Resources.Creation(model.accountId(), model.id(), model.workspaceId(), members, name));
    }

    /** The version of a model the caller sees; {@code 404 201900002} for the model, {@code 201900003} for it. */
    public Resource version(Caller caller, String modelId, String versionName) {
        Resource model = model(caller, modelId);
        return resources
                .find(versionType, model.accountId(), model.id(), versionName)
                .orElseThrow(this::versionNotFound);
    }

    /** The versions of a model the caller sees, in creation order. */
    public List<Resource> versions(Caller caller, String modelId) {
        return versionsOf(model(caller, modelId));
    }

    /** UpdateModelVersion and the label operations: changes a version of a model the caller may change. */
    public Resource updateVersion(
            Caller caller, String modelId, String versionName, UnaryOperator<Map<String, Object>> change) {
        Resource model = changeableModel(caller, modelId);
        return resources.update(versionType, model.accountId(), model.id(), versionName, fields -> {
            Map<String, Object> changed = change.apply(fields);
            checkVersion(changed);
            return changed;
        });
    }

    /** DeleteModelVersion: removes a version of a model the caller may change. */
    public void deleteVersion(Caller caller, String modelId, String versionName) {
        Resource model = changeableModel(caller, modelId);
        resources.remove(versionType, model.accountId(), model.id(), versionName);
    }

    /** A model's most recently created version (by {@code GmtCreateTime}, then creation order), if it has one. */
    public Optional<Resource> latestVersion(Resource model) {
        return versionsOf(model).stream().max(LATEST_LAST);
    }

    /** The latest version of each of these models that has one, by model id, read in one pass. */
    public Map<String, Resource> latestVersions(Collection<Resource> models) {
        Set<String> ids = models.stream().map(Resource::id).collect(Collectors.toSet());
        Map<String, Resource> latest = new HashMap<>();
        for (Resource version : resources.list(versionType, null, null, version -> ids.contains(version.parentId()))) {
            latest.merge(version.parentId(), version, (a, b) -> LATEST_LAST.compare(a, b) >= 0 ? a : b);
        }
        return latest;
    }

    private static final Comparator<Resource> LATEST_LAST = Comparator.<Resource, Instant>comparing(
                    version -> version.field("GmtCreateTime") instanceof Instant created ? created : Instant.MIN)
            .thenComparingLong(Resource::sequence);

    private List<Resource> versionsOf(Resource model) {
        return resources.list(versionType, model.accountId(), model.id(), version -> true);
    }

    /**
     * The name a version created without one gets: {@value #FIRST_VERSION} when the model has no version named
     * {@code major.minor.revision} (with or without a suffix); otherwise the highest such version's major with its
     * minor plus one and revision 0 ({@code 0.1.0} then {@code 0.2.0}; after {@code 1.0.0}, {@code 1.1.0}), so a
     * given name is always higher than every version the model has.
     */
    public static String nextVersionName(Collection<String> names) {
        BigInteger[] highest = null;
        for (String name : names) {
            Matcher matcher = VERSION.matcher(name);
            if (!matcher.matches()) {
                continue;
            }
            BigInteger[] parts = {
                new BigInteger(matcher.group(1)), new BigInteger(matcher.group(2)), new BigInteger(matcher.group(3))
            };
            if (highest == null || compare(parts, highest) > 0) {
                highest = parts;
            }
        }
        return highest == null ? FIRST_VERSION : highest[0] + "." + highest[1].add(BigInteger.ONE) + ".0";
    }

    /** Whether a name is a version name: {@code major.minor.revision}, with an optional {@code _suffix}. */
    public static boolean isVersionName(String name) {
        return VERSION.matcher(name).matches();
    }

    private static int compare(BigInteger[] a, BigInteger[] b) {
        for (int i = 0; i < a.length; i++) {
            int order = a[i].compareTo(b[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /**
     * The rules of a version's members together: {@code Metrics} of at most {@value #MAX_METRICS_BYTES} bytes as JSON,
     * and a {@code SourceId} of the form {@code region=..,workspaceId=..,kind=..,id=..} when {@code SourceType} is
     * PAIFlow or TrainingService (the reference's rules).
     */
    static void checkVersion(Map<String, Object> members) {
        Object metrics = members.get("Metrics");
        if (metrics != null) {
            try {
                if (Json.mapper().writeValueAsBytes(metrics).length > MAX_METRICS_BYTES) {
                    throw ApiException.invalid(
                            "Metrics", "serialized it can be up to " + MAX_METRICS_BYTES + " bytes long.");
                }
            } catch (JsonProcessingException e) {
                throw ApiException.invalid("Metrics", "it must be a JSON object.");
            }
        }
        Object sourceId = members.get("SourceId");
        if (PAI_SOURCES.contains(members.get("SourceType"))
                && sourceId instanceof String id
                && !id.isEmpty()
                && !SOURCE_ID.matcher(id).matches()) {
            throw ApiException.invalid(
                    "SourceId",
                    "with SourceType " + members.get("SourceType") + " it must be of the form region=<region_id>,"
                            + "workspaceId=<workspace_id>,kind=<kind>,id=<id>, got \"" + id + "\".");
        }
    }

    // ---- visibility

    private boolean canSee(Caller caller, Resource model) {
        if (text(model, "Provider") != null) {
            return true;
        }
        return model.accountId().equals(caller.account().accountId())
                && access.canSee(
                        caller,
                        workspaceOf(model),
                        Objects.requireNonNullElse(text(model, "Accessibility"), WorkspaceAccess.PRIVATE),
                        creatorOf(model));
    }

    private Optional<Resource> find(Caller caller, String modelId) {
        Optional<Resource> own = resources.find(modelType, caller.account().accountId(), null, modelId);
        if (own.isPresent()) {
            return own;
        }
        return resources
                .list(modelType, null, null, model -> model.id().equals(modelId) && text(model, "Provider") != null)
                .stream()
                .findFirst();
    }

    /** A model's workspace: where the engine keeps it, or the member a seed gave. */
    public static String workspaceOf(Resource model) {
        return model.workspaceId() != null ? model.workspaceId() : text(model, "WorkspaceId");
    }

    /** Who made a resource: its {@code UserId}, or its account for a seeded one without. */
    public static String creatorOf(Resource resource) {
        return Objects.requireNonNullElse(text(resource, "UserId"), resource.accountId());
    }

    private ApiException modelNotFound() {
        return ApiException.of(modelType.notFound());
    }

    private ApiException versionNotFound() {
        return ApiException.of(versionType.notFound());
    }
}
