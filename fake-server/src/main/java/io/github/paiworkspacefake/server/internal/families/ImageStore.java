package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.resources.Labels;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Images as the Image and ImageLabel families and the typed API share them. A workspace's custom images belong to
 * their account; <b>official images</b> are the images without a {@code WorkspaceId}: every account reads them, none
 * changes them through the API, and the fake has none until test code adds them (seed files, the typed API, the
 * builder, the admin API). An image build ({@code ImageBuild}) builds nothing: it waits for test code to say how it
 * ended, and a successful one adds its image to the workspace.
 */
public final class ImageStore {

    /** The resource type of images. */
    public static final String IMAGE = "Image";
    /** The resource type of image builds. */
    public static final String IMAGE_BUILD = "ImageBuild";
    /** The label every official image carries (the reference). */
    public static final String OFFICIAL_LABEL = "system.official";
    /** A build's status while test code has not ended it. */
    public static final String RUNNING = "Running";
    /** A build's status once test code made it succeed. */
    public static final String SUCCEEDED = "Succeeded";
    /** A build's status once test code made it fail (or its image could no longer be added). */
    public static final String FAILED = "Failed";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private ImageStore() {}

    /** The engine's image type. */
    public static ResourceSpec images() {
        return Catalogue.get().resource(IMAGE).orElseThrow();
    }

    /** The engine's image build type. */
    public static ResourceSpec builds() {
        return Catalogue.get().resource(IMAGE_BUILD).orElseThrow();
    }

    /** Whether an image is official: it belongs to no workspace. */
    public static boolean isOfficial(Resource image) {
        return image.workspaceId() == null;
    }

    /** The stored image with this id, whoever owns it. */
    public static Optional<Resource> image(FakeState fake, String imageId) {
        return fake.resources().list(images(), null, null, image -> image.id().equals(imageId)).stream()
                .findFirst();
    }

    /** Every official image, oldest first. */
    public static List<Resource> official(FakeState fake) {
        return fake.resources().list(images(), null, null, ImageStore::isOfficial);
    }

    /** The custom images of a workspace, oldest first. */
    public static List<Resource> imagesIn(FakeState fake, String workspaceId) {
        return fake.resources().list(images(), null, null, image -> workspaceId.equals(image.workspaceId()));
    }

    /** An image the caller may read: one of its account's, or an official one; the Image not-found otherwise. */
    static Resource readable(FakeState fake, Account caller, String imageId) {
        return fake.resources()
                .find(images(), caller.accountId(), null, imageId)
                .or(() -> image(fake, imageId).filter(ImageStore::isOfficial))
                .orElseThrow(() -> ApiException.of(images().notFound()));
    }

    /**
     * An image the caller may change: one of its account's custom images. An official image is refused with
     * {@code 403 Forbidden.OfficialImage}: the service's own images are not the caller's to change.
     */
    static Resource changeable(FakeState fake, Account caller, String imageId) {
        Resource image = readable(fake, caller, imageId);
        if (isOfficial(image)) {
            throw new ApiException(
                    403,
                    "Forbidden.OfficialImage",
                    "Image " + imageId + " is an official image; it cannot be changed.");
        }
        return image;
    }

    /**
     * The images a listing sees: the official ones, and with a workspace the caller's custom images in it, in
     * creation order.
     */
    static List<Resource> listed(FakeState fake, Account caller, String workspaceId) {
        return fake.resources()
                .list(
                        images(),
                        null,
                        null,
                        image -> isOfficial(image)
                                || (workspaceId != null
                                        && image.accountId().equals(caller.accountId())
                                        && workspaceId.equals(image.workspaceId())));
    }

