package io.github.paiworkspacefake.server.internal.domain.datasets;

import static io.github.paiworkspacefake.server.internal.domain.datasets.DatasetTypes.DATASET;
import static io.github.paiworkspacefake.server.internal.domain.datasets.DatasetTypes.FILE_META;
import static io.github.paiworkspacefake.server.internal.domain.datasets.DatasetTypes.VERSION;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.resources.Labels;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules of datasets and their versions, over the resource engine: the caller's workspace or default workspace,
 * the documented defaults, a dataset's first version {@code v1} made from its own Uri, Property, DataSourceType and
 * Options (and kept its twin: the dataset's Options are v1's), version names {@code v2}, {@code v3}, ... that are never
 * handed out twice, labels in the order sent, publishing, and the PAI public datasets every account can read. One
 * instance per call; what it stores lives in the fake's {@link Resources}.
 */
public final class DatasetService {

    /** The {@code Provider} of PAI's public datasets (ListDatasets with {@code Provider=pai}). */
    public static final String PUBLIC_PROVIDER = "pai";

    /** The name of a dataset's first version, which CreateDataset makes and only DeleteDataset removes. */
    public static final String FIRST_VERSION = "v1";

    /** The counter of the version numbers a dataset has handed out. */
    static final String VERSIONS_COUNTER = "versions";

    /** The defaults CreateDataset documents, by member. */
    static final Map<String, String> DEFAULTS = Map.of(
            "DataType", "COMMON",
            "SourceType", "USER",
            "Accessibility", "PRIVATE",
            "Edition", "BASIC",
            "ProviderType", "Ecs");

    /** The members of a version that CreateDataset takes from the dataset's own request for {@code v1}. */
    private static final List<String> FIRST_VERSION_MEMBERS =
            List.of("Uri", "Property", "DataSourceType", "SourceType", "SourceId", "Options", "ImportInfo");

    private final FakeState state;
    private final Resources resources;

    public DatasetService(FakeState state) {
        this.state = state;
        this.resources = state.resources();
    }

    /**
     * Runs a change that spans several resources (a dataset and its versions, a version and its file metadata) as
     * one step with respect to every other such change of the fake.
     */
    <T> T atomically(Supplier<T> change) {
        synchronized (resources) {
            return change.get();
        }
    }

    // ---- workspaces

    /**
     * The workspace a dataset of the caller goes to: the one named, which must be the caller's, or, when none is
     * named (or an empty one), the caller's default workspace, which must exist.
     */
    public String workspaceOf(Account caller, String workspaceId) {
        if (workspaceId == null || workspaceId.isEmpty()) {
            return state.workspaces()
                    .defaultWorkspace(caller.accountId())
                    .map(Workspace::workspaceId)
                    .orElseThrow(() -> new ApiException(
                            ErrorCode.DEFAULT_WORKSPACE_NOT_FOUND,
                            "Default workspace not exists: give WorkspaceId, or create the default workspace with "
                                    + "CreateDefaultWorkspace first."));
        }
        return state.workspaces()
                .find(workspaceId)
                .filter(workspace -> workspace.owner().accountId().equals(caller.accountId()))
                .map(Workspace::workspaceId)
                .orElseThrow(() -> new ApiException(ErrorCode.WORKSPACE_NOT_FOUND, "Workspace not exists"));
    }

    // ---- datasets

    /**
     * CreateDataset: a dataset of the caller in the named workspace (or the default one) with the documented defaults,
     * and its version {@code v1} made from its Uri, Property, DataSourceType, SourceType, SourceId, Options and
     * ImportInfo, with VersionDescription, VersionLabels, DataSize and DataCount. {@code request} holds the
     * operation's parameters by their wire names.
     */
    public Resource create(Account caller, Map<String, Object> request) {
        if (PUBLIC_PROVIDER.equals(request.get("Provider"))) {
            throw ApiException.invalid("Provider", "pai is the provider of PAI's public datasets; choose another.");
        }
        String workspaceId = workspaceOf(caller, (String) request.get("WorkspaceId"));
        return store(caller.accountId(), workspaceId, request, caller.accountId());
    }

    /**
     * Stores a PAI public dataset (Provider {@code pai}, in no workspace, readable by every account, changed by none),
     * owned by {@code accountId}; the same defaults and version {@code v1} as CreateDataset, Accessibility PUBLIC.
     */
    public Resource createPublic(String accountId, Map<String, Object> request) {
        Map<String, Object> fields = new LinkedHashMap<>(request);
        fields.put("Provider", PUBLIC_PROVIDER);
        fields.putIfAbsent("Accessibility", "PUBLIC");
        return store(accountId, null, fields, accountId);
    }

