package io.github.paiworkspacefake.server;

import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.datasets.DatasetFileMetaService;
import io.github.paiworkspacefake.server.internal.domain.datasets.DatasetJobService;
import io.github.paiworkspacefake.server.internal.domain.datasets.DatasetService;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Test code's typed access to a fake's datasets ({@link PaiWorkspaceFake#datasets()}): add datasets with versions and
 * PAI public datasets, read them back as the API would answer them, and drive dataset jobs, which the fake never runs,
 * to the status a test needs. What is added here obeys the API's rules (a name unique in its workspace, labels, the
 * edition of an OSS dataset) and is answered by the API at once.
 *
 * <p>An argument the rules refuse is an {@link IllegalArgumentException} naming the problem; an unknown id too.
 */
public final class Datasets {

    private final FakeState state;
    private final Account account;

    Datasets(FakeState state, Account account) {
        this.state = state;
        this.account = account;
    }

    /**
     * Stores a dataset as CreateDataset does, with its version {@code v1} and then the seed's further versions
     * ({@code v2}, ...): in the seed's workspace, owned by that workspace's account, or in the default workspace of
     * the fake's account.
     */
    public Dataset add(DatasetSeed seed) {
        Objects.requireNonNull(seed, "seed");
        return call(() -> {
            Map<String, Object> members = seed.members();
            Account owner = account;
            Object workspaceId = members.get("WorkspaceId");
            if (workspaceId != null) {
                owner = state.workspaces()
                        .find(workspaceId.toString())
                        .map(Workspace::owner)
                        .orElseThrow(() ->
                                new IllegalArgumentException("No workspace with id " + workspaceId + " is stored."));
            }
            DatasetService datasets = new DatasetService(state);
            Resource dataset = datasets.create(owner, members);
            addVersions(datasets, dataset, seed);
            return dataset(datasets, dataset.id());
        });
    }

    /**
     * Stores one of PAI's public datasets: Provider {@code pai}, in no workspace, Accessibility PUBLIC unless the seed
     * says otherwise. Every account reads it (GetDataset, ListDatasets with {@code Provider=pai}, its versions); none
     * may change it. The seed's workspace, if any, is not used.
     */
    public Dataset addPublic(DatasetSeed seed) {
        Objects.requireNonNull(seed, "seed");
        return call(() -> {
            Map<String, Object> members = new LinkedHashMap<>(seed.members());
            members.remove("WorkspaceId");
            DatasetService datasets = new DatasetService(state);
            Resource dataset = datasets.createPublic(account.accountId(), members);
            addVersions(datasets, dataset, seed);
            return dataset(datasets, dataset.id());
        });
    }

    /**
     * Adds the next version of a stored dataset (of any account) as CreateDatasetVersion does, with this Uri and the
     * dataset's Property and DataSourceType; returns it.
     */
    public DatasetVersion addVersion(String datasetId, String uri) {
        Objects.requireNonNull(uri, "uri");
        return call(() -> {
            DatasetService datasets = new DatasetService(state);
            Resource dataset = stored(datasets, datasetId);
            Resource version = datasets.newVersion(dataset, versionRequest(dataset, Map.of("Uri", uri)));
            return version(datasets, dataset, version);
        });
    }

    /** The stored dataset with this id, whoever owns it, as GetDataset would answer it now. */
    public Optional<Dataset> get(String datasetId) {
        DatasetService datasets = new DatasetService(state);
        return datasets.anyDataset(datasetId).map(dataset -> dataset(datasets, dataset.id()));
    }

    /** The datasets of a workspace, oldest first. */
    public List<Dataset> list(String workspaceId) {
        DatasetService datasets = new DatasetService(state);
        return datasets.allInWorkspace(workspaceId).stream()
                .map(dataset -> dataset(datasets, dataset.id()))
                .toList();
    }

    /** PAI's public datasets, oldest first. */
    public List<Dataset> publicDatasets() {
        DatasetService datasets = new DatasetService(state);
        return datasets.publicDatasets().stream()
                .map(dataset -> dataset(datasets, dataset.id()))
                .toList();
    }

    /** The versions of a stored dataset, oldest first. */
    public List<DatasetVersion> versions(String datasetId) {
        DatasetService datasets = new DatasetService(state);
        Resource dataset = stored(datasets, datasetId);
        return datasets.versions(dataset).stream()
                .map(version -> version(datasets, dataset, version))
                .toList();
    }

    /** Deletes a stored dataset (of any account) as DeleteDataset does: its versions, file metadata and jobs too. */
    public void delete(String datasetId) {
        call(() -> {
            DatasetService datasets = new DatasetService(state);
            Resource dataset = stored(datasets, datasetId);
            datasets.remove(dataset);
            return null;
        });
    }

    /** The status of a dataset job. */
    public DatasetJobStatus jobStatus(String datasetId, String datasetJobId) {
        return new DatasetJobService(state)
                .jobsOf(datasetId).stream()
                        .filter(job -> job.id().equals(datasetJobId))
                        .findFirst()
                        .map(DatasetJobService::status)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "No dataset job " + datasetJobId + " of dataset " + datasetId + " is stored."));
    }

    /** The ids of a dataset's jobs, oldest first. */
    public List<String> jobIds(String datasetId) {
        return new DatasetJobService(state)
                .jobsOf(datasetId).stream().map(Resource::id).toList();
    }

    /**
     * Moves a dataset job to a status, as the service would when it runs: a finished status (Succeeded, Failed,
     * Stopped) gives it a FinishTime, Succeeded counts its files as completed, and the change is written to its Logs.
     */
    public void setJobStatus(String datasetId, String datasetJobId, DatasetJobStatus status) {
        Objects.requireNonNull(status, "status");
        call(() -> new DatasetJobService(state).setStatus(datasetId, datasetJobId, status));
    }

    private static void addVersions(DatasetService datasets, Resource dataset, DatasetSeed seed) {
        for (Map<String, Object> version : seed.versions()) {
            datasets.newVersion(dataset, versionRequest(dataset, version));
        }
    }

    private static Map<String, Object> versionRequest(Resource dataset, Map<String, Object> version) {
        Map<String, Object> request = new LinkedHashMap<>(version);
        request.put("Property", dataset.field("Property"));
        request.put("DataSourceType", dataset.field("DataSourceType"));
        return request;
    }

    private Resource stored(DatasetService datasets, String datasetId) {
        Objects.requireNonNull(datasetId, "datasetId");
        return datasets.anyDataset(datasetId)
                .orElseThrow(() -> new IllegalArgumentException("No dataset with id " + datasetId + " is stored."));
    }

    /** Runs one change as one step of the fake (one record in a data directory), as an operation runs. */
    private <T> T call(java.util.function.Supplier<T> action) {
        try {
            return state.lock().shared(action);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.code() + ": " + e.getMessage(), e);
        }
    }

    private static Dataset dataset(DatasetService datasets, String datasetId) {
        Resource dataset = datasets.anyDataset(datasetId).orElseThrow();
        Map<String, Object> view = datasets.view(dataset);
        String latest = datasets.latestVersion(dataset).map(Resource::id).orElse(null);
        return new Dataset(
                dataset.id(),
                dataset.workspaceId(),
                text(view, "Name"),
                text(view, "Description"),
                text(view, "Uri"),
                text(view, "Property"),
                text(view, "DataSourceType"),
                text(view, "DataType"),
                text(view, "SourceType"),
                text(view, "SourceId"),
                text(view, "Accessibility"),
                text(view, "Edition"),
                text(view, "Provider"),
                text(view, "Options"),
                labels(dataset),
                latest,
                text(view, "OwnerId"),
                DatasetFileMetaService.instant(view.get("GmtCreateTime")),
                DatasetFileMetaService.instant(view.get("GmtModifiedTime")));
    }

    private static DatasetVersion version(DatasetService datasets, Resource dataset, Resource version) {
        Map<String, Object> view = datasets.versionView(dataset, version);
        return new DatasetVersion(
                dataset.id(),
                version.id(),
                text(view, "Uri"),
                text(view, "Property"),
                text(view, "DataSourceType"),
                text(view, "SourceType"),
                text(view, "SourceId"),
                text(view, "Options"),
                text(view, "Description"),
                number(view.get("DataSize")),
                number(view.get("DataCount")),
                labels(version),
                DatasetFileMetaService.instant(view.get("GmtCreateTime")),
                DatasetFileMetaService.instant(view.get("GmtModifiedTime")));
    }

    private static Map<String, String> labels(Resource resource) {
        Map<String, String> labels = new LinkedHashMap<>();
        resource.labels()
                .forEach(label -> labels.put(
                        String.valueOf(label.get("Key")),
                        label.get("Value") == null ? "" : label.get("Value").toString()));
        return labels;
    }

    private static String text(Map<String, Object> view, String member) {
        Object value = view.get(member);
        return value == null ? null : value instanceof Instant instant ? instant.toString() : value.toString();
    }

    private static Long number(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }
}
