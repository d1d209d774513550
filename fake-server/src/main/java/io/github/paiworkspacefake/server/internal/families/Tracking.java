package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Experiment tracking as the Experiment and Run families and the typed API share it: experiments and their runs in
 * the resource engine, a run's metric history in the order of a training curve, and the answers' shapes.
 *
 * <p>A run stores its metrics as logged ({@code Metrics}: {@code [{Key, Value, Step, Timestamp}]} in logging order);
 * read back, a key's history is ordered by {@code Step}, then {@code Timestamp}, then logging order, and a run's
 * {@code Metrics} in GetRun are the last point of each key in that order.
 */
public final class Tracking {

    /** The resource type of experiments. */
    public static final String EXPERIMENT = "Experiment";
    /** The resource type of runs. */
    public static final String RUN = "Run";

    private Tracking() {}

    /** The engine's experiment type. */
    public static ResourceSpec experiments() {
        return Catalogue.get().resource(EXPERIMENT).orElseThrow();
    }

    /** The engine's run type. */
    public static ResourceSpec runs() {
        return Catalogue.get().resource(RUN).orElseThrow();
    }

    /** The stored experiment with this id, whoever owns it. */
    public static Optional<Resource> experiment(FakeState fake, String experimentId) {
        return byId(fake, experiments(), experimentId);
    }

    /** The stored run with this id, whoever owns it. */
    public static Optional<Resource> run(FakeState fake, String runId) {
        return byId(fake, runs(), runId);
    }

    private static Optional<Resource> byId(FakeState fake, ResourceSpec type, String id) {
        return fake.resources().list(type, null, null, resource -> resource.id().equals(id)).stream()
                .findFirst();
    }

    /** Every stored experiment of a workspace, oldest first. */
    public static List<Resource> experimentsIn(FakeState fake, String workspaceId) {
        return fake.resources().list(experiments(), null, null, resource -> workspaceId.equals(resource.workspaceId()));
    }

    /** The runs of an experiment, oldest first; {@code accountId} null for any account's. */
    public static List<Resource> runsOf(FakeState fake, String accountId, String experimentId) {
        return fake.resources().list(runs(), accountId, null, run -> experimentId.equals(run.field("ExperimentId")));
    }

    /**
     * Deletes an experiment and, with it, its runs and their metrics. The experiment goes first, so a run created
     * while it is deleted either is removed here or finds its experiment gone (see {@link RunOperations}).
     */
    public static Resource deleteExperiment(FakeState fake, String accountId, String experimentId) {
        Resource experiment = fake.resources().remove(experiments(), accountId, null, experimentId);
        for (Resource run : runsOf(fake, accountId, experimentId)) {
            try {
                fake.resources().remove(runs(), accountId, null, run.id());
            } catch (ApiException deletedMeanwhile) {
                // a DeleteRun of the same run came first
            }
        }
        return experiment;
    }

    /** A run's logged metrics of every key, in the order of a training curve: by Step, Timestamp, then as logged. */
    public static List<Map<String, Object>> metricHistory(Resource run) {
        List<Map<String, Object>> logged = new ArrayList<>(Inputs.list(run.fields(), "Metrics"));
        logged.sort(Comparator.comparingLong((Map<String, Object> metric) -> number(metric.get("Step")))
                .thenComparingLong(metric -> number(metric.get("Timestamp"))));
        return logged;
    }

    /** The last point of each key in {@link #metricHistory} order, keys in the order they were first logged. */
    public static List<Map<String, Object>> latestMetrics(Resource run) {
        Map<Object, Map<String, Object>> latest = new LinkedHashMap<>();
        Inputs.list(run.fields(), "Metrics").forEach(metric -> latest.putIfAbsent(metric.get("Key"), metric));
        metricHistory(run).forEach(metric -> latest.put(metric.get("Key"), metric));
        return List.copyOf(latest.values());
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0L;
    }

    /** A run's name: the one it was given, or its RunId (the reference: an unnamed run is named by its id). */
    public static String runName(Resource run) {
        return run.text("Name").orElse(run.id());
    }

    /** A run's members for filters and sorting: its fields, with {@code Name} as {@link #runName} gives it. */
    static Map<String, Object> runFields(Resource run) {
        Map<String, Object> fields = new LinkedHashMap<>(run.fields());
        fields.put("Name", runName(run));
        return fields;
    }

    /**
     * An experiment as GetExperiment and ListExperiment answer it (the Experiment model); with {@code latestRun}, its
     * most recently created run as {@link #runAnswer} gives it with details.
     */
    static Map<String, Object> experimentAnswer(FakeState fake, Resource experiment, boolean latestRun) {
        Map<String, Object> fields = experiment.fields();
        List<Map<String, Object>> labels = new ArrayList<>();
        for (Map<String, Object> label : Inputs.list(fields, "Labels")) {
            labels.add(Maps.ordered(
                    "ExperimentId", experiment.id(),
                    "GmtCreateTime", label.get("GmtCreateTime"),
                    "GmtModifiedTime", label.get("GmtModifiedTime"),
                    "Key", label.get("Key"),
                    "Value", label.get("Value")));
        }
        Map<String, Object> answer = Maps.ordered(
                "Accessibility", fields.get("Accessibility"),
                "ArtifactUri", fields.get("ArtifactUri"),
                "ExperimentId", experiment.id(),
                "GmtCreateTime", fields.get("GmtCreateTime"),
                "GmtModifiedTime", fields.get("GmtModifiedTime"),
                "Labels", labels,
                "Name", fields.get("Name"),
                "OwnerId", fields.get("OwnerId"),
                "TensorboardLogUri", fields.get("TensorboardLogUri"),
                "UserId", fields.get("UserId"),
                "WorkspaceId", fields.get("WorkspaceId"));
        if (latestRun) {
            List<Resource> runs = runsOf(fake, experiment.accountId(), experiment.id());
            if (!runs.isEmpty()) {
                answer.put("LatestRun", runAnswer(runs.get(runs.size() - 1), true));
            }
        }
        return answer;
    }

    /**
     * A run as GetRun and ListRuns answer it (the Run model); {@code verbose} adds its {@code Labels}, {@code Params}
     * and {@code Metrics} (the last point of each key).
     */
    static Map<String, Object> runAnswer(Resource run, boolean verbose) {
        Map<String, Object> fields = run.fields();
        Map<String, Object> answer = Maps.ordered(
                "Accessibility", fields.get("Accessibility"),
                "ExperimentId", fields.get("ExperimentId"),
                "GmtCreateTime", fields.get("GmtCreateTime"),
                "GmtModifiedTime", fields.get("GmtModifiedTime"),
                "Name", runName(run),
                "OwnerId", fields.get("OwnerId"),
                "RunId", run.id(),
                "SourceId", fields.get("SourceId"),
                "SourceType", fields.get("SourceType"),
                "UserId", fields.get("UserId"),
                "WorkspaceId", fields.get("WorkspaceId"));
        if (verbose) {
            List<Map<String, Object>> labels = new ArrayList<>();
            for (Map<String, Object> label : Inputs.list(fields, "Labels")) {
                labels.add(Maps.ordered(
                        "GmtCreateTime", label.get("GmtCreateTime"),
                        "GmtModifiedTime", label.get("GmtModifiedTime"),
                        "Key", label.get("Key"),
                        "RunId", run.id(),
                        "Value", label.get("Value")));
            }
            answer.put("Labels", labels);
            answer.put("Params", Inputs.list(fields, "Params"));
            answer.put("Metrics", latestMetrics(run));
        }
        return answer;
    }
}