    private Resource store(String accountId, String workspaceId, Map<String, Object> request, String ownerId) {
        String edition = text(request, "Edition").orElse(DEFAULTS.get("Edition"));
        if (!edition.equals("BASIC") && !"OSS".equals(request.get("DataSourceType"))) {
            throw ApiException.invalid(
                    "Edition",
                    edition + " is supported only for OSS datasets (DataSourceType OSS), got DataSourceType "
                            + request.get("DataSourceType") + ".");
        }
        List<Map<String, Object>> labels = DatasetLabels.checked("Labels", labels(request.get("Labels")));
        List<Map<String, Object>> versionLabels =
                DatasetLabels.checked("VersionLabels", labels(request.get("VersionLabels")));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", request.get("Name"));
        fields.put("WorkspaceId", workspaceId);
        for (String member : List.of(
                "Description",
                "Uri",
                "Property",
                "DataSourceType",
                "DataType",
                "SourceType",
                "SourceId",
                "SourceDatasetId",
                "SourceDatasetVersion",
                "Accessibility",
                "AccessibleRoleIdList",
                "MountAccessReadWriteRoleIdList",
                "Edition",
                "ImportInfo",
                "Options",
                "Provider",
                "ProviderType",
                "TagTemplateType")) {
            Object value = request.get(member);
            if (DEFAULTS.containsKey(member)) {
                value = text(request, member).orElse(DEFAULTS.get(member));
            }
            if (value != null) {
                fields.put(member, value);
            }
        }
        fields.put("Labels", labels);
        fields.put("UserId", text(request, "UserId").orElse(ownerId));
        fields.put("OwnerId", ownerId);
        return atomically(() -> {
            Resource dataset = resources.create(DATASET, Resources.Creation.in(accountId, workspaceId, fields));
            Map<String, Object> first = new LinkedHashMap<>();
            for (String member : FIRST_VERSION_MEMBERS) {
                if (fields.get(member) != null) {
                    first.put(member, fields.get(member));
                }
            }
            first.put("Description", request.get("VersionDescription"));
            first.put("DataSize", request.get("DataSize"));
            first.put("DataCount", request.get("DataCount"));
            first.put("Labels", versionLabels);
            first.put("GmtCreateTime", dataset.field("GmtCreateTime"));
            first.put("GmtModifiedTime", dataset.field("GmtModifiedTime"));
            addVersion(dataset, first);
            return find(accountId, dataset.id()).orElseThrow();
        });
    }

    /** The dataset with this id that the caller may read: its own, or a PAI public dataset; else not found. */
    public Resource readable(Account caller, String datasetId) {
        return find(caller.accountId(), datasetId)
                .or(() -> publicDataset(datasetId))
                .orElseThrow(() -> ApiException.of(DATASET.notFound()));
    }

    /**
     * The caller's own dataset with this id, to change: a PAI public dataset is read-only ({@code 403}), any other id
     * not found.
     */
    public Resource own(Account caller, String datasetId) {
        Optional<Resource> own = find(caller.accountId(), datasetId);
        if (own.isPresent() && !isPublic(own.get())) {
            return own.get();
        }
        if (publicDataset(datasetId).isPresent()) {
            throw new ApiException(
                    403,
                    "OperationDenied.PublicDataset",
                    "Dataset " + datasetId + " is a PAI public dataset, which every account may read and none may"
                            + " change.");
        }
        throw ApiException.of(DATASET.notFound());
    }

    /** A dataset of any account, by id, for test code. */
    public Optional<Resource> anyDataset(String datasetId) {
        return resources.list(DATASET, null, null, resource -> resource.id().equals(datasetId)).stream()
                .findFirst();
    }

    /**
     * A dataset read by its workspace, as the operations under a dataset take an optional WorkspaceId: one named must
     * be the dataset's, or the dataset is not found there.
     */
    public static Resource requireWorkspace(Resource dataset, Optional<String> workspaceId) {
        if (workspaceId.isPresent()
                && !workspaceId.get().isEmpty()
                && !workspaceId.get().equals(dataset.workspaceId())) {
            throw new ApiException(
                    DATASET.notFound().status(),
                    DATASET.notFound().code(),
                    "Dataset not exists in workspace " + workspaceId.get());
        }
        return dataset;
    }

    /** Whether a dataset is one of PAI's public datasets. */
    public static boolean isPublic(Resource dataset) {
        return dataset.workspaceId() == null && PUBLIC_PROVIDER.equals(dataset.field("Provider"));
    }

