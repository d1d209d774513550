package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dataset as the fake stores it and GetDataset answers it ({@link Datasets#get(String)}). The members named after
 * the dataset's first version (Uri, Property, DataSourceType, SourceType, SourceId, Options) are {@code v1}'s.
 *
 * @param datasetId      its {@code DatasetId} ({@code d-...})
 * @param workspaceId    the workspace it belongs to; null for a PAI public dataset
 * @param name           its {@code Name}
 * @param description    its {@code Description}, or null
 * @param uri            its {@code Uri}
 * @param property       {@code FILE} or {@code DIRECTORY}
 * @param dataSourceType such as {@code OSS} or {@code NAS}
 * @param dataType       such as {@code COMMON}
 * @param sourceType     such as {@code USER}
 * @param sourceId       its {@code SourceId}, or null
 * @param accessibility  {@code PRIVATE}, {@code PUBLIC} or {@code ROLE_PUBLIC}
 * @param edition        {@code BASIC}, {@code ADVANCED} or {@code LOGICAL}
 * @param provider       its {@code Provider} ({@code pai} for a PAI public dataset), or null
 * @param options        its {@code Options}, exactly as sent, or null
 * @param labels         its labels, key to value, in their order
 * @param latestVersion  the name of its most recently created version, such as {@code v3}
 * @param ownerId        the account that owns it
 * @param gmtCreateTime  when it was created
 * @param gmtModifiedTime when it last changed
 */
public record Dataset(
        String datasetId,
        String workspaceId,
        String name,
        String description,
        String uri,
        String property,
        String dataSourceType,
        String dataType,
        String sourceType,
        String sourceId,
        String accessibility,
        String edition,
        String provider,
        String options,
        Map<String, String> labels,
        String latestVersion,
        String ownerId,
        Instant gmtCreateTime,
        Instant gmtModifiedTime) {

    /** Keeps the labels in their order, unmodifiable. */
    public Dataset {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }
}
