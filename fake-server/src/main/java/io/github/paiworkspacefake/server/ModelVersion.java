package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A version of a model in the fake's model registry, as GetModelVersion shows it; read it with
 * {@link Models#version(String, String)}. Members the version does not have are null (a spec is null, not empty).
 *
 * @param modelId        the model it belongs to
 * @param versionName    the {@code VersionName}, such as {@code 0.1.0}
 * @param uri            the {@code Uri} of the model's files
 * @param approvalStatus the {@code ApprovalStatus}: {@code Pending} unless set
 * @param sourceType     the {@code SourceType}: {@code Custom} unless set
 * @param sourceId       the {@code SourceId}
 * @param formatType     the {@code FormatType}
 * @param frameworkType  the {@code FrameworkType}
 * @param labels         its {@code Labels}, key to value, in order
 * @param inferenceSpec  the {@code InferenceSpec} as sent
 * @param trainingSpec   the {@code TrainingSpec} as sent
 * @param gmtCreateTime  when it was created, or null for a seeded one without a time
 */
public record ModelVersion(
        String modelId,
        String versionName,
        String uri,
        String approvalStatus,
        String sourceType,
        String sourceId,
        String formatType,
        String frameworkType,
        Map<String, String> labels,
        Map<String, Object> inferenceSpec,
        Map<String, Object> trainingSpec,
        Instant gmtCreateTime) {

    /** Copies the labels and specs, so that a version read once does not change. */
    public ModelVersion {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(versionName, "versionName");
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        inferenceSpec = inferenceSpec == null
                ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inferenceSpec));
        trainingSpec = trainingSpec == null
                ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(trainingSpec));
    }
}
