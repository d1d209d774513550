package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertClientError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Experiments (CreateExperiment, GetExperiment, ListExperiment, UpdateExperiment, DeleteExperiment and their labels),
 * each check in a workspace it creates (so only with {@code --allow-create}); every experiment a check creates is
 * deleted when it ends, since deleting a workspace does not release what it holds.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@Tag(CreatingContractChecks.TAG)
@DisplayName("experiments")
@Order(7)
public class ExperimentContractChecks {

    /** The code Terraform's provider maps to "gone" for GetExperiment; it retries NotFoundErrorProblem instead. */
    static final String TERRAFORM_GONE = "InternalServerErrorProblem";

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final ContractRun run;
    private final TrackingRequests api;
    private final String check;
    private final Leftovers leftovers = new Leftovers();

    ExperimentContractChecks(ContractRun run, TestInfo info) {
        this.run = run;
        this.api = new TrackingRequests(run.api());
        this.check = "experiments > " + info.getDisplayName();
    }

    @AfterEach
    void deleteWhatTheCheckCreated() {
        leftovers.deleteAll();
    }

    private String workspace() {
        return RunWorkspaces.create(run, check, "experiments");
    }

    /** CreateExperiment, which must succeed with a valid answer; the experiment is deleted when the check ends. */
    String create(String json) {
        ApiResponse created = api.createExperiment(json);
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        ResponseSchemas.CREATE_EXPERIMENT.assertValid(created);
        String id = created.json().get("ExperimentId").asText();
        leftovers.add("experiment " + id, () -> api.deleteExperiment(id));
        return id;
    }

    private String create(String name, String workspaceId) {
        return create("{\"Name\":\"" + name + "\",\"WorkspaceId\":\"" + workspaceId + "\"}");
    }

    private JsonNode read(String id, boolean verbose) {
        ApiResponse got = api.getExperiment(id, verbose);
        assertThat(got.status()).as("%s", got).isEqualTo(200);
        (verbose ? ResponseSchemas.GET_EXPERIMENT_VERBOSE : ResponseSchemas.GET_EXPERIMENT).assertValid(got);
        return got.json();
    }

    private static JsonNode list(ApiResponse answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        ResponseSchemas.LIST_EXPERIMENT.assertValid(answer);
        return answer.json();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("Experiments").forEach(item -> ids.add(item.get("ExperimentId").asText()));
        return ids;
    }

    /** A not-found answer a client can act on at once: HTTP 404, or Terraform's gone code; never a retried one. */
    static void assertExperimentGone(ApiResponse answer) {
        assertClientError(answer);
        assertThat(answer.status() == 404 || answer.json().path("Code").asText().equals(TERRAFORM_GONE))
                .as("%s: HTTP 404 or Code %s", answer, TERRAFORM_GONE)
                .isTrue();
        assertThat(answer.json().path("Code").asText())
                .as("%s: Code (Terraform retries NotFoundErrorProblem for a minute)", answer)
                .isNotEqualTo("NotFoundErrorProblem");
    }

    @Test
    @DisplayName(
            "CreateExperiment then GetExperiment, with and without Verbose, and ListExperiment answer what was stored:"
                    + " Name, WorkspaceId, Accessibility, ArtifactUri, labels, times near now; a second experiment"
                    + " of the same name in the workspace is refused with a 4xx")
    void createThenRead() {
        String workspaceId = workspace();
        String name = run.names().next();
        String artifactUri = "oss://pfct-contract/" + run.names().runId() + "/";

        String id = create(
                "{\"Name\":\"" + name + "\",\"WorkspaceId\":\"" + workspaceId + "\",\"ArtifactUri\":\"" + artifactUri
                        + "\",\"Accessibility\":\"PRIVATE\",\"Labels\":[{\"Key\":\"pfct\",\"Value\":\"contract\"}]}");

        for (JsonNode experiment : List.of(read(id, false), read(id, true))) {
            assertThat(experiment.get("ExperimentId").asText())
                    .as("ExperimentId")
                    .isEqualTo(id);
            assertThat(experiment.get("Name").asText()).as("Name").isEqualTo(name);
            assertThat(experiment.get("WorkspaceId").asText()).as("WorkspaceId").isEqualTo(workspaceId);
            assertThat(experiment.get("Accessibility").asText())
                    .as("Accessibility")
                    .isEqualTo("PRIVATE");
            assertThat(experiment.get("ArtifactUri").asText()).as("ArtifactUri").isEqualTo(artifactUri);
            assertThat(experiment.has("LatestRun"))
                    .as("LatestRun of an experiment without runs")
                    .isFalse();
            assertThat(experiment.get("Labels")).as("Labels").singleElement().satisfies(label -> {
                assertThat(label.get("Key").asText()).isEqualTo("pfct");
                assertThat(label.get("Value").asText()).isEqualTo("contract");
            });
            Instant created = Instant.parse(experiment.get("GmtCreateTime").asText());
            assertThat(created)
                    .as("GmtCreateTime")
                    .isBetween(Instant.now().minus(CLOCK_SKEW), Instant.now().plus(CLOCK_SKEW));
        }
        JsonNode listed = list(api.listExperiment("WorkspaceId", workspaceId));
        assertThat(ids(listed)).as("ListExperiment of the workspace").containsExactly(id);
        assertThat(listed.get("Experiments").get(0).get("Name").asText()).isEqualTo(name);
        ApiResponse duplicate =
                api.createExperiment("{\"Name\":\"" + name + "\",\"WorkspaceId\":\"" + workspaceId + "\"}");
        if (duplicate.status() == 200) {
            String extra = duplicate.json().path("ExperimentId").asText();
            leftovers.add("experiment " + extra, () -> api.deleteExperiment(extra));
        }
        assertClientError(duplicate);
    }

