package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.SchemaRequiredMembersTest.example;
import static io.github.paiworkspacefake.contract.SchemaRequiredMembersTest.optionalMembers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The experiment, run and image schemas against examples assembled from the SDK models' field examples (the reference
 * has no whole-answer examples for these families): each validates, and removing a member breaks the schema unless it
 * is one of the exceptions docs/contract-suite.md lists.
 */
class TrackingSchemasTest {

    @Test
    void createAnswersRequireEveryMember() throws IOException {
        assertThat(optionalMembers(ResponseSchemas.CREATE_EXPERIMENT, example("create-experiment.json")))
                .isEmpty();
        assertThat(optionalMembers(ResponseSchemas.CREATE_RUN, example("create-run.json")))
                .isEmpty();
        assertThat(optionalMembers(ResponseSchemas.ADD_IMAGE, example("add-image.json")))
                .isEmpty();
        assertThat(optionalMembers(ResponseSchemas.PUBLISH_IMAGE, example("publish-image.json")))
                .isEmpty();
        assertThat(optionalMembers(ResponseSchemas.CREATE_IMAGE_BUILD, example("create-image-build.json")))
                .isEmpty();
    }

    @Test
    void anExperimentMayLackItsArtifactPathAndALatestRunOnlyComesWithVerbose() throws IOException {
        ObjectNode verbose = example("get-experiment-verbose.json");
        ObjectNode plain = verbose.deepCopy();
        plain.remove("LatestRun");

        assertThat(optionalMembers(ResponseSchemas.GET_EXPERIMENT_VERBOSE, verbose))
                .containsExactlyInAnyOrder(
                        "ArtifactUri", "LatestRun", "LatestRun/SourceId", "LatestRun/SourceType", "TensorboardLogUri");
        assertThat(optionalMembers(ResponseSchemas.GET_EXPERIMENT, plain))
                .containsExactlyInAnyOrder("ArtifactUri", "TensorboardLogUri");
        assertThat(ResponseSchemas.GET_EXPERIMENT.violations("GetExperiment", verbose.toString()))
                .as("LatestRun without Verbose")
                .isNotEmpty();
        assertThat(optionalMembers(ResponseSchemas.LIST_EXPERIMENT, example("list-experiment.json")))
                .containsExactlyInAnyOrder("NextPageToken", "Experiments/ArtifactUri", "Experiments/TensorboardLogUri");
    }

    @Test
    void aRunsDetailsComeWithVerboseOnly() throws IOException {
        ObjectNode verbose = example("get-run-verbose.json");
        ObjectNode plain = verbose.deepCopy();
        plain.remove(List.of("Labels", "Params", "Metrics"));

        assertThat(optionalMembers(ResponseSchemas.GET_RUN_VERBOSE, verbose))
                .containsExactlyInAnyOrder("SourceId", "SourceType");
        assertThat(optionalMembers(ResponseSchemas.GET_RUN, plain)).containsExactlyInAnyOrder("SourceId", "SourceType");
        assertThat(ResponseSchemas.GET_RUN.violations("GetRun", verbose.toString()))
                .as("details without Verbose")
                .isNotEmpty();
        assertThat(optionalMembers(ResponseSchemas.LIST_RUNS, example("list-runs.json")))
                .containsExactlyInAnyOrder("NextPageToken", "TotalCount", "Runs/SourceId", "Runs/SourceType");
        assertThat(optionalMembers(ResponseSchemas.LIST_RUN_METRICS, example("list-run-metrics.json")))
                .isEmpty();
    }

    @Test
    void lowerCamelRequestIdsAreRequiredWhereTheModelsSpellThem() throws IOException {
        ObjectNode list = example("list-experiment.json");
        list.set("RequestId", list.remove("requestId"));
        ObjectNode run = example("create-run.json");
        run.set("RequestId", run.remove("requestId"));

        assertThat(ResponseSchemas.LIST_EXPERIMENT.violations("ListExperiment", list.toString()))
                .isNotEmpty();
        assertThat(ResponseSchemas.CREATE_RUN.violations("CreateRun", run.toString()))
                .isNotEmpty();
    }

    @Test
    void anImageMayLackWhatOfficialImagesLackAndItsLabelsComeWithVerboseOnly() throws IOException {
        ObjectNode verbose = example("get-image-verbose.json");
        ObjectNode plain = verbose.deepCopy();
        plain.remove("Labels");

        List<String> optional =
                List.of("Description", "ParentUserId", "Size", "SourceId", "SourceType", "UserId", "WorkspaceId");
        assertThat(optionalMembers(ResponseSchemas.GET_IMAGE_VERBOSE, verbose))
                .containsExactlyInAnyOrderElementsOf(optional);
        assertThat(optionalMembers(ResponseSchemas.GET_IMAGE, plain)).containsExactlyInAnyOrderElementsOf(optional);
        assertThat(ResponseSchemas.GET_IMAGE.violations("GetImage", verbose.toString()))
                .as("Labels without Verbose")
                .isNotEmpty();
        assertThat(optionalMembers(ResponseSchemas.LIST_IMAGES_VERBOSE, example("list-images-verbose.json")))
                .containsExactlyInAnyOrderElementsOf(
                        optional.stream().map(member -> "Images/" + member).toList());
        ObjectNode listedPlain = example("list-images-verbose.json");
        ((ObjectNode) ((ArrayNode) listedPlain.get("Images")).get(0)).remove("Labels");
        assertThat(ResponseSchemas.LIST_IMAGES.violations("ListImages", listedPlain.toString()))
                .isEmpty();
        assertThat(optionalMembers(ResponseSchemas.LIST_IMAGE_LABELS, example("list-image-labels.json")))
                .isEmpty();
    }
}
