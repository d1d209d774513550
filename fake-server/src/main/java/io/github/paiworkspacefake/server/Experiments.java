package io.github.paiworkspacefake.server;

import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.families.Tracking;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The experiments, runs and metrics a fake stores, as test code reads them: what a training script logged through
 * CreateExperiment, CreateRun and LogRunMetrics. Reached with {@link PaiWorkspaceFake#experiments()}; every read sees
 * every account's data, as the fake stores it now.
 *
 * <pre>{@code
 * Run run = fake.experiments().runs(experimentId).get(0);
 * List<RunMetric> loss = fake.experiments().metrics(run.runId(), "loss"); // by Step, as a training curve
 * }</pre>
 */
public final class Experiments {

    private final FakeState state;

    Experiments(FakeState state) {
        this.state = state;
    }

    /** The stored experiment with this id, whoever owns it. */
    public Optional<Experiment> experiment(String experimentId) {
        Objects.requireNonNull(experimentId, "experimentId");
        return state.lock()
                .shared(() -> Tracking.experiment(state, experimentId).map(Experiments::experiment));
    }

    /** The experiments of a workspace, oldest first (none for an unknown workspace). */
    public List<Experiment> experiments(String workspaceId) {
        Objects.requireNonNull(workspaceId, "workspaceId");
        return state.lock()
                .shared(() -> Tracking.experimentsIn(state, workspaceId).stream()
                        .map(Experiments::experiment)
                        .toList());
    }

    /** The runs of a stored experiment, oldest first; an unknown experiment is an {@link IllegalArgumentException}. */
    public List<Run> runs(String experimentId) {
        Objects.requireNonNull(experimentId, "experimentId");
        return state.lock().shared(() -> {
            if (Tracking.experiment(state, experimentId).isEmpty()) {
                throw new IllegalArgumentException("No experiment with id " + experimentId + " is stored.");
            }
            return Tracking.runsOf(state, null, experimentId).stream()
                    .map(Experiments::run)
                    .toList();
        });
    }

    /** The stored run with this id, whoever owns it. */
    public Optional<Run> run(String runId) {
        Objects.requireNonNull(runId, "runId");
        return state.lock().shared(() -> Tracking.run(state, runId).map(Experiments::run));
    }

    /**
     * The points of one metric of a stored run, in the order of a training curve (by Step, then Timestamp, then as
     * logged), as ListRunMetrics pages them; an unknown run is an {@link IllegalArgumentException}.
     */
    public List<RunMetric> metrics(String runId, String key) {
        Objects.requireNonNull(key, "key");
        return metrics(runId).stream()
                .filter(metric -> metric.key().equals(key))
                .toList();
    }

    /** Every point of every metric of a stored run, in the order of {@link #metrics(String, String)}. */
    public List<RunMetric> metrics(String runId) {
        Objects.requireNonNull(runId, "runId");
        return state.lock().shared(() -> {
            Resource run = Tracking.run(state, runId)
                    .orElseThrow(() -> new IllegalArgumentException("No run with id " + runId + " is stored."));
            return Tracking.metricHistory(run).stream()
                    .map(metric -> new RunMetric(
                            metric.get("Key").toString(),
                            ((Number) metric.get("Value")).doubleValue(),
                            number(metric.get("Step")),
                            number(metric.get("Timestamp"))))
                    .toList();
        });
    }

    private static Experiment experiment(Resource experiment) {
        return new Experiment(
                experiment.id(),
                experiment.workspaceId(),
                experiment.text("Name").orElse(null),
                experiment.text("Accessibility").orElse(null),
                experiment.text("ArtifactUri").orElse(null),
                pairs(experiment.fields().get("Labels")),
                time(experiment.field("GmtCreateTime")),
                time(experiment.field("GmtModifiedTime")));
    }

    private static Run run(Resource run) {
        return new Run(
                run.id(),
                run.text("ExperimentId").orElse(null),
                run.workspaceId(),
                Tracking.runName(run),
                run.text("SourceType").orElse(null),
                run.text("SourceId").orElse(null),
                pairs(run.fields().get("Params")),
                pairs(run.fields().get("Labels")),
                time(run.field("GmtCreateTime")),
                time(run.field("GmtModifiedTime")));
    }

    /** {@code [{Key, Value}]} as key to value, in order. */
    static Map<String, String> pairs(Object list) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> pair) {
                    pairs.put(String.valueOf(pair.get("Key")), String.valueOf(pair.get("Value")));
                }
            }
        }
        return pairs;
    }

    /** A stored time: an {@link Instant}, or its text as a snapshot wrote it. */
    static Instant time(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        try {
            return value == null ? null : Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0L;
    }
}