    /** The caller's datasets in a workspace, in creation order. */
    public List<Resource> inWorkspace(Account caller, String workspaceId) {
        return resources.list(DATASET, caller.accountId(), null, dataset -> workspaceId.equals(dataset.workspaceId()));
    }

    /** The PAI public datasets, in creation order. */
    public List<Resource> publicDatasets() {
        return resources.list(DATASET, null, null, DatasetService::isPublic);
    }

    /** Every dataset of a workspace, whoever owns it (test code). */
    public List<Resource> allInWorkspace(String workspaceId) {
        return resources.list(DATASET, null, null, dataset -> workspaceId.equals(dataset.workspaceId()));
    }

    /**
     * UpdateDataset: Name, Description, Options (v1's too), Accessibility, AccessibleRoleIdList,
     * MountAccessReadWriteRoleIdList and Edition (BASIC to ADVANCED only, for OSS) as given; the rest stays.
     */
    public Resource update(Account caller, String datasetId, Map<String, Object> changes) {
        return atomically(() -> {
            Resource dataset = own(caller, datasetId);
            if ("".equals(changes.get("Name"))) {
                throw ApiException.invalid("Name", "it must be 1 to 127 characters long, got 0.");
            }
            Optional<String> edition = text(changes, "Edition");
            if (edition.isPresent()) {
                String current = dataset.text("Edition").orElse(DEFAULTS.get("Edition"));
                boolean upgrade = current.equals("BASIC")
                        && edition.get().equals("ADVANCED")
                        && "OSS".equals(dataset.field("DataSourceType"));
                if (!edition.get().equals(current) && !upgrade) {
                    throw ApiException.invalid(
                            "Edition",
                            "a dataset can only be upgraded from BASIC to ADVANCED, and only an OSS dataset; this one is "
                                    + current + " on " + dataset.field("DataSourceType") + ", asked for "
                                    + edition.get() + ".");
                }
            }
            Resource updated = resources.update(DATASET, dataset.accountId(), null, datasetId, fields -> {
                for (String member : List.of(
                        "Name",
                        "Description",
                        "Options",
                        "Accessibility",
                        "AccessibleRoleIdList",
                        "MountAccessReadWriteRoleIdList")) {
                    if (changes.containsKey(member)) {
                        if (member.equals("Accessibility") && "".equals(changes.get(member))) {
                            continue;
                        }
                        fields.put(member, changes.get(member));
                    }
                }
                edition.ifPresent(value -> fields.put("Edition", value));
                return fields;
            });
            if (changes.containsKey("Options")) {
                syncFirstVersionOptions(updated, changes.get("Options"));
            }
            return updated;
        });
    }

    /** Removes a stored dataset and everything under it, whoever owns it, public or not (test code). */
    public void remove(Resource dataset) {
        atomically(() -> resources.remove(DATASET, dataset.accountId(), null, dataset.id()));
    }

    /** PublishDataset: a PRIVATE (or ROLE_PUBLIC) dataset becomes PUBLIC; a PUBLIC one stays. */
    public Resource publish(Account caller, String datasetId) {
        Resource dataset = own(caller, datasetId);
        return resources.update(DATASET, dataset.accountId(), null, datasetId, fields -> {
            fields.put("Accessibility", "PUBLIC");
            return fields;
        });
    }

    /** DeleteDataset: the dataset and everything under it (versions, file metadata, jobs, job configs). */
    public Resource delete(Account caller, String datasetId) {
        return atomically(() -> {
            Resource dataset = own(caller, datasetId);
            return resources.remove(DATASET, dataset.accountId(), null, datasetId);
        });
    }

    /** CreateDatasetLabels: each label set where its key stands, new keys appended, in the order sent. */
    public Resource addLabels(Account caller, String datasetId, List<Map<String, Object>> labels) {
        List<Map<String, Object>> checked = DatasetLabels.checked("Labels", labels);
        Resource dataset = own(caller, datasetId);
        return resources.update(DATASET, dataset.accountId(), null, datasetId, fields -> {
            fields.put(Labels.FIELD, Labels.merge(current(fields), checked));
            return fields;
        });
    }

    /** DeleteDatasetLabels: removes the labels of exactly these keys (keys it lacks are ignored). */
    public Resource removeLabels(Account caller, String datasetId, Collection<String> keys) {
        Resource dataset = own(caller, datasetId);
        return resources.update(DATASET, dataset.accountId(), null, datasetId, fields -> {
            fields.put(Labels.FIELD, Labels.remove(current(fields), keys));
            return fields;
        });
    }

