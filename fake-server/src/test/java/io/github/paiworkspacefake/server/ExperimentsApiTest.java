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

/** Experiments through HTTP, with the bodies Terraform's experiment resource and the PAI Python SDK send. */
class ExperimentsApiTest {

    private static final String EXPERIMENTS = "/api/v1/experiments";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.000Z"));
    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().clock(clock).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String workspaceId;

    @BeforeEach
    void workspace() {
        workspaceId = api.createWorkspace("tracking_ws");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private void tick(Duration duration) {
        clock.now = clock.now.plus(duration);
    }

    private ApiClient.Reply create(String name) {
        return api.post(
                EXPERIMENTS,
                "{\"Name\":\"" + name + "\",\"WorkspaceId\":\"" + workspaceId
                        + "\",\"ArtifactUri\":\"oss://bucket/exp/\"}");
    }

    private String createExperiment(String name) {
        ApiClient.Reply reply = create(name);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        tick(Duration.ofSeconds(1));
        return reply.body().get("ExperimentId").asText();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.get("Experiments").forEach(item -> names.add(item.get("Name").asText()));
        return names;
    }

    @Test
    void createThenGetAnswersWhatTerraformReads() {
        ApiClient.Reply created = api.post(
                EXPERIMENTS,
                "{\"ArtifactUri\":\"oss://yyt-409262.oss-cn-hangzhou.aliyuncs.com/test/\",\"WorkspaceId\":\""
                        + workspaceId + "\",\"Name\":\"tf-testacc-exp\",\"Accessibility\":\"PRIVATE\"}");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body().get("RequestId").asText()).isEqualTo(created.requestIdHeader());
        String id = created.body().get("ExperimentId").asText();
        assertThat(id).matches("exp-[0-9a-z]{13}");
        JsonNode got = api.get(EXPERIMENTS + "/" + id).body();
        assertThat(got.get("ExperimentId").asText()).isEqualTo(id);
        assertThat(got.get("Name").asText()).isEqualTo("tf-testacc-exp");
        assertThat(got.get("WorkspaceId").asText()).isEqualTo(workspaceId);
        assertThat(got.get("Accessibility").asText()).isEqualTo("PRIVATE");
        assertThat(got.get("ArtifactUri").asText()).isEqualTo("oss://yyt-409262.oss-cn-hangzhou.aliyuncs.com/test/");
        assertThat(got.get("TensorboardLogUri").asText())
                .isEqualTo("oss://yyt-409262.oss-cn-hangzhou.aliyuncs.com/test/tensorboard/");
        assertThat(got.get("GmtCreateTime").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
        assertThat(got.get("GmtModifiedTime").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
        assertThat(got.get("OwnerId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(got.get("UserId").asText()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(got.get("Labels")).isEmpty();
        assertThat(got.has("LatestRun")).isFalse();
        assertThat(got.get("RequestId").asText()).isNotBlank();
    }

    @Test
    void accessibilityIsPrivateUnlessGiven() {
        String id = createExperiment("defaults");

        assertThat(api.get(EXPERIMENTS + "/" + id).body().get("Accessibility").asText())
                .isEqualTo("PRIVATE");
    }

    @Test
    void createRefusesWhatTheReferenceForbids() {
        String workspace = "\"WorkspaceId\":\"" + workspaceId + "\"";
        assertError(api.post(EXPERIMENTS, "{" + workspace + "}"), 400, "MissingParameter");
        assertError(api.post(EXPERIMENTS, "{\"Name\":\"n\"}"), 400, "MissingParameter");
        assertError(
                api.post(EXPERIMENTS, "{\"Name\":\"1starts_with_digit\"," + workspace + "}"), 400, "InvalidParameter");
        assertError(api.post(EXPERIMENTS, "{\"Name\":\"has space\"," + workspace + "}"), 400, "InvalidParameter");
        assertError(
                api.post(EXPERIMENTS, "{\"Name\":\"" + "n".repeat(64) + "\"," + workspace + "}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(EXPERIMENTS, "{\"Name\":\"n\",\"Accessibility\":\"SHARED\"," + workspace + "}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(EXPERIMENTS, "{\"Name\":\"n\",\"ArtifactUri\":\"s3://bucket/\"," + workspace + "}"),
                400,
                "InvalidParameter");
        assertError(
                api.post(
                        EXPERIMENTS,
                        "{\"Name\":\"n\",\"Labels\":[{\"Key\":\"a=b\",\"Value\":\"v\"}]," + workspace + "}"),
                400,
                "InvalidParameter");
        assertThat(fake.experiments().experiments(workspaceId)).isEmpty();
    }

    @Test
    void aNameOfSixtyThreeCharactersIsTaken() {
        assertThat(create("n" + "_-9".repeat(20) + "ab").status()).isEqualTo(200);
    }

    @Test
    void namesAreUniqueInAWorkspace() {
        createExperiment("unique");

        assertError(create("unique"), 409, "ExperimentNameAlreadyExists");
        assertThat(fake.experiments().experiments(workspaceId)).hasSize(1);
    }

    @Test
    void theSameNameMayBeUsedInAnotherWorkspace() {
        createExperiment("shared-name");
        String other = api.createWorkspace("other_ws");

        ApiClient.Reply reply = api.post(EXPERIMENTS, "{\"Name\":\"shared-name\",\"WorkspaceId\":\"" + other + "\"}");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void anUnknownWorkspaceIsRefused() {
        assertError(api.post(EXPERIMENTS, "{\"Name\":\"n\",\"WorkspaceId\":\"999999\"}"), 404, "100400027");
    }

    @Test
    void anUnknownExperimentIsTheNotFoundTerraformTreatsAsGoneAtOnce() {
        ApiClient.Reply reply = api.get(EXPERIMENTS + "/exp-unknown");

        assertError(reply, 404, "InternalServerErrorProblem");
        assertThat(reply.body().toString()).doesNotContain("NotFoundErrorProblem");
    }

    @Test
    void updateChangesNameAndAccessibilityAndAdvancesTheModificationTime() {
        String id = createExperiment("before");

        ApiClient.Reply updated = api.put(
                EXPERIMENTS + "/" + id,
                "{\"ExperimentId\":\"" + id + "\",\"Name\":\"before_update\",\"Accessibility\":\"PUBLIC\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("RequestId").asText()).isNotBlank();
        JsonNode got = api.get(EXPERIMENTS + "/" + id).body();
        assertThat(got.get("Name").asText()).isEqualTo("before_update");
        assertThat(got.get("Accessibility").asText()).isEqualTo("PUBLIC");
        assertThat(got.get("GmtModifiedTime").asText()).isEqualTo("2026-03-01T10:00:01.000Z");
        assertThat(got.get("GmtCreateTime").asText()).isEqualTo("2026-03-01T10:00:00.000Z");
    }

    @Test
    void updateKeepsNamesUnique() {
        createExperiment("taken");
        String id = createExperiment("mine");

        assertError(api.put(EXPERIMENTS + "/" + id, "{\"Name\":\"taken\"}"), 409, "ExperimentNameAlreadyExists");
        assertThat(fake.experiments().experiment(id))
                .get()
                .extracting(Experiment::name)
                .isEqualTo("mine");
    }

    @Test
    void updateOfAnUnknownExperimentIsNotFound() {
        assertError(api.put(EXPERIMENTS + "/exp-unknown", "{\"Name\":\"x\"}"), 404, "InternalServerErrorProblem");
    }

    @Test
    void deleteThenGetIsNotFoundAndASecondDeleteToo() {
        String id = createExperiment("short-lived");

        ApiClient.Reply deleted = api.delete(EXPERIMENTS + "/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertError(api.get(EXPERIMENTS + "/" + id), 404, "InternalServerErrorProblem");
        assertError(api.delete(EXPERIMENTS + "/" + id), 404, "InternalServerErrorProblem");
        assertThat(create("short-lived").status()).as("the name is free again").isEqualTo(200);
    }

    @Test
    void deletingAnExperimentDeletesItsRunsAndTheirMetrics() {
        String id = createExperiment("with-runs");
        String runId = api.post("/api/v1/runs", "{\"ExperimentId\":\"" + id + "\",\"Name\":\"r1\"}")
                .body()
                .get("RunId")
                .asText();
        api.post(
                "/api/v1/runs/" + runId + "/metrics/action/log",
                "{\"Metrics\":[{\"Key\":\"loss\",\"Value\":0.5,\"Step\":1}]}");

        api.delete(EXPERIMENTS + "/" + id);

        assertError(api.get("/api/v1/runs/" + runId), 404, "RunNotFound");
        assertThat(fake.experiments().run(runId)).isEmpty();
    }

    @Test
    void setExperimentLabelsAddsAndChangesLabelsKeepingOthers() {
        String id = createExperiment("labelled");
        api.post(EXPERIMENTS + "/" + id + "/labels", "{\"Labels\":[{\"Key\":\"team\",\"Value\":\"nlp\"}]}");
        tick(Duration.ofSeconds(5));

        ApiClient.Reply set = api.post(
                EXPERIMENTS + "/" + id + "/labels",
                "{\"Labels\":[{\"Key\":\"stage\",\"Value\":\"dev\"},{\"Key\":\"team\",\"Value\":\"cv\"}]}");

        assertThat(set.status()).isEqualTo(200);
        JsonNode labels = api.get(EXPERIMENTS + "/" + id).body().get("Labels");
        assertThat(labels).hasSize(2);
        assertThat(labels.get(0).get("Key").asText()).isEqualTo("team");
        assertThat(labels.get(0).get("Value").asText()).isEqualTo("cv");
        assertThat(labels.get(0).get("ExperimentId").asText()).isEqualTo(id);
        assertThat(labels.get(0).get("GmtCreateTime").asText()).isEqualTo("2026-03-01T10:00:01.000Z");
        assertThat(labels.get(0).get("GmtModifiedTime").asText()).isEqualTo("2026-03-01T10:00:06.000Z");
        assertThat(labels.get(1).get("Key").asText()).isEqualTo("stage");
        assertThat(labels.get(1).get("Value").asText()).isEqualTo("dev");
    }

    @Test
    void deleteExperimentLabelRemovesTheKeyAndIgnoresAnUnknownOne() {
        String id = api.post(
                        EXPERIMENTS,
                        "{\"Name\":\"l\",\"WorkspaceId\":\"" + workspaceId
                                + "\",\"Labels\":[{\"Key\":\"a\",\"Value\":\"1\"},{\"Key\":\"b\",\"Value\":\"2\"}]}")
                .body()
                .get("ExperimentId")
                .asText();

        assertThat(api.delete(EXPERIMENTS + "/" + id + "/labels/a").status()).isEqualTo(200);
        assertThat(api.delete(EXPERIMENTS + "/" + id + "/labels/zzz").status()).isEqualTo(200);

        assertThat(fake.experiments().experiment(id).orElseThrow().labels()).containsExactly(Map.entry("b", "2"));
        assertError(api.delete(EXPERIMENTS + "/exp-unknown/labels/a"), 404, "InternalServerErrorProblem");
    }

    @Test
    void verboseAddsTheLatestRun() {
        String id = createExperiment("verbose");
        api.post("/api/v1/runs", "{\"ExperimentId\":\"" + id + "\",\"Name\":\"first\"}");
        tick(Duration.ofSeconds(1));
        String second = api.post("/api/v1/runs", "{\"ExperimentId\":\"" + id + "\",\"Name\":\"second\"}")
                .body()
                .get("RunId")
                .asText();

        JsonNode got = api.get(EXPERIMENTS + "/" + id + "?Verbose=true").body();

        assertThat(got.get("LatestRun").get("RunId").asText()).isEqualTo(second);
        assertThat(got.get("LatestRun").get("Name").asText()).isEqualTo("second");
        assertThat(api.get(EXPERIMENTS + "/" + id + "?Verbose=false").body().has("LatestRun"))
                .isFalse();
    }

    @Test
    void listPagesByPageNumberNewestFirstWithTheTotalCount() {
        for (String name : List.of("e1", "e2", "e3", "e4", "e5")) {
            createExperiment(name);
        }

        JsonNode first = api.get(EXPERIMENTS + "?WorkspaceId=" + workspaceId + "&PageNumber=1&PageSize=2")
                .body();
        JsonNode third = api.get(EXPERIMENTS + "?WorkspaceId=" + workspaceId + "&PageNumber=3&PageSize=2")
                .body();
        JsonNode past = api.get(EXPERIMENTS + "?WorkspaceId=" + workspaceId + "&PageNumber=4&PageSize=2")
                .body();

        assertThat(names(first)).containsExactly("e5", "e4");
        assertThat(first.get("TotalCount").asLong()).isEqualTo(5);
        assertThat(first.get("requestId").asText())
                .as("ListExperiment's model spells requestId")
                .isNotBlank();
        assertThat(first.has("RequestId")).isFalse();
        assertThat(names(third)).containsExactly("e1");
        assertThat(past.get("Experiments")).isEmpty();
        assertThat(past.get("TotalCount").asLong()).isEqualTo(5);
    }

    @Test
    void listPagesByMaxResultsAndPageTokenUntilTheTokenIsZero() {
        for (String name : List.of("e1", "e2", "e3")) {
            createExperiment(name);
        }
        String query = EXPERIMENTS + "?WorkspaceId=" + workspaceId + "&Order=ASC&MaxResults=2";

        JsonNode first = api.get(query).body();
        JsonNode second = api.get(
                        query + "&PageToken=" + first.get("NextPageToken").asLong())
                .body();

        assertThat(names(first)).containsExactly("e1", "e2");
        assertThat(first.get("NextPageToken").isIntegralNumber()).isTrue();
        assertThat(first.get("NextPageToken").asLong()).isEqualTo(2);
        assertThat(names(second)).containsExactly("e3");
        assertThat(second.get("NextPageToken").asLong()).isZero();
        assertThat(second.get("TotalCount").asLong()).isEqualTo(3);
    }

    @Test
    void listFiltersByNameAsAPartOrExactlyWithMatchNameExactly() {
        createExperiment("test_experiment_abc");
        createExperiment("test_experiment_abcd");
        createExperiment("other");
        String base = EXPERIMENTS + "?WorkspaceId=" + workspaceId + "&Order=ASC&Name=";

        assertThat(names(api.get(base + "TEST_experiment_abc").body()))
                .containsExactly("test_experiment_abc", "test_experiment_abcd");
        assertThat(names(api.get(base + "test_experiment_abc&Options=%7B%22match_name_exactly%22%3A%22true%22%7D")
                        .body()))
                .containsExactly("test_experiment_abc");
        assertError(api.get(base + "x&Options=%7B%22match_name_exactly%22%3A%22maybe%22%7D"), 400, "InvalidParameter");
    }

    @Test
    void listFiltersByLabels() {
        api.post(
                EXPERIMENTS,
                "{\"Name\":\"evaluated\",\"WorkspaceId\":\"" + workspaceId
                        + "\",\"Labels\":[{\"Key\":\"is_evaluation\",\"Value\":\"true\"}]}");
        createExperiment("plain");

        JsonNode colon = api.get(EXPERIMENTS + "?WorkspaceId=" + workspaceId + "&Labels=is_evaluation:true")
                .body();
        JsonNode equals = api.get(EXPERIMENTS + "?WorkspaceId=" + workspaceId + "&Labels=is_evaluation%3Dtrue")
                .body();

        assertThat(names(colon)).containsExactly("evaluated");
        assertThat(names(equals)).containsExactly("evaluated");
    }

    @Test
    void listSortsBySortByAndOrderAndByOrderBy() {
        createExperiment("b");
        createExperiment("c");
        createExperiment("a");
        String base = EXPERIMENTS + "?WorkspaceId=" + workspaceId;

        assertThat(names(api.get(base + "&SortBy=Name&Order=ASC").body())).containsExactly("a", "b", "c");
        assertThat(names(api.get(base + "&SortBy=GmtCreateTime&Order=ASC").body()))
                .containsExactly("b", "c", "a");
        assertThat(names(api.get(base + "&OrderBy=Name%20DESC").body())).containsExactly("c", "b", "a");
        assertThat(names(api.get(base + "&OrderBy=GmtCreateTime").body())).containsExactly("b", "c", "a");
        assertError(api.get(base + "&OrderBy=Color%20DESC"), 400, "InvalidParameter");
        assertError(api.get(base + "&SortBy=Color"), 400, "InvalidParameter");
    }

    @Test
    void listWithoutAWorkspaceListsTheDefaultWorkspacesExperiments() {
        createExperiment("in-default");
        String other = api.createWorkspace("other_ws");
        api.post(EXPERIMENTS, "{\"Name\":\"elsewhere\",\"WorkspaceId\":\"" + other + "\"}");
        assertError(api.get(EXPERIMENTS), 404, "100400027");

        fake.makeDefault(workspaceId);

        assertThat(names(api.get(EXPERIMENTS).body())).containsExactly("in-default");
    }

    @Test
    void listVerboseAddsEachLatestRun() {
        String id = createExperiment("v");
        String runId = api.post("/api/v1/runs", "{\"ExperimentId\":\"" + id + "\"}")
                .body()
                .get("RunId")
                .asText();

        JsonNode items = api.get(EXPERIMENTS + "?WorkspaceId=" + workspaceId + "&Verbose=true")
                .body()
                .get("Experiments");

        assertThat(items.get(0).get("LatestRun").get("RunId").asText()).isEqualTo(runId);
        assertThat(api.get(EXPERIMENTS + "?WorkspaceId=" + workspaceId)
                        .body()
                        .get("Experiments")
                        .get(0)
                        .has("LatestRun"))
                .isFalse();
    }

    @Test
    void listRefusesBadPaging() {
        String base = EXPERIMENTS + "?WorkspaceId=" + workspaceId;
        assertError(api.get(base + "&PageSize=0"), 400, "InvalidParameter");
        assertError(api.get(base + "&PageSize=101"), 400, "InvalidParameter");
        assertError(api.get(base + "&PageNumber=0"), 400, "InvalidParameter");
        assertError(api.get(base + "&MaxResults=0"), 400, "InvalidParameter");
        assertError(api.get(base + "&PageToken=-1"), 400, "InvalidParameter");
        assertError(api.get(base + "&PageToken=x"), 400, "InvalidParameter");
        assertError(api.get(base + "&Order=UP"), 400, "InvalidParameter");
    }
}
