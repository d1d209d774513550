package io.github.paiworkspacefake.server.internal.domain.datasets;

import static io.github.paiworkspacefake.server.internal.domain.datasets.DatasetTypes.FILE_META;
import static io.github.paiworkspacefake.server.internal.domain.datasets.DatasetTypes.JOB;
import static io.github.paiworkspacefake.server.internal.domain.datasets.DatasetTypes.JOB_CONFIG;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.DatasetJobStatus;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Dataset jobs and their configurations. The fake runs no job: a new job is Running, with TotalFileCount the active
 * file metadata of its version and nothing completed, until StopDatasetJob stops it or test code sets its status;
 * each change of status is written to its Logs.
 */
public final class DatasetJobService {

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final DatasetService datasets;
    private final Resources resources;
    private final Clock clock;

    public DatasetJobService(FakeState state) {
        this.datasets = new DatasetService(state);
        this.resources = state.resources();
        this.clock = state.clock();
    }

    // ---- jobs

    /** CreateDatasetJob: a job of the caller's dataset in its workspace, Running at once. */
    public Resource createJob(Account caller, String datasetId, Map<String, Object> request) {
        return datasets.atomically(() -> {
            Resource dataset = changeable(caller, datasetId, Optional.of((String) request.get("WorkspaceId")));
            Optional<String> versionName = DatasetService.text(request, "DatasetVersion");
            versionName.ifPresent(name -> datasets.version(dataset, name));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("WorkspaceId", dataset.workspaceId());
            versionName.ifPresent(name -> fields.put("DatasetVersion", name));
            fields.put("Description", request.get("Description"));
            fields.put("JobAction", request.get("JobAction"));
            fields.put("JobMode", DatasetService.text(request, "JobMode").orElse("Full"));
            fields.put("JobSpec", request.get("JobSpec"));
            fields.put("Status", DatasetJobStatus.RUNNING.value());
            fields.put("TotalFileCount", (long) resources
                    .list(
                            FILE_META,
                            dataset.accountId(),
                            datasetId,
                            meta -> DatasetFileMetaService.ACTIVE.equals(
                                            meta.text("Status").orElse(DatasetFileMetaService.ACTIVE))
                                    && versionName
                                            .map(name -> name.equals(meta.field("DatasetVersion")))
                                            .orElse(true))
                    .size());
            fields.put("CompletedFileCount", 0L);
            fields.put("FailedFileCount", 0L);
            fields.put("Logs", List.of(log("Job created; it is Running.")));
            return resources.create(JOB, new Resources.Creation(dataset.accountId(), datasetId, null, fields, null));
        });
    }

    /** GetDatasetJob: a job of a dataset the caller may read, in the version and workspace named if they are. */
    public Resource job(
            Account caller,
            String datasetId,
            String jobId,
            Optional<String> versionName,
            Optional<String> workspaceId) {
        Resource dataset = DatasetService.requireWorkspace(datasets.readable(caller, datasetId), workspaceId);
        return matching(dataset, jobId, versionName);
    }

    /** The jobs of a dataset the caller may read, in creation order. */
    public List<Resource> jobs(Account caller, String datasetId, Optional<String> workspaceId) {
        Resource dataset = DatasetService.requireWorkspace(datasets.readable(caller, datasetId), workspaceId);
        return resources.list(JOB, dataset.accountId(), datasetId, job -> true);
    }

    /** UpdateDatasetJob: the Description of a job (in the version named, if one is). */
    public Resource updateJob(
            Account caller,
            String datasetId,
            String jobId,
            Optional<String> versionName,
            Optional<String> workspaceId,
            Map<String, Object> changes) {
        Resource dataset = changeable(caller, datasetId, workspaceId);
        matching(dataset, jobId, versionName);
        return resources.update(JOB, dataset.accountId(), datasetId, jobId, fields -> {
            if (changes.containsKey("Description")) {
                fields.put("Description", changes.get("Description"));
            }
            return fields;
        });
    }

    /** DeleteDatasetJob, whatever its status. */
    public Resource deleteJob(Account caller, String datasetId, String jobId) {
        Resource dataset = changeable(caller, datasetId, Optional.empty());
        return resources.remove(JOB, dataset.accountId(), datasetId, jobId);
    }

    /**
     * StopDatasetJob: a job that has not finished becomes Stopped, with its FinishTime; a Stopped one stays so; a
     * Succeeded or Failed one cannot be stopped ({@code 400 OperationDenied.JobStatus}).
     */
    public Resource stopJob(
            Account caller,
            String datasetId,
            String jobId,
            Optional<String> versionName,
            Optional<String> workspaceId) {
        return datasets.atomically(() -> {
            Resource dataset = changeable(caller, datasetId, workspaceId);
            Resource job = matching(dataset, jobId, versionName);
            DatasetJobStatus status = status(job);
            if (status == DatasetJobStatus.STOPPED) {
                return job;
            }
            if (status.finished()) {
                throw new ApiException(
                        400,
                        "OperationDenied.JobStatus",
                        "Dataset job " + jobId + " has finished (" + status.value() + "); only a job that has not"
                                + " finished can be stopped.");
            }
            return changeStatus(dataset, job, DatasetJobStatus.STOPPED, "Job stopped.");
        });
    }