    /**
     * GetDataset's members for a dataset: what it stores, the documented defaults where a seed left them out,
     * {@code IsShared} false (the fake shares no datasets), {@code MountAccess} RW for the owner and RO for a public
     * dataset, and {@code LatestVersion}, its most recently created version.
     */
    public Map<String, Object> view(Resource dataset) {
        Map<String, Object> view = fields(dataset);
        latestVersion(dataset).ifPresent(latest -> view.put("LatestVersion", versionView(dataset, latest)));
        return view;
    }

    /** {@link #view} without LatestVersion: the members a listing filters and sorts by. */
    public Map<String, Object> fields(Resource dataset) {
        Map<String, Object> view = new LinkedHashMap<>(dataset.fields());
        view.put("DatasetId", dataset.id());
        view.putIfAbsent("WorkspaceId", dataset.workspaceId());
        DEFAULTS.forEach(view::putIfAbsent);
        view.putIfAbsent("Labels", List.of());
        view.putIfAbsent("OwnerId", dataset.accountId());
        view.putIfAbsent("UserId", dataset.accountId());
        view.put("IsShared", false);
        view.put("MountAccess", isPublic(dataset) ? "RO" : "RW");
        return view;
    }

    // ---- versions

    /** CreateDatasetVersion: the next version of the caller's dataset, named {@code v<n>}; its name is returned. */
    public Resource createVersion(Account caller, String datasetId, Map<String, Object> request) {
        return atomically(() -> newVersion(own(caller, datasetId), request));
    }

    /**
     * The next version of a stored dataset, whoever owns it (test code adds versions to PAI's public datasets too),
     * with CreateDatasetVersion's rules: the dataset's DataSourceType, labels, SourceType USER by default.
     */
    public Resource newVersion(Resource dataset, Map<String, Object> request) {
        List<Map<String, Object>> labels = DatasetLabels.checked("Labels", labels(request.get("Labels")));
        return atomically(() -> {
            Object dataSourceType = request.get("DataSourceType");
            if (!dataSourceType.equals(dataset.field("DataSourceType"))) {
                throw ApiException.invalid(
                        "DataSourceType",
                        "a version's DataSourceType must be its dataset's, " + dataset.field("DataSourceType")
                                + ", got " + dataSourceType + ".");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String member : List.of(
                    "Uri",
                    "Property",
                    "DataSourceType",
                    "SourceType",
                    "SourceId",
                    "Options",
                    "ImportInfo",
                    "Description",
                    "DataSize",
                    "DataCount")) {
                fields.put(member, request.get(member));
            }
            if (text(request, "SourceType").isEmpty()) {
                fields.put("SourceType", DEFAULTS.get("SourceType"));
            }
            fields.put("Labels", labels);
            return addVersion(dataset, fields);
        });
    }

    /** Stores the next version of a dataset: the first number its counter has not handed out and no version holds. */
    private Resource addVersion(Resource dataset, Map<String, Object> fields) {
        String name;
        do {
            long number = resources.increment(DATASET, dataset.accountId(), null, dataset.id(), VERSIONS_COUNTER);
            name = "v" + number;
        } while (resources
                .find(VERSION, dataset.accountId(), dataset.id(), name)
                .isPresent());
        Map<String, Object> complete = new LinkedHashMap<>(fields);
        complete.putIfAbsent("Labels", List.of());
        return resources.create(
                VERSION, new Resources.Creation(dataset.accountId(), dataset.id(), null, complete, null).withId(name));
    }

    /** A version of a dataset the caller may read. */
    public Resource version(Resource dataset, String versionName) {
        return resources
                .find(VERSION, dataset.accountId(), dataset.id(), versionName)
                .orElseThrow(() -> ApiException.of(VERSION.notFound()));
    }

    /** A dataset's versions, in creation order. */
    public List<Resource> versions(Resource dataset) {
        return resources.list(VERSION, dataset.accountId(), dataset.id(), version -> true);
    }

    /** A dataset's most recently created version still stored. */
    public Optional<Resource> latestVersion(Resource dataset) {
        return versions(dataset).stream().max(Comparator.comparingLong(Resource::sequence));
    }

