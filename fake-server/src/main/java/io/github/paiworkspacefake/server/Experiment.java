package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An experiment as the fake stores it: a named collection of runs in a workspace (CreateExperiment).
 *
 * @param experimentId    the {@code ExperimentId}, {@code exp-...}
 * @param workspaceId     the workspace it belongs to; its name is unique there
 * @param name            the {@code Name}
 * @param accessibility   {@code PRIVATE} or {@code PUBLIC}
 * @param artifactUri     the {@code ArtifactUri} (an OSS path), or null
 * @param labels          its labels, key to value, in the order they were set
 * @param gmtCreateTime   when it was created
 * @param gmtModifiedTime when it last changed
 */
public record Experiment(
        String experimentId,
        String workspaceId,
        String name,
        String accessibility,
        String artifactUri,
        Map<String, String> labels,
        Instant gmtCreateTime,
        Instant gmtModifiedTime) {

    /** Copies the labels, keeping their order, so a stored experiment cannot change under the fake. */
    public Experiment {
        Objects.requireNonNull(experimentId, "experimentId");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