    /**
     * Sets a job's status, for test code: a finished status gives it a FinishTime (and Succeeded counts every file it
     * has not failed as completed), an unfinished one takes the FinishTime away.
     */
    public Resource setStatus(String datasetId, String jobId, DatasetJobStatus status) {
        return datasets.atomically(() -> {
            Resource dataset =
                    datasets.anyDataset(datasetId).orElseThrow(() -> ApiException.of(DatasetTypes.DATASET.notFound()));
            Resource job = resources
                    .find(JOB, dataset.accountId(), datasetId, jobId)
                    .orElseThrow(() -> ApiException.of(JOB.notFound()));
            return changeStatus(dataset, job, status, "Job status set to " + status.value() + ".");
        });
    }

    /** A job's status; an unknown text (a seed's own) reads as Running. */
    public static DatasetJobStatus status(Resource job) {
        return job.text("Status").flatMap(DatasetJobStatus::of).orElse(DatasetJobStatus.RUNNING);
    }

    /** The jobs of any dataset, by dataset id, for test code. */
    public List<Resource> jobsOf(String datasetId) {
        return datasets.anyDataset(datasetId)
                .map(dataset -> resources.list(JOB, dataset.accountId(), datasetId, job -> true))
                .orElse(List.of());
    }

    private Resource changeStatus(Resource dataset, Resource job, DatasetJobStatus status, String message) {
        return resources.update(JOB, dataset.accountId(), dataset.id(), job.id(), fields -> {
            fields.put("Status", status.value());
            if (status.finished()) {
                fields.put("FinishTime", now());
            } else {
                fields.remove("FinishTime");
            }
            if (status == DatasetJobStatus.SUCCEEDED) {
                long total = number(fields.get("TotalFileCount"));
                long failed = number(fields.get("FailedFileCount"));
                fields.put("CompletedFileCount", Math.max(0, total - failed));
            }
            List<Object> logs = new ArrayList<>();
            if (fields.get("Logs") instanceof List<?> earlier) {
                logs.addAll(earlier);
            }
            logs.add(log(message));
            fields.put("Logs", logs);
            return fields;
        });
    }

    private Resource matching(Resource dataset, String jobId, Optional<String> versionName) {
        return resources
                .find(JOB, dataset.accountId(), dataset.id(), jobId)
                .filter(job -> versionName.isEmpty()
                        || versionName.get().isEmpty()
                        || versionName.get().equals(job.field("DatasetVersion")))
                .orElseThrow(() -> ApiException.of(JOB.notFound()));
    }

    // ---- job configurations

    /** CreateDatasetJobConfig: a configuration of the caller's dataset, in its workspace. */
    public Resource createConfig(Account caller, String datasetId, Map<String, Object> request) {
        return datasets.atomically(() -> {
            Resource dataset = changeable(caller, datasetId, Optional.of((String) request.get("WorkspaceId")));
            Optional<String> versionName = DatasetService.text(request, "DatasetVersion");
            versionName.ifPresent(name -> datasets.version(dataset, name));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("WorkspaceId", dataset.workspaceId());
            versionName.ifPresent(name -> fields.put("DatasetVersion", name));
            fields.put("ConfigType", request.get("ConfigType"));
            fields.put("Config", request.get("Config"));
            return resources.create(
                    JOB_CONFIG, new Resources.Creation(dataset.accountId(), datasetId, null, fields, null));
        });
    }

    /** GetDatasetJobConfig. */
    public Resource config(Account caller, String datasetId, String configId, Optional<String> workspaceId) {
        Resource dataset = DatasetService.requireWorkspace(datasets.readable(caller, datasetId), workspaceId);
        return resources
                .find(JOB_CONFIG, dataset.accountId(), datasetId, configId)
                .orElseThrow(() -> ApiException.of(JOB_CONFIG.notFound()));
    }

    /** The configurations of a dataset the caller may read, in creation order. */
    public List<Resource> configs(Account caller, String datasetId, Optional<String> workspaceId) {
        Resource dataset = DatasetService.requireWorkspace(datasets.readable(caller, datasetId), workspaceId);
        return resources.list(JOB_CONFIG, dataset.accountId(), datasetId, config -> true);
    }

    /** UpdateDatasetJobConfig: Config and ConfigType as given. */
    public Resource updateConfig(
            Account caller,
            String datasetId,
            String configId,
            Optional<String> workspaceId,
            Map<String, Object> changes) {
        Resource dataset = changeable(caller, datasetId, workspaceId);
        return resources.update(JOB_CONFIG, dataset.accountId(), datasetId, configId, fields -> {
            if (changes.containsKey("Config")) {
                fields.put("Config", changes.get("Config"));
            }
            DatasetService.text(changes, "ConfigType").ifPresent(type -> fields.put("ConfigType", type));
            return fields;
        });
    }

    /** DeleteDatasetJobConfig. */
    public Resource deleteConfig(Account caller, String datasetId, String configId, Optional<String> workspaceId) {
        Resource dataset = changeable(caller, datasetId, workspaceId);
        return resources.remove(JOB_CONFIG, dataset.accountId(), datasetId, configId);
    }

    private Resource changeable(Account caller, String datasetId, Optional<String> workspaceId) {
        return DatasetService.requireWorkspace(datasets.own(caller, datasetId), workspaceId);
    }

    private String log(String message) {
        return LOG_TIME.format(now()) + " INFO: " + message;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0L;
    }
}
