package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertClientError;
import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Images and their labels. The official images (ListImages and ListImageLabels without a WorkspaceId) are read on any
 * account; the checks that add images do so in a workspace they create (only with {@code --allow-create}) and remove
 * them when they end. CreateImageBuild is only sent invalid, since a valid one would start a real build.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@DisplayName("images")
@Order(7)
public class ImageContractChecks {

    /** The label every official image carries (the reference). */
    static final String OFFICIAL = "system.official";

    private final ContractRun run;
    private final TrackingRequests api;
    private final String check;
    private final Leftovers leftovers = new Leftovers();

    ImageContractChecks(ContractRun run, TestInfo info) {
        this.run = run;
        this.api = new TrackingRequests(run.api());
        this.check = "images > " + info.getDisplayName();
    }

    @AfterEach
    void removeWhatTheCheckAdded() {
        leftovers.deleteAll();
    }

    /** An image name of this run: lowercase letters, digits and hyphens, starting with a letter. */
    private String name() {
        return run.names().next().replace('_', '-');
    }

    /** AddImage, which must succeed with a valid answer; the image is removed when the check ends. */
    private String add(String workspaceId, String name, String extra) {
        ApiResponse added =
                api.addImage("{\"Name\":\"" + name + "\",\"ImageUri\":\"registry.cn-hangzhou.aliyuncs.com/pfct/" + name
                        + ":v1\",\"WorkspaceId\":\"" + workspaceId + "\"" + extra + "}");
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        ResponseSchemas.ADD_IMAGE.assertValid(added);
        String id = added.json().get("ImageId").asText();
        leftovers.add("image " + id, () -> api.removeImage(id));
        return id;
    }

