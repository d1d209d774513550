package io.github.paiworkspacefake.contract;

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
 * Runs and their metrics (CreateRun, GetRun, ListRuns, UpdateRun, DeleteRun, DeleteRunLabel, LogRunMetrics,
 * ListRunMetrics), each check in an experiment of a workspace it creates (so only with {@code --allow-create}); what a
 * check creates is deleted when it ends.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@Tag(CreatingContractChecks.TAG)
@DisplayName("runs")
@Order(7)
public class RunContractChecks {

    private final ContractRun run;
    private final TrackingRequests api;
    private final String check;
    private final Leftovers leftovers = new Leftovers();

    RunContractChecks(ContractRun run, TestInfo info) {
        this.run = run;
        this.api = new TrackingRequests(run.api());
        this.check = "runs > " + info.getDisplayName();
    }

    @AfterEach
    void deleteWhatTheCheckCreated() {
        leftovers.deleteAll();
    }

    /** A new experiment in a new workspace of the run; deleted when the check ends. */
    private String experiment() {
        String workspaceId = RunWorkspaces.create(run, check, "runs");
        ApiResponse created = api.createExperiment(
                "{\"Name\":\"" + run.names().next() + "\",\"WorkspaceId\":\"" + workspaceId + "\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        String id = created.json().get("ExperimentId").asText();
        leftovers.add("experiment " + id, () -> api.deleteExperiment(id));
        return id;
    }

    /** CreateRun, which must succeed with a valid answer; the run is deleted when the check ends. */
    private String createRun(String json) {
        ApiResponse created = api.createRun(json);
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        ResponseSchemas.CREATE_RUN.assertValid(created);
        String id = created.json().get("RunId").asText();
        leftovers.add("run " + id, () -> api.deleteRun(id));
        RunWorkspaces.pause();
        return id;
    }

    private JsonNode read(String runId, boolean verbose) {
        ApiResponse got = api.getRun(runId, verbose);
        assertThat(got.status()).as("%s", got).isEqualTo(200);
        (verbose ? ResponseSchemas.GET_RUN_VERBOSE : ResponseSchemas.GET_RUN).assertValid(got);
        return got.json();
    }

    private static JsonNode listed(ApiResponse answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        ResponseSchemas.LIST_RUNS.assertValid(answer);
        return answer.json();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("Runs").forEach(item -> ids.add(item.get("RunId").asText()));
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
            "CreateRun then GetRun answers what was stored (Name, ExperimentId, SourceType, SourceId; with Verbose its"
                    + " Params and Labels); a run created without a Name is named by its RunId; UpdateRun and"
                    + " DeleteRunLabel change what GetRun shows")
    void createThenRead() {
        String experimentId = experiment();
        String name = run.names().next();

        String runId = createRun("{\"ExperimentId\":\"" + experimentId + "\",\"Name\":\"" + name
                + "\",\"SourceType\":\"TrainingService\",\"SourceId\":\"945\",\"Params\":[{\"Key\":\"lr\",\"Value\":"
                + "\"0.01\"}],\"Labels\":[{\"Key\":\"pfct_a\",\"Value\":\"1\"},{\"Key\":\"pfct_b\",\"Value\":\"2\"}]}");
        String unnamed = createRun("{\"ExperimentId\":\"" + experimentId + "\"}");

        JsonNode plain = read(runId, false);
        assertThat(plain.get("RunId").asText()).as("RunId").isEqualTo(runId);
        assertThat(plain.get("Name").asText()).as("Name").isEqualTo(name);
        assertThat(plain.get("ExperimentId").asText()).as("ExperimentId").isEqualTo(experimentId);
        assertThat(plain.get("SourceType").asText()).as("SourceType").isEqualTo("TrainingService");
        assertThat(plain.get("SourceId").asText()).as("SourceId").isEqualTo("945");
        JsonNode verbose = read(runId, true);
        assertThat(pairs(verbose.get("Params"))).as("Params").containsExactly(Map.entry("lr", "0.01"));
        assertThat(pairs(verbose.get("Labels")))
                .as("Labels")
                .containsExactly(Map.entry("pfct_a", "1"), Map.entry("pfct_b", "2"));
        verbose.get("Labels")
                .forEach(label -> assertThat(label.get("RunId").asText())
                        .as("a label's RunId")
                        .isEqualTo(runId));
        assertThat(read(unnamed, false).get("Name").asText())
                .as("the Name of a run created without one")
                .isEqualTo(unnamed);

        String renamed = run.names().next();
        ApiResponse updated = api.updateRun(runId, "{\"RunId\":\"" + runId + "\",\"Name\":\"" + renamed + "\"}");
        ApiResponse unlabelled = api.deleteRunLabel(runId, "pfct_a");

        assertThat(updated.status()).as("%s", updated).isEqualTo(200);
        ResponseSchemas.UPDATE_RUN.assertValid(updated);
        assertThat(unlabelled.status()).as("%s", unlabelled).isEqualTo(200);
        ResponseSchemas.DELETE_RUN_LABEL.assertValid(unlabelled);
        JsonNode after = read(runId, true);
        assertThat(after.get("Name").asText()).as("Name after UpdateRun").isEqualTo(renamed);
        assertThat(pairs(after.get("Labels"))).as("Labels after DeleteRunLabel").containsOnlyKeys("pfct_b");
    }

    @Test
    @DisplayName(
            "ListRuns filters by ExperimentId, SourceType and Name and pages both ways: PageNumber/PageSize with the"
                    + " full TotalCount and an empty page past the end, MaxResults/PageToken with NextPageToken 0 on"
                    + " the last page")
    void listFiltersAndPages() {
        String experimentId = experiment();
        String other = experiment();
        String base = run.names().next();
        String first = createRun(
                "{\"ExperimentId\":\"" + experimentId + "\",\"Name\":\"" + base + "_dlc\",\"SourceType\":\"DLC\"}");
        String second = createRun("{\"ExperimentId\":\"" + experimentId + "\",\"Name\":\"" + base
                + "_ts\",\"SourceType\":\"TrainingService\"}");
        String third = createRun("{\"ExperimentId\":\"" + experimentId + "\",\"Name\":\""
                + run.names().next() + "\",\"SourceType\":\"TrainingService\"}");
        String elsewhere = createRun("{\"ExperimentId\":\"" + other + "\",\"Name\":\"" + base + "_other\"}");
        String[] ascending = {"ExperimentId", experimentId, "Order", "ASC", "SortBy", "GmtCreateTime"};

        JsonNode all = listed(api.listRuns(ascending));
        JsonNode page1 = listed(api.listRuns(concat(ascending, "PageNumber", "1", "PageSize", "2")));
        JsonNode page2 = listed(api.listRuns(concat(ascending, "PageNumber", "2", "PageSize", "2")));
        JsonNode past = listed(api.listRuns(concat(ascending, "PageNumber", "3", "PageSize", "2")));
        JsonNode tokens = listed(api.listRuns(concat(ascending, "MaxResults", "2")));

        assertThat(ids(all)).as("the experiment's runs").containsExactly(first, second, third);
        assertThat(ids(all)).as("another experiment's run").doesNotContain(elsewhere);
        assertThat(ids(listed(api.listRuns(concat(ascending, "SourceType", "TrainingService")))))
                .as("SourceType=TrainingService")
                .containsExactly(second, third);
        assertThat(ids(listed(api.listRuns(concat(ascending, "Name", base + "_ts")))))
                .as("Name")
                .containsExactly(second);
        assertThat(ids(page1)).as("page 1 of 2").containsExactly(first, second);
        assertThat(ids(page2)).as("page 2 of 2").containsExactly(third);
        assertThat(ids(past)).as("the page past the end").isEmpty();
        for (JsonNode page : List.of(page1, page2, past)) {
            assertThat(page.path("TotalCount").asLong())
                    .as("TotalCount of every page")
                    .isEqualTo(3);
        }
        assertThat(ids(tokens)).as("MaxResults=2").containsExactly(first, second);
        assertThat(tokens.path("NextPageToken").asLong())
                .as("NextPageToken after the first page")
                .isPositive();
        JsonNode last = listed(api.listRuns(concat(
                ascending,
                "MaxResults",
                "2",
                "PageToken",
                tokens.get("NextPageToken").asText())));
        assertThat(ids(last)).as("the page of PageToken").containsExactly(third);
        assertThat(last.has("NextPageToken"))
                .as("NextPageToken on the last page")
                .isTrue();
        assertThat(last.get("NextPageToken").asLong())
                .as("NextPageToken on the last page")
                .isZero();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    @DisplayName("LogRunMetrics then ListRunMetrics: a training curve logged in two batches, out of order, is read back"
            + " by Key in Step order, page by page with MaxResults and PageToken until NextPageToken is 0")
    void metricsLoggedThenListedInOrder() {
        String runId = createRun("{\"ExperimentId\":\"" + experiment() + "\"}");
        long now = System.currentTimeMillis();
        for (int[] steps : new int[][] {{12, 11, 10, 9, 8, 7}, {6, 5, 4, 3, 2, 1}}) {
            StringBuilder batch = new StringBuilder("{\"Metrics\":[");
            for (int step : steps) {
                batch.append(step == steps[0] ? "" : ",")
                        .append("{\"Key\":\"pfct_loss\",\"Value\":")
                        .append(step / 100.0)
                        .append(",\"Step\":")
                        .append(step)
                        .append(",\"Timestamp\":")
                        .append(now + step)
                        .append('}');
            }
            batch.append(",{\"Key\":\"pfct_accuracy\",\"Value\":0.5,\"Step\":")
                    .append(steps[0])
                    .append(",\"Timestamp\":")
                    .append(now)
                    .append("}]}");
            ApiResponse logged = api.logRunMetrics(runId, batch.toString());
            assertThat(logged.status()).as("%s", logged).isEqualTo(200);
            ResponseSchemas.LOG_RUN_METRICS.assertValid(logged);
        }

        List<Long> steps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        String token = "0";
        for (int page = 1; ; page++) {
            ApiResponse answer = api.listRunMetrics(runId, "Key", "pfct_loss", "MaxResults", "5", "PageToken", token);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            ResponseSchemas.LIST_RUN_METRICS.assertValid(answer);
            JsonNode metrics = answer.json().get("Metrics");
            assertThat(metrics.size())
                    .as("points on page %d of MaxResults=5", page)
                    .isLessThanOrEqualTo(5);
            metrics.forEach(metric -> {
                assertThat(metric.get("Key").asText()).as("Key").isEqualTo("pfct_loss");
                steps.add(metric.get("Step").asLong());
                values.add(metric.get("Value").asDouble());
            });
            token = answer.json().get("NextPageToken").asText();
            if (token.equals("0") || page >= 5) {
                break;
            }
        }

        assertThat(token).as("NextPageToken after the last page").isEqualTo("0");
        assertThat(steps).as("Steps, in order").containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(values.get(0)).as("the first point's Value").isEqualTo(0.01);
        assertThat(values.get(11)).as("the last point's Value").isEqualTo(0.12);
        JsonNode accuracy = api.listRunMetrics(runId, "Key", "pfct_accuracy", "MaxResults", "100")
                .json()
                .get("Metrics");
        assertThat(accuracy).as("the points of Key=pfct_accuracy").hasSize(2);
        List<String> keys = new ArrayList<>();
        read(runId, true)
                .get("Metrics")
                .forEach(metric -> keys.add(metric.get("Key").asText()));
        assertThat(keys).as("GetRun's Metrics with Verbose").contains("pfct_loss", "pfct_accuracy");
    }

    @Test
    @DisplayName("DeleteRun then GetRun is 404 in the error format; deleting again too; the run is no longer listed")
    void deleteThenRead() {
        String experimentId = experiment();
        String runId = createRun("{\"ExperimentId\":\"" + experimentId + "\"}");

        ApiResponse deleted = api.deleteRun(runId);

        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        ResponseSchemas.DELETE_RUN.assertValid(deleted);
        leftovers.forget("run " + runId);
        assertRefused(api.getRun(runId, null), 404);
        assertRefused(api.deleteRun(runId), 404);
        assertThat(ids(listed(api.listRuns("ExperimentId", experimentId))))
                .as("listed after deletion")
                .isEmpty();
    }
}
