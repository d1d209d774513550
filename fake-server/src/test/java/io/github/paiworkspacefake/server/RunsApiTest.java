package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs and their metrics through HTTP, with the bodies Terraform's run resource and a training script send. */
class RunsApiTest {

    private static final String RUNS = "/api/v1/runs";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.000Z"));
    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().clock(clock).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;
    private String experimentId;

    @BeforeEach
    void experiment() {
        workspaceId = api.createWorkspace("tracking_ws");
        experimentId = createExperiment("training", workspaceId);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private void tick(Duration duration) {
        clock.now = clock.now.plus(duration);
    }

    private String createExperiment(String name, String workspace) {
        return api.post(
                        "/api/v1/experiments",
                        "{\"Name\":\"" + name + "\",\"WorkspaceId\":\"" + workspace
                                + "\",\"Accessibility\":\"PUBLIC\"}")
                .body()
                .get("ExperimentId")
                .asText();
    }

    private String createRun(String body) {
        ApiClient.Reply reply = api.post(RUNS, body);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        tick(Duration.ofSeconds(1));
        return reply.body().get("RunId").asText();
    }

    private String createRun(String name, String sourceType) {
        return createRun("{\"ExperimentId\":\"" + experimentId + "\",\"Name\":\"" + name + "\",\"SourceType\":\""
                + sourceType + "\",\"SourceId\":\"job-" + name + "\"}");
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("Runs").forEach(item -> names.add(item.get("Name").asText()));
        return names;
    }

    private ApiClient.Reply log(String runId, String metrics) {
        return api.post(RUNS + "/" + runId + "/metrics/action/log", "{\"Metrics\":" + metrics + "}");
    }

    @Test
    void createThenGetAnswersWhatTerraformReads() {
        ApiClient.Reply created = api.post(
                RUNS,
                "{\"ExperimentId\":\"" + experimentId
                        + "\",\"Name\":\"tf-run\",\"SourceType\":\"TrainingService\",\"SourceId\":\"945\"}");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("requestId").asText())
                .as("CreateRun's model spells requestId")
                .isEqualTo(created.requestIdHeader());
        assertThat(created.body().has("RequestId")).isFalse();
        String runId = created.body().get("RunId").asText();
        assertThat(runId).matches("run-[0-9a-z]{13}");
        ApiClient.Reply got = api.get(RUNS + "/" + runId);
        assertThat(got.body().get("RequestId").asText()).isEqualTo(got.requestIdHeader());
        JsonNode run = got.body();
        assertThat(run.get("RunId").asText()).isEqualTo(runId);
        assertThat(run.get("Name").asText()).isEqualTo("tf-run");
        assertThat(run.get("ExperimentId").asText()).isEqualTo(experimentId);
        assertThat(run.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(run.get("SourceType").asText()).isEqualTo("TrainingService");
        assertThat(run.get("SourceId").asText()).isEqualTo("945");
        assertThat(run.get("Accessibility").asText()).as("the experiment's").isEqualTo("PUBLIC");
        assertThat(run.get("GmtCreateTime").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
        assertThat(run.get("OwnerId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(run.has("Metrics")).as("details only with Verbose").isFalse();
        assertThat(run.has("Params")).isFalse();
        assertThat(run.has("Labels")).isFalse();
    }

    @Test
    void aRunWithoutANameIsNamedByItsId() {
        String runId = createRun("{\"ExperimentId\":\"" + experimentId + "\"}");

        assertThat(api.get(RUNS + "/" + runId).body().get("Name").asText()).isEqualTo(runId);
    }

    @Test
    void createRefusesAnUnknownExperimentAndBadInput() {
        assertError(api.post(RUNS, "{\"ExperimentId\":\"exp-unknown\"}"), 404, "InternalServerErrorProblem");
        assertError(api.post(RUNS, "{}"), 400, "MissingParameter");
        String experiment = "\"ExperimentId\":\"" + experimentId + "\"";
        assertError(api.post(RUNS, "{" + experiment + ",\"SourceType\":\"EAS\"}"), 400, "InvalidParameter");
        assertError(api.post(RUNS, "{" + experiment + ",\"Name\":\"9lives\"}"), 400, "InvalidParameter");
        assertError(api.post(RUNS, "{" + experiment + ",\"Params\":[{\"Value\":\"1\"}]}"), 400, "MissingParameter");
        assertError(
                api.post(RUNS, "{" + experiment + ",\"Labels\":[{\"Key\":\"k\",\"Value\":\"a,b\"}]}"),
                400,
                "InvalidParameter");
        assertThat(fake.experiments().runs(experimentId)).isEmpty();
    }

    @Test
    void verboseGetShowsParamsLabelsAndTheLastPointOfEachMetric() {
        String runId = createRun("{\"ExperimentId\":\"" + experimentId + "\",\"Name\":\"detailed\",\"Params\":"
                + "[{\"Key\":\"lr\",\"Value\":\"0.01\"},{\"Key\":\"epochs\",\"Value\":\"3\"}],\"Labels\":"
                + "[{\"Key\":\"owner\",\"Value\":\"alice\"}]}");
        log(
                runId,
                "[{\"Key\":\"loss\",\"Value\":0.9,\"Step\":1,\"Timestamp\":1000},"
                        + "{\"Key\":\"acc\",\"Value\":0.5,\"Step\":1,\"Timestamp\":1000},"
                        + "{\"Key\":\"loss\",\"Value\":0.4,\"Step\":3,\"Timestamp\":3000},"
                        + "{\"Key\":\"loss\",\"Value\":0.6,\"Step\":2,\"Timestamp\":2000}]");

        JsonNode run = api.get(RUNS + "/" + runId + "?Verbose=true").body();

        assertThat(run.get("Params").toString())
                .isEqualTo("[{\"Key\":\"lr\",\"Value\":\"0.01\"},{\"Key\":\"epochs\",\"Value\":\"3\"}]");
        JsonNode label = run.get("Labels").get(0);
        assertThat(label.get("Key").asText()).isEqualTo("owner");
        assertThat(label.get("Value").asText()).isEqualTo("alice");
        assertThat(label.get("RunId").asText()).isEqualTo(runId);
        assertThat(label.get("GmtCreateTime").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
        JsonNode metrics = run.get("Metrics");
        assertThat(metrics).hasSize(2);
        assertThat(metrics.get(0).get("Key").asText()).isEqualTo("loss");
        assertThat(metrics.get(0).get("Value").asDouble()).isEqualTo(0.4);
        assertThat(metrics.get(0).get("Step").asLong()).isEqualTo(3);
        assertThat(metrics.get(0).get("Timestamp").isIntegralNumber()).isTrue();
        assertThat(metrics.get(1).get("Key").asText()).isEqualTo("acc");
    }

    @Test
    void aTrainingCurveIsReadBackInStepOrderPageByPage() {
        String runId = createRun("curve", "DLC");
        StringBuilder batch = new StringBuilder("[");
        for (int step = 10; step >= 1; step--) { // logged out of order on purpose
            batch.append(step < 10 ? "," : "")
                    .append("{\"Key\":\"loss\",\"Value\":")
                    .append(1.0 / step)
                    .append(",\"Step\":")
                    .append(step)
                    .append(",\"Timestamp\":")
                    .append(1_700_000_000_000L + step)
                    .append('}');
        }
        batch.append(",{\"Key\":\"accuracy\",\"Value\":0.99,\"Step\":10}]");
        assertThat(log(runId, batch.toString()).body().get("requestId").asText())
                .as("LogRunMetrics' model spells requestId")
                .isNotBlank();

        List<Long> steps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        String token = "0";
        int pages = 0;
        do {
            JsonNode page = api.get(RUNS + "/" + runId + "/metrics?Key=loss&MaxResults=4&PageToken=" + token)
                    .body();
            assertThat(page.get("requestId").asText()).isNotBlank();
            page.get("Metrics").forEach(metric -> {
                assertThat(metric.get("Key").asText()).isEqualTo("loss");
                steps.add(metric.get("Step").asLong());
                values.add(metric.get("Value").asDouble());
            });
            token = page.get("NextPageToken").asText();
            pages++;
        } while (!token.equals("0"));

        assertThat(pages).isEqualTo(3);
        assertThat(steps).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(values.get(0)).isEqualTo(1.0);
        assertThat(values.get(9)).isEqualTo(0.1);
        assertThat(fake.experiments().metrics(runId, "loss"))
                .extracting(RunMetric::step)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(fake.experiments().metrics(runId, "accuracy"))
                .singleElement()
                .satisfies(metric -> {
                    assertThat(metric.value()).isEqualTo(0.99);
                    assertThat(metric.timestamp())
                            .as("the fake's time when not given")
                            .isEqualTo(clock.now.toEpochMilli());
                });
    }

    @Test
    void listRunMetricsDefaultsToTenPointsAndKeepsLoggingOrderForEqualSteps() {
        String runId = createRun("defaults", "DLC");
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 12; i++) {
            batch.append(i > 0 ? "," : "")
                    .append("{\"Key\":\"m\",\"Value\":")
                    .append(i)
                    .append('}');
        }
        log(runId, batch.append(']').toString());

        JsonNode first = api.get(RUNS + "/" + runId + "/metrics?Key=m").body();

        assertThat(first.get("Metrics")).hasSize(10);
        assertThat(first.get("Metrics").get(3).get("Value").asDouble()).isEqualTo(3.0);
        assertThat(first.get("Metrics").get(3).get("Step").asLong()).isZero();
        assertThat(first.get("NextPageToken").asLong()).isEqualTo(10);
        assertThat(first.has("TotalCount"))
                .as("ListRunMetrics declares no TotalCount")
                .isFalse();
        assertThat(api.get(RUNS + "/" + runId + "/metrics?Key=other").body().get("Metrics"))
                .isEmpty();
    }

    @Test
    void metricsAreCheckedBeforeAnyIsStored() {
        String runId = createRun("checked", "DLC");

        assertError(log(runId, "[{\"Key\":\"ok\",\"Value\":1},{\"Value\":2}]"), 400, "MissingParameter");
        assertError(log(runId, "[{\"Key\":\"v\"}]"), 400, "MissingParameter");
        assertError(log(runId, "[{\"Key\":\"v\",\"Value\":\"high\"}]"), 400, "InvalidParameter");
        assertError(log(runId, "[{\"Key\":\"v\",\"Value\":1,\"Step\":1.5}]"), 400, "InvalidParameter");
        assertError(api.get(RUNS + "/" + runId + "/metrics"), 400, "MissingParameter");
        assertError(api.get(RUNS + "/" + runId + "/metrics?Key=ok&MaxResults=1001"), 400, "InvalidParameter");
        assertThat(fake.experiments().metrics(runId)).isEmpty();
        assertError(log("run-unknown", "[{\"Key\":\"v\",\"Value\":1}]"), 404, "RunNotFound");
        assertError(api.get(RUNS + "/run-unknown/metrics?Key=v"), 404, "RunNotFound");
    }

    @Test
    void updateRunChangesTheNameAndSetsLabelsAndParamsByKey() {
        String runId = createRun("{\"ExperimentId\":\"" + experimentId + "\",\"Name\":\"before\",\"Params\":"
                + "[{\"Key\":\"lr\",\"Value\":\"0.1\"}],\"Labels\":[{\"Key\":\"a\",\"Value\":\"1\"}]}");

        ApiClient.Reply updated = api.put(
                RUNS + "/" + runId,
                "{\"RunId\":\"" + runId + "\",\"Name\":\"after\",\"Params\":[{\"Key\":\"lr\",\"Value\":\"0.2\"},"
                        + "{\"Key\":\"batch\",\"Value\":\"64\"}],\"Labels\":[{\"Key\":\"b\",\"Value\":\"2\"}]}");

        assertThat(updated.body().get("requestId").asText()).isNotBlank();
        Run run = fake.experiments().run(runId).orElseThrow();
        assertThat(run.name()).isEqualTo("after");
        assertThat(run.params()).containsExactly(Map.entry("lr", "0.2"), Map.entry("batch", "64"));
        assertThat(run.labels()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(run.gmtModifiedTime()).isAfter(run.gmtCreateTime());
        assertError(api.put(RUNS + "/run-unknown", "{\"Name\":\"x\"}"), 404, "RunNotFound");
    }

    @Test
    void deleteRunLabelRemovesTheKey() {
        String runId = createRun("{\"ExperimentId\":\"" + experimentId
                + "\",\"Labels\":[{\"Key\":\"a\",\"Value\":\"1\"},{\"Key\":\"b\",\"Value\":\"2\"}]}");

        ApiClient.Reply deleted = api.delete(RUNS + "/" + runId + "/labels/a");

        assertThat(deleted.body().get("requestId").asText()).isNotBlank();
        assertThat(fake.experiments().run(runId).orElseThrow().labels()).containsOnlyKeys("b");
        assertThat(api.delete(RUNS + "/" + runId + "/labels/none").status()).isEqualTo(200);
        assertError(api.delete(RUNS + "/run-unknown/labels/a"), 404, "RunNotFound");
    }

    @Test
    void deleteThenGetIsNotFound() {
        String runId = createRun("gone", "DLC");

        ApiClient.Reply deleted = api.delete(RUNS + "/" + runId);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("requestId").asText()).isNotBlank();
        assertError(api.get(RUNS + "/" + runId), 404, "RunNotFound");
        assertError(api.delete(RUNS + "/" + runId), 404, "RunNotFound");
        assertThat(fake.experiments().runs(experimentId)).isEmpty();
    }

    @Test
    void listFiltersByExperimentSourceAndName() {
        createRun("alpha", "DLC");
        createRun("beta", "TrainingService");
        createRun("alphabet", "TrainingService");
        String otherExperiment = createExperiment("other", workspaceId);
        createRun("{\"ExperimentId\":\"" + otherExperiment + "\",\"Name\":\"elsewhere\"}");
        String base = RUNS + "?WorkspaceId=" + workspaceId + "&Order=ASC";

        assertThat(names(api.get(base).body())).containsExactly("alpha", "beta", "alphabet", "elsewhere");
        assertThat(names(api.get(base + "&ExperimentId=" + experimentId).body()))
                .containsExactly("alpha", "beta", "alphabet");
        assertThat(names(api.get(base + "&SourceType=TrainingService").body())).containsExactly("beta", "alphabet");
        assertThat(names(api.get(base + "&SourceId=job-beta").body())).containsExactly("beta");
        assertThat(names(api.get(base + "&Name=ALPHA").body())).containsExactly("alpha", "alphabet");
        JsonNode list = api.get(base).body();
        assertThat(list.get("TotalCount").asLong()).isEqualTo(4);
        assertThat(list.get("requestId").asText())
                .as("ListRuns' model spells requestId")
                .isNotBlank();
    }

    @Test
    void listWithAnExperimentButNoWorkspaceListsThatExperimentsRuns() {
        createRun("mine", "DLC");

        JsonNode list = api.get(RUNS + "?ExperimentId=" + experimentId).body();

        assertThat(names(list)).containsExactly("mine");
        assertError(api.get(RUNS), 404, "100400027");
    }

    @Test
    void listFiltersByLabels() {
        createRun("{\"ExperimentId\":\"" + experimentId
                + "\",\"Name\":\"eval\",\"Labels\":[{\"Key\":\"is_evaluation\",\"Value\":\"true\"},"
                + "{\"Key\":\"LLM_evaluation\",\"Value\":\"true\"}]}");
        createRun("{\"ExperimentId\":\"" + experimentId
                + "\",\"Name\":\"half\",\"Labels\":[{\"Key\":\"is_evaluation\",\"Value\":\"true\"}]}");
        String base = RUNS + "?WorkspaceId=" + workspaceId + "&Order=ASC&Labels=";

        assertThat(names(api.get(base + "is_evaluation:true").body())).containsExactly("eval", "half");
        assertThat(names(
                        api.get(base + "is_evaluation:true,LLM_evaluation:true").body()))
                .containsExactly("eval");
    }

    @Test
    void listPagesBothWaysNewestFirstByDefault() {
        for (String name : List.of("r1", "r2", "r3")) {
            createRun(name, "DLC");
        }
        String base = RUNS + "?ExperimentId=" + experimentId;

        assertThat(names(api.get(base + "&PageNumber=1&PageSize=2").body())).containsExactly("r3", "r2");
        assertThat(names(api.get(base + "&PageNumber=2&PageSize=2").body())).containsExactly("r1");
        JsonNode first = api.get(base + "&MaxResults=2").body();
        assertThat(names(first)).containsExactly("r3", "r2");
        JsonNode last = api.get(base + "&MaxResults=2&PageToken="
                        + first.get("NextPageToken").asLong())
                .body();
        assertThat(names(last)).containsExactly("r1");
        assertThat(last.get("NextPageToken").asLong()).isZero();
        assertThat(names(api.get(base + "&SortBy=Name&Order=DESC").body())).containsExactly("r3", "r2", "r1");
        assertThat(names(api.get(base + "&OrderBy=Name%20ASC").body())).containsExactly("r1", "r2", "r3");
    }

    @Test
    void listVerboseShowsEachRunsDetails() {
        String runId = createRun(
                "{\"ExperimentId\":\"" + experimentId + "\",\"Params\":[{\"Key\":\"lr\",\"Value\":\"0.1\"}]}");
        log(runId, "[{\"Key\":\"loss\",\"Value\":0.3,\"Step\":1}]");

        JsonNode item = api.get(RUNS + "?ExperimentId=" + experimentId + "&Verbose=true")
                .body()
                .get("Runs")
                .get(0);

        assertThat(item.get("Params").get(0).get("Key").asText()).isEqualTo("lr");
        assertThat(item.get("Metrics").get(0).get("Value").asDouble()).isEqualTo(0.3);
    }

    @Test
    void listRefusesTheCreationTimeFilterItDoesNotHonourUnlessLenient() {
        assertError(
                api.get(RUNS + "?ExperimentId=" + experimentId + "&GmtCreateTime=2021-01-30T12:51:33.028Z"),
                400,
                "UnsupportedParameter");
    }
}
