package io.github.paiworkspacefake.server;

import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.families.ImageStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The images a fake stores, and the test controls of images: seeding official images (the fake has none until test
 * code adds them), reading what AddImage and image builds stored, and ending image builds, which the fake never runs.
 * Reached with {@link PaiWorkspaceFake#images()}.
 *
 * <pre>{@code
 * fake.images().addExamples(); // nine official images, see OfficialImage.EXAMPLES
 * Image built = fake.images().completeBuild(imageBuildId); // the build succeeds: its image is in the workspace
 * }</pre>
 */
public final class Images {

    private final FakeState state;

    Images(FakeState state) {
        this.state = state;
    }

    /**
     * Adds an official image: every account reads it (GetImage, ListImages without a WorkspaceId, ListImageLabels),
     * none can change it through the API. It carries {@code system.official=true} and is PUBLIC. An ImageId any image
     * already has is an {@link IllegalStateException}; an ImageId not of the form {@code image-} and 18 letters or
     * digits, or a label key or value breaking AddImage's rules, an {@link IllegalArgumentException}. Until {@link PaiWorkspaceFake#reset()}, like a seed file's.
     */
    public Image addOfficial(OfficialImage image) {
        return addOfficial(List.of(Objects.requireNonNull(image, "image"))).get(0);
    }

    /** Adds official images, in order (see {@link #addOfficial(OfficialImage)}); all of them or, on a problem, none. */
    public List<Image> addOfficial(Collection<OfficialImage> images) {
        return stored(images).stream().map(Images::image).toList();
    }

    /** Adds the example set of official images, {@link OfficialImage#examples()}. */
    public List<Image> addExamples() {
        return addOfficial(OfficialImage.examples());
    }

    /**
     * Stores official images all at once or not at all, returning what the engine stored (for a fake's baseline).
     * Package-private: the builder's images are stored through here.
     */
    List<Resource> stored(Collection<OfficialImage> images) {
        List<OfficialImage> wanted = List.copyOf(images);
        return state.lock().exclusive(() -> {
            List<Resource> added = new ArrayList<>();
            try {
                for (OfficialImage image : wanted) {
                    added.add(
                            ImageStore.addOfficial(state, state.account().accountId(), fields(image), image.imageId()));
                }
            } catch (ApiException e) {
                added.forEach(resource ->
                        state.resources().remove(ImageStore.images(), resource.accountId(), null, resource.id()));
                throw e.status() == 409
                        ? new IllegalStateException(e.getMessage(), e)
                        : new IllegalArgumentException(e.getMessage(), e);
            }
            return List.copyOf(added);
        });
    }

    private static Map<String, Object> fields(OfficialImage image) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", image.name());
        fields.put("ImageUri", image.imageUri());
        fields.put("Description", image.description());
        List<Map<String, Object>> labels = new ArrayList<>();
        image.labels().forEach((key, value) -> {
            Map<String, Object> label = new LinkedHashMap<>();
            label.put("Key", key);
            label.put("Value", value);
            labels.add(label);
        });
        fields.put("Labels", labels);
        fields.put("Size", image.size());
        fields.put("GmtCreateTime", image.gmtCreateTime());
        return fields;
    }

    /** Every official image, oldest first. */
    public List<Image> official() {
        return state.lock()
                .shared(() ->
                        ImageStore.official(state).stream().map(Images::image).toList());
    }

    /** The custom images of a workspace, oldest first (none for an unknown workspace). */
    public List<Image> images(String workspaceId) {
        Objects.requireNonNull(workspaceId, "workspaceId");
        return state.lock()
                .shared(() -> ImageStore.imagesIn(state, workspaceId).stream()
                        .map(Images::image)
                        .toList());
    }

    /** The stored image with this id, official or custom, whoever owns it. */
    public Optional<Image> image(String imageId) {
        Objects.requireNonNull(imageId, "imageId");
        return state.lock().shared(() -> ImageStore.image(state, imageId).map(Images::image));
    }

    /** Every image build CreateImageBuild recorded, oldest first. */
    public List<ImageBuild> builds() {
        return state.lock()
                .shared(() ->
                        ImageStore.allBuilds(state).stream().map(Images::build).toList());
    }

    /** The image build with this id, whoever asked for it. */
    public Optional<ImageBuild> build(String imageBuildId) {
        Objects.requireNonNull(imageBuildId, "imageBuildId");
        return state.lock().shared(() -> ImageStore.build(state, imageBuildId).map(Images::build));
    }

    /**
     * Ends a running image build successfully: its image is added to the build's workspace (as CreateImageBuild's
     * {@code Image} described it, {@code SourceType} {@code Build}, {@code SourceId} the build's id) and returned. An
     * unknown build is an {@link IllegalArgumentException}, one that is not running an {@link IllegalStateException};
     * when the image's name was taken in the workspace meanwhile, the build fails, saying so, and so does this call.
     */
    public Image completeBuild(String imageBuildId) {
        Objects.requireNonNull(imageBuildId, "imageBuildId");
        return state.lock().shared(() -> {
            Resource build = ImageStore.completeBuild(state, imageBuildId);
            return image(
                    ImageStore.image(state, build.text("ImageId").orElseThrow()).orElseThrow());
        });
    }

    /**
     * Ends a running image build as failed, with this message; no image is added. An unknown build is an
     * {@link IllegalArgumentException}, one that is not running an {@link IllegalStateException}.
     */
    public ImageBuild failBuild(String imageBuildId, String message) {
        Objects.requireNonNull(imageBuildId, "imageBuildId");
        Objects.requireNonNull(message, "message");
        return state.lock().shared(() -> build(ImageStore.failBuild(state, imageBuildId, message)));
    }

    private static Image image(Resource image) {
        Object size = image.field("Size");
        return new Image(
                image.id(),
                image.workspaceId(),
                image.text("Name").orElse(null),
                image.text("ImageUri").orElse(null),
                image.text("Description").orElse(null),
                image.text("Accessibility").orElse(null),
                Experiments.pairs(image.field("Labels")),
                size instanceof Number number ? number.longValue() : null,
                image.text("SourceType").orElse(null),
                image.text("SourceId").orElse(null),
                Experiments.time(image.field("GmtCreateTime")),
                Experiments.time(image.field("GmtModifiedTime")));
    }

    @SuppressWarnings("unchecked")
    private static ImageBuild build(Resource build) {
        Map<String, Object> image =
                build.field("Image") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        return new ImageBuild(
                build.id(),
                ImageStore.buildJobId(build),
                build.workspaceId(),
                switch (build.text("Status").orElse(ImageStore.RUNNING)) {
                    case ImageStore.SUCCEEDED -> ImageBuild.Status.SUCCEEDED;
                    case ImageStore.FAILED -> ImageBuild.Status.FAILED;
                    default -> ImageBuild.Status.RUNNING;
                },
                image.get("Name") == null ? null : image.get("Name").toString(),
                image.get("Uri") == null ? null : image.get("Uri").toString(),
                build.text("ImageId").orElse(null),
                build.text("Message").orElse(null));
    }
}