    @Test
    @DisplayName(
            "ListExperiment pages both ways: PageNumber/PageSize with the full TotalCount and an empty page past the"
                    + " end; MaxResults/PageToken with NextPageToken, 0 on the last page; Order=ASC in creation order")
    void listPagesBothWays() {
        String workspaceId = workspace();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(create(run.names().next(), workspaceId));
            RunWorkspaces.pause();
        }

        JsonNode first = list(api.listExperiment(
                "WorkspaceId",
                workspaceId,
                "PageNumber",
                "1",
                "PageSize",
                "2",
                "Order",
                "ASC",
                "SortBy",
                "GmtCreateTime"));
        JsonNode second = list(api.listExperiment(
                "WorkspaceId",
                workspaceId,
                "PageNumber",
                "2",
                "PageSize",
                "2",
                "Order",
                "ASC",
                "SortBy",
                "GmtCreateTime"));
        JsonNode past = list(api.listExperiment("WorkspaceId", workspaceId, "PageNumber", "3", "PageSize", "2"));
        JsonNode byToken = list(api.listExperiment(
                "WorkspaceId", workspaceId, "MaxResults", "2", "Order", "ASC", "SortBy", "GmtCreateTime"));

        assertThat(ids(first)).as("page 1 of 2").containsExactlyElementsOf(created.subList(0, 2));
        assertThat(ids(second)).as("page 2 of 2").containsExactlyElementsOf(created.subList(2, 3));
        assertThat(ids(past)).as("the page past the end").isEmpty();
        for (JsonNode page : List.of(first, second, past, byToken)) {
            assertThat(page.get("TotalCount").asLong())
                    .as("TotalCount of every page")
                    .isEqualTo(3);
        }
        assertThat(ids(byToken)).as("MaxResults=2").containsExactlyElementsOf(created.subList(0, 2));
        assertThat(byToken.path("NextPageToken").asLong())
                .as("NextPageToken after the first page")
                .isPositive();
        JsonNode last = list(api.listExperiment(
                "WorkspaceId",
                workspaceId,
                "MaxResults",
                "2",
                "PageToken",
                byToken.get("NextPageToken").asText(),
                "Order",
                "ASC",
                "SortBy",
                "GmtCreateTime"));
        assertThat(ids(last)).as("the page of PageToken").containsExactlyElementsOf(created.subList(2, 3));
        assertThat(last.has("NextPageToken"))
                .as("NextPageToken on the last page")
                .isTrue();
        assertThat(last.get("NextPageToken").asLong())
                .as("NextPageToken on the last page")
                .isZero();
    }

    @Test
    @DisplayName("UpdateExperiment then GetExperiment: Name and Accessibility changed, GmtModifiedTime advanced;"
            + " SetExperimentLabels and DeleteExperimentLabel change the labels")
    void updateAndLabels() {
        String workspaceId = workspace();
        String id = create(run.names().next(), workspaceId);
        JsonNode before = read(id, false);
        RunWorkspaces.pause();
        String renamed = run.names().next();

        ApiResponse updated = api.updateExperiment(
                id, "{\"ExperimentId\":\"" + id + "\",\"Name\":\"" + renamed + "\",\"Accessibility\":\"PUBLIC\"}");
        ApiResponse labelled = api.setExperimentLabels(
                id, "{\"Labels\":[{\"Key\":\"pfct_a\",\"Value\":\"1\"},{\"Key\":\"pfct_b\",\"Value\":\"2\"}]}");
        ApiResponse unlabelled = api.deleteExperimentLabel(id, "pfct_a");

        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        ResponseSchemas.UPDATE_EXPERIMENT.assertValid(updated);
        assertThat(labelled.status()).as("%s", labelled).isEqualTo(200);
        ResponseSchemas.SET_EXPERIMENT_LABELS.assertValid(labelled);
        assertThat(unlabelled.status()).as("%s", unlabelled).isEqualTo(200);
        ResponseSchemas.DELETE_EXPERIMENT_LABEL.assertValid(unlabelled);
        JsonNode after = read(id, false);
        assertThat(after.get("Name").asText()).as("Name after UpdateExperiment").isEqualTo(renamed);
        assertThat(after.get("Accessibility").asText())
                .as("Accessibility after UpdateExperiment")
                .isEqualTo("PUBLIC");
        assertThat(Instant.parse(after.get("GmtModifiedTime").asText()))
                .as("GmtModifiedTime after the changes")
                .isAfter(Instant.parse(before.get("GmtModifiedTime").asText()));
        List<String> keys = new ArrayList<>();
        after.get("Labels").forEach(label -> keys.add(label.get("Key").asText()));
        assertThat(keys)
                .as("label keys after SetExperimentLabels and DeleteExperimentLabel")
                .containsExactly("pfct_b");
    }

    @Test
    @DisplayName("DeleteExperiment then GetExperiment: not found at once (HTTP 404 or InternalServerErrorProblem, never"
            + " the NotFoundErrorProblem Terraform retries), not listed; deleting again is refused alike")
    void deleteThenRead() {
        String workspaceId = workspace();
        String id = create(run.names().next(), workspaceId);

        ApiResponse deleted = api.deleteExperiment(id);

        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        ResponseSchemas.DELETE_EXPERIMENT.assertValid(deleted);
        leftovers.forget("experiment " + id);
        assertExperimentGone(api.getExperiment(id, null));
        assertThat(ids(list(api.listExperiment("WorkspaceId", workspaceId))))
                .as("listed after deletion")
                .isEmpty();
        assertExperimentGone(api.deleteExperiment(id));
    }
}
