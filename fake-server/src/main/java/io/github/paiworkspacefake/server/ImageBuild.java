package io.github.paiworkspacefake.server;

import java.util.Objects;

/**
 * An image build as CreateImageBuild recorded it. The fake builds nothing: a build stays {@link Status#RUNNING} until
 * test code ends it with {@link Images#completeBuild(String)} or {@link Images#failBuild(String, String)}.
 *
 * @param imageBuildId    the {@code ImageBuildId}, {@code build-...}
 * @param imageBuildJobId the {@code ImageBuildJobId}, {@code dlc-...}
 * @param workspaceId     the workspace the image is built for
 * @param status          how far it got
 * @param imageName       the name the image gets ({@code Image.Name})
 * @param imageUri        the image's URI ({@code Image.Uri})
 * @param imageId         the image added to the workspace once it succeeded; null before, and when it failed
 * @param message         why it failed; null otherwise
 */
public record ImageBuild(
        String imageBuildId,
        String imageBuildJobId,
        String workspaceId,
        Status status,
        String imageName,
        String imageUri,
        String imageId,
        String message) {

    /** Checks that the id and status are present. */
    public ImageBuild {
        Objects.requireNonNull(imageBuildId, "imageBuildId");
        Objects.requireNonNull(status, "status");
    }

    /** How far a build got. */
    public enum Status {
        /** Recorded, waiting for test code to end it. */
        RUNNING,
        /** Ended well: its image is in the workspace. */
        SUCCEEDED,
        /** Ended badly: no image was added. */
        FAILED
    }
}
