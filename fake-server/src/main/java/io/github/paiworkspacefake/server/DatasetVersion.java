package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A version of a dataset as the fake stores it and GetDatasetVersion answers it ({@link Datasets#versions(String)}).
 *
 * @param datasetId       the dataset it belongs to
 * @param versionName     {@code v1}, {@code v2}, ...
 * @param uri             its {@code Uri}
 * @param property        {@code FILE} or {@code DIRECTORY}
 * @param dataSourceType  its dataset's
 * @param sourceType      such as {@code USER}
 * @param sourceId        its {@code SourceId}, or null
 * @param options         its {@code Options}, exactly as sent, or null
 * @param description     its {@code Description}, or null
 * @param dataSize        its {@code DataSize} in bytes, or null
 * @param dataCount       its {@code DataCount}, or null
 * @param labels          its labels, key to value, in their order
 * @param gmtCreateTime   when it was created
 * @param gmtModifiedTime when it last changed
 */
public record DatasetVersion(
        String datasetId,
        String versionName,
        String uri,
        String property,
        String dataSourceType,
        String sourceType,
        String sourceId,
        String options,
        String description,
        Long dataSize,
        Long dataCount,
        Map<String, String> labels,
        Instant gmtCreateTime,
        Instant gmtModifiedTime) {

    /** Keeps the labels in their order, unmodifiable. */
    public DatasetVersion {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
