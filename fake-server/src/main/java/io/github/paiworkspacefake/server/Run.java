package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A run of an experiment as the fake stores it (CreateRun). Its metrics are read with
 * {@link Experiments#metrics(String, String)}.
 *
 * @param runId           the {@code RunId}, {@code run-...}
 * @param experimentId    the experiment it belongs to
 * @param workspaceId     the experiment's workspace
 * @param name            the {@code Name}: the one it was given, or its RunId
 * @param sourceType      {@code TrainingService}, {@code DLC}, or null
 * @param sourceId        the id of the PAI workload it came from, or null
 * @param params          its parameters, key to value, in the order they were set
 * @param labels          its labels, key to value, in the order they were set
 * @param gmtCreateTime   when it was created
 * @param gmtModifiedTime when it last changed (logging metrics changes it)
 */
public record Run(
        String runId,
        String experimentId,
        String workspaceId,
        String name,
        String sourceType,
        String sourceId,
        Map<String, String> params,
        Map<String, String> labels,
        Instant gmtCreateTime,
        Instant gmtModifiedTime) {

    /** Copies params and labels, keeping their order. */
    public Run {
        Objects.requireNonNull(runId, "runId");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