    /** UpdateDatasetVersion: Options, DataSize, DataCount and Description as given; v1's Options are the dataset's. */
    public Resource updateVersion(Account caller, String datasetId, String versionName, Map<String, Object> changes) {
        return atomically(() -> {
            Resource dataset = own(caller, datasetId);
            version(dataset, versionName);
            Resource updated = resources.update(VERSION, dataset.accountId(), datasetId, versionName, fields -> {
                for (String member : List.of("Options", "DataSize", "DataCount", "Description")) {
                    if (changes.containsKey(member)) {
                        fields.put(member, changes.get(member));
                    }
                }
                return fields;
            });
            if (versionName.equals(FIRST_VERSION) && changes.containsKey("Options")) {
                resources.update(DATASET, dataset.accountId(), null, datasetId, fields -> {
                    fields.put("Options", changes.get("Options"));
                    return fields;
                });
            }
            return updated;
        });
    }

    /**
     * DeleteDatasetVersion: a version other than {@code v1} (which goes only with its dataset) and its file metadata;
     * its name is never handed out again.
     */
    public Resource deleteVersion(Account caller, String datasetId, String versionName) {
        return atomically(() -> {
            Resource dataset = own(caller, datasetId);
            Resource version = version(dataset, versionName);
            if (versionName.equals(FIRST_VERSION)) {
                throw ApiException.invalid(
                        "VersionName", "version v1 cannot be deleted: it is deleted with its dataset (DeleteDataset).");
            }
            for (Resource meta : resources.list(
                    FILE_META,
                    dataset.accountId(),
                    datasetId,
                    meta -> versionName.equals(meta.field("DatasetVersion")))) {
                resources.remove(FILE_META, dataset.accountId(), datasetId, meta.id());
            }
            resources.remove(VERSION, dataset.accountId(), datasetId, versionName);
            return version;
        });
    }

    /** CreateDatasetVersionLabels. */
    public Resource addVersionLabels(
            Account caller, String datasetId, String versionName, List<Map<String, Object>> labels) {
        List<Map<String, Object>> checked = DatasetLabels.checked("Labels", labels);
        Resource dataset = own(caller, datasetId);
        version(dataset, versionName);
        return resources.update(VERSION, dataset.accountId(), datasetId, versionName, fields -> {
            fields.put(Labels.FIELD, Labels.merge(current(fields), checked));
            return fields;
        });
    }

    /** DeleteDatasetVersionLabels: removes exactly the labels of these keys. */
    public Resource removeVersionLabels(Account caller, String datasetId, String versionName, Collection<String> keys) {
        Resource dataset = own(caller, datasetId);
        version(dataset, versionName);
        return resources.update(VERSION, dataset.accountId(), datasetId, versionName, fields -> {
            fields.put(Labels.FIELD, Labels.remove(current(fields), keys));
            return fields;
        });
    }

    /**
     * GetDatasetVersion's members for a version: what it stores, {@code DatasetId}, the default SourceType and labels
     * where a seed left them out, and {@code MountAccess} as its dataset's.
     */
    public Map<String, Object> versionView(Resource dataset, Resource version) {
        Map<String, Object> view = new LinkedHashMap<>(version.fields());
        view.put("VersionName", version.id());
        view.put("DatasetId", dataset.id());
        view.putIfAbsent("SourceType", DEFAULTS.get("SourceType"));
        view.putIfAbsent("Labels", List.of());
        view.put("MountAccess", isPublic(dataset) ? "RO" : "RW");
        return view;
    }

    /** The edition of a dataset. */
    public static String edition(Resource dataset) {
        return dataset.text("Edition").orElse(DEFAULTS.get("Edition"));
    }

    // ---- helpers

    private Optional<Resource> find(String accountId, String datasetId) {
        return resources.find(DATASET, accountId, null, datasetId);
    }

    private Optional<Resource> publicDataset(String datasetId) {
        return resources
                .list(DATASET, null, null, dataset -> dataset.id().equals(datasetId) && isPublic(dataset))
                .stream()
                .findFirst();
    }

    private void syncFirstVersionOptions(Resource dataset, Object options) {
        if (resources
                .find(VERSION, dataset.accountId(), dataset.id(), FIRST_VERSION)
                .isPresent()) {
            resources.update(VERSION, dataset.accountId(), dataset.id(), FIRST_VERSION, fields -> {
                fields.put("Options", options);
                return fields;
            });
        }
    }

    /** A string member given and not empty. */
    static Optional<String> text(Map<String, Object> values, String member) {
        Object value = values.get(member);
        return value instanceof String text && !text.isEmpty() ? Optional.of(text) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> labels(Object value) {
        return value == null ? null : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> current(Map<String, Object> fields) {
        Object labels = fields.get(Labels.FIELD);
        return labels == null ? List.of() : new ArrayList<>((List<Map<String, Object>>) labels);
    }
}