    private static String labels(String... keysAndValues) {
        StringBuilder json = new StringBuilder(",\"Labels\":[");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"Key\":\"")
                    .append(keysAndValues[i])
                    .append("\",\"Value\":\"")
                    .append(keysAndValues[i + 1])
                    .append("\"}");
        }
        return json.append(']').toString();
    }

    private static JsonNode verboseList(ApiResponse answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        ResponseSchemas.LIST_IMAGES_VERBOSE.assertValid(answer);
        return answer.json();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("Images").forEach(item -> ids.add(item.get("ImageId").asText()));
        return ids;
    }

    private static Map<String, String> pairs(JsonNode array) {
        Map<String, String> pairs = new LinkedHashMap<>();
        array.forEach(
                pair -> pairs.put(pair.get("Key").asText(), pair.get("Value").asText()));
        return pairs;
    }

    @Test
    @DisplayName(
            "ListImages without a WorkspaceId lists official images: with Verbose each carries system.official=true,"
                    + " and the wildcard filter system.official=* lists the same ones; without Verbose no Labels;"
                    + " ListImageLabels with LabelKeys=system.official answers only that key")
    void officialImages() {
        JsonNode official = verboseList(api.listImages("Verbose", "true", "PageSize", "100"));
        ApiResponse plain = api.listImages("PageSize", "100");
        JsonNode wildcard =
                verboseList(api.listImages("Verbose", "true", "PageSize", "100", "Labels", OFFICIAL + "=*"));
        ApiResponse keys = api.listImageLabels("LabelKeys", OFFICIAL);

        official.get("Images")
                .forEach(image -> assertThat(pairs(image.get("Labels")))
                        .as("labels of official image %s", image.get("ImageId"))
                        .containsEntry(OFFICIAL, "true"));
        assertThat(wildcard.get("TotalCount").asLong())
                .as("TotalCount with Labels=system.official=*")
                .isEqualTo(official.get("TotalCount").asLong());
        assertThat(plain.status()).as("%s", plain).isEqualTo(200);
        ResponseSchemas.LIST_IMAGES.assertValid(plain);
        assertThat(keys.status()).as("%s", keys).isEqualTo(200);
        ResponseSchemas.LIST_IMAGE_LABELS.assertValid(keys);
        keys.json()
                .get("Labels")
                .forEach(label -> assertThat(label.get("Key").asText())
                        .as("a label of LabelKeys=system.official")
                        .isEqualTo(OFFICIAL));
    }

    @Test
    @DisplayName("CreateImageBuild without a BuildConfig is refused with a 4xx in the error format (nothing is built)")
    void createImageBuildRefusesAnIncompleteRequest() {
        ApiResponse refused = api.createImageBuild("{\"WorkspaceId\":\"" + ReadOnlyContractChecks.unknownId()
                + "\",\"Image\":{\"Name\":\"pfct-never\",\"Uri\":\"r/pfct-never:1\"},\"Resource\":{},"
                + "\"TargetRegistry\":{\"Type\":\"AcrEnterprise\"}}");

        assertClientError(refused);
    }

    @Test
    @Tag(CreatingContractChecks.TAG)
    @DisplayName(
            "AddImage then GetImage (with and without Verbose) and ListImages answer what was stored; the custom image"
                    + " is listed with its WorkspaceId, not without one")
    void addThenRead() {
        String workspaceId = RunWorkspaces.create(run, check, "images");
        String name = name();

        String id = add(
                workspaceId,
                name,
                ",\"Description\":\"pfct contract\",\"Accessibility\":\"PRIVATE\""
                        + labels("pfct.a", "1", "pfct.b", "2"));

        ApiResponse plain = api.getImage(id, false);
        ApiResponse verbose = api.getImage(id, true);
        assertThat(plain.status()).as("%s", plain).isEqualTo(200);
        ResponseSchemas.GET_IMAGE.assertValid(plain);
        assertThat(verbose.status()).as("%s", verbose).isEqualTo(200);
        ResponseSchemas.GET_IMAGE_VERBOSE.assertValid(verbose);
        JsonNode image = verbose.json();
        assertThat(image.get("Name").asText()).as("Name").isEqualTo(name);
        assertThat(image.get("ImageUri").asText())
                .as("ImageUri")
                .isEqualTo("registry.cn-hangzhou.aliyuncs.com/pfct/" + name + ":v1");
        assertThat(image.get("Description").asText()).as("Description").isEqualTo("pfct contract");
        assertThat(image.get("Accessibility").asText()).as("Accessibility").isEqualTo("PRIVATE");
        assertThat(image.get("WorkspaceId").asText()).as("WorkspaceId").isEqualTo(workspaceId);
        assertThat(pairs(image.get("Labels")))
                .as("Labels")
                .containsEntry("pfct.a", "1")
                .containsEntry("pfct.b", "2");
        JsonNode listed = verboseList(api.listImages("WorkspaceId", workspaceId, "Verbose", "true", "Name", name));
        assertThat(ids(listed)).as("ListImages of the workspace by Name").containsExactly(id);
        JsonNode official = verboseList(api.listImages("Verbose", "true", "Name", name));
        assertThat(ids(official)).as("ListImages without a WorkspaceId").doesNotContain(id);
    }

    @Test
    @Tag(CreatingContractChecks.TAG)
    @DisplayName("ListImages Labels filters need every key=value pair and a value * matches any value; ListImageLabels"
            + " answers the values of LabelKeys among the images LabelFilter selects; PageSize pages with the"
            + " full TotalCount and an empty page past the end")
    void labelFiltersWithWildcards() {
        String workspaceId = RunWorkspaces.create(run, check, "image labels");
        String runLabel = "pfct.run=" + run.names().runId();
        String first = add(workspaceId, name(), labels("pfct.run", run.names().runId(), "pfct.k", "1"));
        String second = add(workspaceId, name(), labels("pfct.run", run.names().runId(), "pfct.k", "2"));
        String third = add(workspaceId, name(), labels("pfct.run", run.names().runId()));
        String[] base = {"WorkspaceId", workspaceId, "Verbose", "true", "Order", "ASC", "SortBy", "GmtCreateTime"};

        JsonNode all = verboseList(api.listImages(with(base, "Labels", runLabel)));
        JsonNode anyK = verboseList(api.listImages(with(base, "Labels", runLabel + ",pfct.k=*")));
        JsonNode kOne = verboseList(api.listImages(with(base, "Labels", runLabel + ",pfct.k=1")));
        JsonNode missing = verboseList(api.listImages(with(base, "Labels", runLabel + ",pfct.k=1,pfct.none=*")));
        JsonNode page1 =
                verboseList(api.listImages(with(base, "Labels", runLabel, "PageSize", "2", "PageNumber", "1")));
        JsonNode page2 =
                verboseList(api.listImages(with(base, "Labels", runLabel, "PageSize", "2", "PageNumber", "2")));
        JsonNode past = verboseList(api.listImages(with(base, "Labels", runLabel, "PageSize", "2", "PageNumber", "3")));
        ApiResponse values = api.listImageLabels(
                "WorkspaceId", workspaceId, "LabelKeys", "pfct.k", "LabelFilter", runLabel + ",pfct.k=*");

        assertThat(ids(all)).as("Labels=%s", runLabel).containsExactly(first, second, third);
        assertThat(ids(anyK)).as("a value * matches any value of the key").containsExactly(first, second);
        assertThat(ids(kOne)).as("every pair must match").containsExactly(first);
        assertThat(ids(missing)).as("a key no image has matches nothing").isEmpty();
        assertThat(missing.get("TotalCount").asLong())
                .as("TotalCount when nothing matches")
                .isZero();
        assertThat(ids(page1)).as("PageSize=2, page 1").containsExactly(first, second);
        assertThat(ids(page2)).as("PageSize=2, page 2").containsExactly(third);
        assertThat(ids(past)).as("the page past the end").isEmpty();
        for (JsonNode page : List.of(page1, page2, past)) {
            assertThat(page.get("TotalCount").asLong())
                    .as("TotalCount of every page")
                    .isEqualTo(3);
        }
        assertThat(values.status()).as("%s", values).isEqualTo(200);
        ResponseSchemas.LIST_IMAGE_LABELS.assertValid(values);
        List<String> found = new ArrayList<>();
        values.json().get("Labels").forEach(label -> {
            assertThat(label.get("Key").asText())
                    .as("Key of a label of LabelKeys=pfct.k")
                    .isEqualTo("pfct.k");
            found.add(label.get("Value").asText());
        });
        assertThat(found).as("the values of pfct.k").containsExactlyInAnyOrder("1", "2");
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    @Tag(CreatingContractChecks.TAG)
    @DisplayName(
            "PublishImage turns a PRIVATE image PUBLIC; AddImageLabels and RemoveImageLabels change the labels GetImage"
                    + " shows with Verbose; RemoveImage then GetImage is 404 and the image is no longer listed")
    void publishLabelAndRemove() {
        String workspaceId = RunWorkspaces.create(run, check, "image changes");
        String id = add(workspaceId, name(), ",\"Accessibility\":\"PRIVATE\"" + labels("pfct.a", "1"));

        ApiResponse published = api.publishImage(id);
        ApiResponse added = api.addImageLabels(id, "{\"Labels\":[{\"Key\":\"pfct.b\",\"Value\":\"2\"}]}");
        ApiResponse removedLabel = api.removeImageLabels(id, "pfct.a");

        assertThat(published.status()).as("%s", published).isEqualTo(200);
        ResponseSchemas.PUBLISH_IMAGE.assertValid(published);
        assertThat(published.json().get("ImageId").asText())
                .as("PublishImage's ImageId")
                .isEqualTo(id);
        assertThat(added.status()).as("%s", added).isEqualTo(200);
        ResponseSchemas.ADD_IMAGE_LABELS.assertValid(added);
        assertThat(removedLabel.status()).as("%s", removedLabel).isEqualTo(200);
        ResponseSchemas.REMOVE_IMAGE_LABELS.assertValid(removedLabel);
        JsonNode image = api.getImage(id, true).json();
        assertThat(image.get("Accessibility").asText())
                .as("Accessibility after PublishImage")
                .isEqualTo("PUBLIC");
        assertThat(pairs(image.get("Labels")))
                .as("Labels after the label changes")
                .containsOnlyKeys("pfct.b");

        ApiResponse removed = api.removeImage(id);
        assertThat(removed.status()).as("%s", removed).isEqualTo(200);
        ResponseSchemas.REMOVE_IMAGE.assertValid(removed);
        leftovers.forget("image " + id);
        assertRefused(api.getImage(id, null), 404);
        assertThat(ids(verboseList(api.listImages("WorkspaceId", workspaceId, "Verbose", "true"))))
                .as("listed after RemoveImage")
                .doesNotContain(id);
    }
}
