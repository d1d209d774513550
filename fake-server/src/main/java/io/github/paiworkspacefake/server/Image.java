package io.github.paiworkspacefake.server;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An image as the fake stores it: a workspace's custom image (AddImage, a finished image build) or an official image,
 * which belongs to no workspace and which every account reads.
 *
 * @param imageId         the {@code ImageId}, {@code image-...}
 * @param workspaceId     the workspace of a custom image; null for an official image
 * @param name            the {@code Name}
 * @param imageUri        the {@code ImageUri}
 * @param description     the {@code Description}, or null
 * @param accessibility   {@code PUBLIC} or {@code PRIVATE}
 * @param labels          its labels, key to value, in the order they were set
 * @param size            the {@code Size}, or null
 * @param sourceType      {@code Import}, {@code Build} (from an image build) or null
 * @param sourceId        the image build's id for {@code Build}, or null
 * @param gmtCreateTime   when it was added
 * @param gmtModifiedTime when it last changed
 */
public record Image(
        String imageId,
        String workspaceId,
        String name,
        String imageUri,
        String description,
        String accessibility,
        Map<String, String> labels,
        Long size,
        String sourceType,
        String sourceId,
        Instant gmtCreateTime,
        Instant gmtModifiedTime) {

    /** Copies the labels, keeping their order. */
    public Image {
        Objects.requireNonNull(imageId, "imageId");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** Whether this is an official image: it belongs to no workspace. */
    public boolean official() {
        return workspaceId == null;
    }
}
