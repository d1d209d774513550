package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.domain.resources.Labels;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.ListQuery;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The ImageLabel family: the labels of a custom image, and the labels of the images a lookup can see. */
final class ImageLabelOperations implements OperationFamily {

    @Override
    public String family() {
        return "ImageLabel";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.AddImageLabels, ImageLabelOperations::add);
        binder.serve(Operation.RemoveImageLabels, ImageLabelOperations::remove);
        binder.serve(Operation.ListImageLabels, ImageLabelOperations::list)
                .notHonouring(
                        "Region",
                        "the fake serves one region, its own; images are not looked up in another region's catalogue.");
    }

    /** AddImageLabels: sets the labels given on one of the caller's custom images (a key there takes the new value). */
    private static Answer add(Call call) {
        Resource image = ImageStore.changeable(call.fake(), call.caller(), call.path("ImageId"));
        List<Map<String, Object>> added = Inputs.labels("Labels", call.objects("Labels"));
        if (!added.isEmpty()) {
            call.fake().resources().update(ImageStore.images(), call.caller().accountId(), null, image.id(), fields -> {
                fields.put("Labels", Labels.merge(Inputs.list(fields, "Labels"), added));
                return fields;
            });
        }
        return Answer.empty();
    }

    /** RemoveImageLabels: removes the label of this key; a key the image lacks changes nothing. */
    private static Answer remove(Call call) {
        String key = call.path("LabelKey");
        Resource image = ImageStore.changeable(call.fake(), call.caller(), call.path("ImageId"));
        if (Labels.has(image.labels(), key)) {
            call.fake().resources().update(ImageStore.images(), call.caller().accountId(), null, image.id(), fields -> {
                fields.put("Labels", Labels.remove(Inputs.list(fields, "Labels"), Set.of(key)));
                return fields;
            });
        }
        return Answer.empty();
    }

    /**
     * ListImageLabels: the distinct labels ({@code Key}, {@code Value}) of the images a ListImages with the same
     * WorkspaceId would see, narrowed to one image ({@code ImageId}) and to the images whose labels match
     * {@code LabelFilter} (as ListImages' {@code Labels}), then to the keys {@code LabelKeys} names; sorted by key,
     * then value.
     */
    private static Answer list(Call call) {
        Optional<String> workspaceId = call.string("WorkspaceId").filter(id -> !id.isEmpty());
        workspaceId.ifPresent(id -> call.fake().workspaces().owned(call.caller(), id));
        Optional<String> imageId = call.string("ImageId").filter(id -> !id.isEmpty());
        Optional<String> filter = call.string("LabelFilter").filter(text -> !text.isBlank());
        Optional<Set<String>> keys = call.strings("LabelKeys").map(Set::copyOf);
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (Resource image : ImageStore.listed(call.fake(), call.caller(), workspaceId.orElse(null))) {
            if (imageId.isPresent() && !imageId.get().equals(image.id())) {
                continue;
            }
            if (filter.isPresent() && !ListQuery.hasAll(image.labels(), filter.get())) {
                continue;
            }
            for (Map<String, Object> label : image.labels()) {
                String key = String.valueOf(label.get("Key"));
                if (keys.isEmpty() || keys.get().contains(key)) {
                    pairs.add(List.of(key, String.valueOf(label.get("Value"))));
                }
            }
        }
        List<List<String>> sorted = new ArrayList<>(pairs);
        sorted.sort(
                Comparator.<List<String>, String>comparing(pair -> pair.get(0)).thenComparing(pair -> pair.get(1)));
        return Answer.empty()
                .put("TotalCount", sorted.size())
                .put(
                        "Labels",
                        sorted.stream()
                                .map(pair -> Maps.ordered("Key", pair.get(0), "Value", pair.get(1)))
                                .toList());
    }
}
