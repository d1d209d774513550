package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Image family: a workspace's custom images (names unique in it), the official images every account reads,
 * publishing, and image builds, which build nothing and wait for test code to end them.
 */
final class ImageOperations implements OperationFamily {

    /** The visibility of an image added or built without one (our decision; the reference gives no default). */
    static final String DEFAULT_ACCESSIBILITY = "PRIVATE";

    @Override
    public String family() {
        return "Image";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.AddImage, ImageOperations::add);
        binder.serve(Operation.GetImage, ImageOperations::get);
        binder.serve(Operation.ListImages, ImageOperations::list);
        binder.serve(Operation.RemoveImage, ImageOperations::remove);
        binder.serve(Operation.PublishImage, ImageOperations::publish);
        binder.serve(Operation.CreateImageBuild, ImageOperations::createBuild);
    }

    /**
     * AddImage: a custom image of the workspace named (the caller's default one when none is), with the id given or a
     * new one; its creator is the caller, or the user of the caller's account that {@code UserId} names.
     */
    private static Answer add(Call call) {
        Account caller = call.caller();
        Workspace workspace = Inputs.workspace(call.fake(), caller, call.string("WorkspaceId"));
        String userId = call.string("UserId")
                .filter(id -> !id.isEmpty())
                .map(id -> call.fake()
                        .users()
                        .find(caller, id)
                        .orElseThrow(() -> ApiException.invalid(
                                "UserId", "it must be a user of the caller's account, got \"" + id + "\"."))
                        .userId())
                .orElse(caller.accountId());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", call.requiredString("Name"));
        fields.put("ImageUri", call.requiredString("ImageUri"));
        call.string("Description").ifPresent(value -> fields.put("Description", value));
        fields.put(
                "Accessibility",
                call.string("Accessibility").filter(value -> !value.isEmpty()).orElse(DEFAULT_ACCESSIBILITY));
        fields.put("Labels", Inputs.labels("Labels", call.objects("Labels")));
        call.number("Size").ifPresent(size -> fields.put("Size", size));
        call.string("SourceType").filter(value -> !value.isEmpty()).ifPresent(value -> fields.put("SourceType", value));
        call.string("SourceId").filter(value -> !value.isEmpty()).ifPresent(value -> fields.put("SourceId", value));
        fields.put("UserId", userId);
        fields.put("ParentUserId", caller.accountId());
        fields.put("WorkspaceId", workspace.workspaceId());
        Resource created = ImageStore.store(
                call.fake(),
                caller.accountId(),
                workspace.workspaceId(),
                fields,
                call.string("ImageId").filter(id -> !id.isEmpty()).orElse(null));
        return Answer.empty().put("ImageId", created.id());
    }

    /**
     * GetImage: one of the caller's images or an official one; Verbose adds its Labels. Its model has no
     * {@code ImageId} (the caller named it).
     */
    private static Answer get(Call call) {
        Map<String, Object> image = ImageStore.imageAnswer(
                ImageStore.readable(call.fake(), call.caller(), call.path("ImageId")), call.isTrue("Verbose"));
        image.remove("ImageId");
        return Answer.of(image);
    }

    /**
     * ListImages: without a WorkspaceId the official images; with one (the caller's), its custom images too. Filtered
     * by Labels ({@code k=v,k2=v2}, all must match, a value {@code *} matches any), Name (a part, in any case),
     * Accessibility, ImageUri and Query (a part of the name or description), sorted and paged as the catalogue
     * declares; Verbose adds each one's Labels.
     */
    private static Answer list(Call call) {
        Optional<String> workspaceId = call.string("WorkspaceId").filter(id -> !id.isEmpty());
        workspaceId.ifPresent(id -> call.fake().workspaces().owned(call.caller(), id));
        List<Resource> candidates = ImageStore.listed(call.fake(), call.caller(), workspaceId.orElse(null));
        boolean verbose = call.isTrue("Verbose");
        return ListQuery.answer(
                call, candidates, ImageStore::listFields, image -> ImageStore.imageAnswer(image, verbose));
    }

    /** RemoveImage: one of the caller's custom images. */
    private static Answer remove(Call call) {
        Resource image = ImageStore.changeable(call.fake(), call.caller(), call.path("ImageId"));
        call.fake().resources().remove(ImageStore.images(), call.caller().accountId(), null, image.id());
        return Answer.empty();
    }

    /** PublishImage: a PRIVATE image becomes PUBLIC; a PUBLIC one stays so. */
    private static Answer publish(Call call) {
        Resource image = ImageStore.changeable(call.fake(), call.caller(), call.path("ImageId"));
        if (!"PUBLIC".equals(image.field("Accessibility"))) {
            call.fake().resources().update(ImageStore.images(), call.caller().accountId(), null, image.id(), fields -> {
                fields.put("Accessibility", "PUBLIC");
                return fields;
            });
        }
        return Answer.empty().put("ImageId", image.id());
    }

    /**
     * CreateImageBuild: records the build as asked and answers its ids; nothing is built. The build is
     * {@code Running} until test code ends it ({@code fake.images().completeBuild(id)} adds the image to the
     * workspace, {@code failBuild} does not). The image's name must be free in the workspace when asked; a repeated
     * {@code ClientToken} of the caller answers the build it made before.
     */
    @SuppressWarnings("unchecked")
    private static Answer createBuild(Call call) {
        Account caller = call.caller();
        Workspace workspace = call.fake().workspaces().owned(caller, call.requiredString("WorkspaceId"));
        Optional<String> clientToken = call.string("ClientToken").filter(token -> !token.isEmpty());
        if (clientToken.isPresent()) {
            Optional<Resource> earlier = call
                    .fake()
                    .resources()
                    .list(
                            ImageStore.builds(),
                            caller.accountId(),
                            null,
                            build -> clientToken.get().equals(build.field("ClientToken")))
                    .stream()
                    .findFirst();
            if (earlier.isPresent()) {
                return buildAnswer(earlier.get());
            }
        }
        Map<String, Object> image = new LinkedHashMap<>(call.object("Image").orElseThrow());
        image.put("Labels", Inputs.labels("Image.Labels", Optional.ofNullable((List<Map<String, Object>>)
                image.get("Labels"))));
        Object name = image.get("Name");
        boolean taken = ImageStore.imagesIn(call.fake(), workspace.workspaceId()).stream()
                .anyMatch(existing -> name.equals(existing.field("Name")));
        if (taken) {
            throw ApiException.of(ImageStore.images().conflict());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("WorkspaceId", workspace.workspaceId());
        fields.put("Status", ImageStore.RUNNING);
        fields.put("Image", image);
        fields.put(
                "Accessibility",
                call.string("Accessibility").filter(value -> !value.isEmpty()).orElse(DEFAULT_ACCESSIBILITY));
        for (String member : List.of(
                "BuildConfig",
                "ImageBuildJobName",
                "OverwriteImageTag",
                "RegionId",
                "Resource",
                "TargetRegistry",
                "UserVpc",
                "ClientToken")) {
            call.value(member).ifPresent(value -> fields.put(member, value));
        }
        fields.put("UserId", caller.accountId());
        fields.put("ParentUserId", caller.accountId());
        Resource build = call.fake()
                .resources()
                .create(
                        ImageStore.builds(),
                        Resources.Creation.in(caller.accountId(), workspace.workspaceId(), fields));
        return buildAnswer(build);
    }

    private static Answer buildAnswer(Resource build) {
        return Answer.empty().put("ImageBuildId", build.id()).put("ImageBuildJobId", ImageStore.buildJobId(build));
    }
}