    /** A new ImageId: {@code image-} and 18 lowercase letters or digits, the reference's form. */
    static String newImageId() {
        StringBuilder id = new StringBuilder("image-");
        for (int i = 0; i < 18; i++) {
            id.append(ID_CHARACTERS.charAt(RANDOM.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    /**
     * Stores an image under {@code imageId} (a new one when null): an id any image already has is refused with
     * {@code 409 ImageAlreadyExists}, a name taken in the workspace with the type's conflict error.
     */
    static Resource store(
            FakeState fake, String accountId, String workspaceId, Map<String, Object> fields, String imageId) {
        String id = imageId != null ? imageId : newImageId();
        while (image(fake, id).isPresent()) {
            if (imageId != null) {
                throw idTaken(id);
            }
            id = newImageId();
        }
        return fake.resources()
                .create(
                        images(),
                        Resources.Creation.in(accountId, workspaceId, fields).withId(id));
    }

    private static ApiException idTaken(String imageId) {
        return new ApiException(409, "ImageAlreadyExists", "An image with ImageId " + imageId + " already exists.");
    }

    /**
     * Adds an official image (no workspace) with these members; it carries {@code system.official=true} (added when
     * its labels lack the key) and is PUBLIC unless said otherwise.
     */
    public static Resource addOfficial(FakeState fake, String accountId, Map<String, Object> members, String imageId) {
        if (imageId != null) {
            // AddImage's rule for an ImageId the caller chooses, as the catalogue declares it
            Pattern form = Catalogue.get()
                    .operation(Operation.AddImage)
                    .parameter("ImageId")
                    .orElseThrow()
                    .constraints()
                    .pattern();
            if (!form.matcher(imageId).matches()) {
                throw ApiException.invalid(
                        "ImageId", "it must be image- followed by 18 letters or digits, got \"" + imageId + "\".");
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>(members);
        fields.put("Labels", Inputs.labels("Labels", Optional.of(Inputs.list(members, "Labels"))));
        fields.remove("WorkspaceId");
        fields.putIfAbsent("Accessibility", "PUBLIC");
        List<Map<String, Object>> labels = Inputs.list(fields, "Labels");
        if (!Labels.has(labels, OFFICIAL_LABEL)) {
            fields.put("Labels", Labels.merge(labels, List.of(Labels.of(OFFICIAL_LABEL, "true"))));
        }
        return store(fake, accountId, null, fields, imageId);
    }

    /** An image as GetImage and ListImages answer it; {@code verbose} adds its Labels. */
    static Map<String, Object> imageAnswer(Resource image, boolean verbose) {
        Map<String, Object> fields = image.fields();
        return Maps.ordered(
                "Accessibility", fields.get("Accessibility"),
                "Description", fields.get("Description"),
                "GmtCreateTime", fields.get("GmtCreateTime"),
                "GmtModifiedTime", fields.get("GmtModifiedTime"),
                "ImageId", image.id(),
                "ImageUri", fields.get("ImageUri"),
                "Labels", verbose ? Inputs.list(fields, "Labels") : null,
                "Name", fields.get("Name"),
                "ParentUserId", fields.get("ParentUserId"),
                "Size", fields.get("Size"),
                "SourceId", fields.get("SourceId"),
                "SourceType", fields.get("SourceType"),
                "UserId", fields.get("UserId"),
                "WorkspaceId", image.workspaceId());
    }

    /** An image's members for filters and sorting: its fields, and {@code NameAndDescription} for {@code Query}. */
    static Map<String, Object> listFields(Resource image) {
        Map<String, Object> fields = new LinkedHashMap<>(image.fields());
        fields.put(
                "NameAndDescription",
                image.text("Name").orElse("") + "\n" + image.text("Description").orElse(""));
        return fields;
    }

    // ---- image builds

    /** The stored image build with this id, whoever owns it. */
    public static Optional<Resource> build(FakeState fake, String imageBuildId) {
        return fake.resources().list(builds(), null, null, build -> build.id().equals(imageBuildId)).stream()
                .findFirst();
    }

    /** The id of the (DLC) job a build would run in: {@code dlc-} and the rest of the build's id. */
    public static String buildJobId(Resource build) {
        return "dlc-" + build.id().substring(build.id().indexOf('-') + 1);
    }

    /** Every stored image build, oldest first. */
    public static List<Resource> allBuilds(FakeState fake) {
        return fake.resources().list(builds(), null, null, build -> true);
    }

    /**
     * Ends a running build successfully: its image is added to the build's workspace as CreateImageBuild described it
     * ({@code SourceType} {@code Build}, {@code SourceId} the build's id) and the build is {@code Succeeded} with its
     * {@code ImageId}. A build that is not running is refused with {@link IllegalStateException}; when the image can
     * no longer be added (its name taken meanwhile), the build is {@code Failed} with the reason,
     * and the exception says why.
     */
    @SuppressWarnings("unchecked")
    public static Resource completeBuild(FakeState fake, String imageBuildId) {
        Resource build = requireRunning(fake, imageBuildId);
        Map<String, Object> image = (Map<String, Object>) build.field("Image");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", image.get("Name"));
        fields.put("ImageUri", image.get("Uri"));
        fields.put("Description", image.get("Description"));
        fields.put("Accessibility", build.text("Accessibility").orElse(ImageOperations.DEFAULT_ACCESSIBILITY));
        fields.put("Labels", Inputs.list(image, "Labels"));
        fields.put("SourceType", "Build");
        fields.put("SourceId", build.id());
        fields.put("UserId", build.field("UserId"));
        fields.put("ParentUserId", build.field("ParentUserId"));
        fields.put("WorkspaceId", build.workspaceId());
        Resource created;
        try {
            created = store(fake, build.accountId(), build.workspaceId(), fields, null);
        } catch (ApiException e) {
            end(fake, build, FAILED, null, e.getMessage());
            throw new IllegalStateException("Image build " + imageBuildId + " failed: " + e.getMessage(), e);
        }
        return end(fake, build, SUCCEEDED, created.id(), null);
    }

    /** Ends a running build as failed, with this message; refused with {@link IllegalStateException} when not running. */
    public static Resource failBuild(FakeState fake, String imageBuildId, String message) {
        return end(fake, requireRunning(fake, imageBuildId), FAILED, null, message);
    }

    private static Resource requireRunning(FakeState fake, String imageBuildId) {
        Resource build = build(fake, imageBuildId)
                .orElseThrow(
                        () -> new IllegalArgumentException("No image build with id " + imageBuildId + " is stored."));
        if (!RUNNING.equals(build.field("Status"))) {
            throw new IllegalStateException(
                    "Image build " + imageBuildId + " is " + build.field("Status") + ", not " + RUNNING + ".");
        }
        return build;
    }

    private static Resource end(FakeState fake, Resource build, String status, String imageId, String message) {
        return fake.resources().update(builds(), build.accountId(), null, build.id(), fields -> {
            fields.put("Status", status);
            if (imageId != null) {
                fields.put("ImageId", imageId);
            }
            if (message != null) {
                fields.put("Message", message);
            }
            return fields;
        });
    }
}
