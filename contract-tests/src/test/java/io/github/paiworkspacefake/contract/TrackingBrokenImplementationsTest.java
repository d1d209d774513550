package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.BrokenVariants.QUIET;
import static io.github.paiworkspacefake.contract.BrokenVariants.acceptedButIgnored;
import static io.github.paiworkspacefake.contract.BrokenVariants.assertCaught;
import static io.github.paiworkspacefake.contract.BrokenVariants.is;
import static io.github.paiworkspacefake.contract.BrokenVariants.json;
import static io.github.paiworkspacefake.contract.BrokenVariants.withoutParameter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.contract.BrokenVariants.Broken;
import io.github.paiworkspacefake.server.OfficialImage;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The experiment, run and image checks catch an implementation that breaks their rules, and name the failing check.
 * Each variant puts a fake (holding the example official images) behind a {@link MutatingProxy} that breaks one rule,
 * and runs the family's check class it concerns; {@link BrokenVariants#assertCaught} fails unless the proxy really
 * altered something and the named check failed.
 */
class TrackingBrokenImplementationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Broken run(
            Class<?> checks,
            UnaryOperator<MutatingProxy.Exchange> onRequest,
            MutatingProxy.LocalAnswer local,
            UnaryOperator<MutatingProxy.Exchange> onResponse)
            throws IOException {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                        .officialImages(OfficialImage.examples())
                        .build()
                        .start();
                MutatingProxy proxy = new MutatingProxy(fake.baseUrl(), onRequest, local, onResponse)) {
            ContractResult result = ContractSuite.run(
                    TrackingContractChecksTest.against(proxy.baseUrl(), true),
                    null,
                    QUIET,
                    List.of(checks, RunWideContractChecks.class, RunCleanup.class));
            return new Broken(result, proxy.alterations());
        }
    }

    private static Broken responses(Class<?> checks, UnaryOperator<MutatingProxy.Exchange> onResponse)
            throws IOException {
        return run(checks, UnaryOperator.identity(), request -> null, onResponse);
    }

    private static Broken requests(Class<?> checks, UnaryOperator<MutatingProxy.Exchange> onRequest)
            throws IOException {
        return run(checks, onRequest, request -> null, UnaryOperator.identity());
    }

    private static Broken answered(Class<?> checks, MutatingProxy.LocalAnswer local) throws IOException {
        return run(checks, UnaryOperator.identity(), local, UnaryOperator.identity());
    }

    // ---- which exchange

    private static final String EXPERIMENTS = "/api/v1/experiments";
    private static final String EXPERIMENT = EXPERIMENTS + "/[^/]+";
    private static final String RUNS = "/api/v1/runs";
    private static final String RUN = RUNS + "/[^/]+";
    private static final String METRICS = RUN + "/metrics";
    private static final String IMAGES = "/api/v1/images";
    private static final String IMAGE = IMAGES + "/[^/]+";

    // ---- how

    /** Changes a 200 answer's JSON body. */
    private static MutatingProxy.Exchange edit(MutatingProxy.Exchange exchange, UnaryOperator<ObjectNode> change) {
        if (exchange.status == 200) {
            exchange.responseBody = change.apply(json(exchange.responseBody)).toString();
        }
        return exchange;
    }

    /** Drops a query parameter of the requests {@code which} selects, as an implementation ignoring it would. */
    private static UnaryOperator<MutatingProxy.Exchange> ignoring(
            Predicate<MutatingProxy.Exchange> which, String parameter) {
        return exchange -> {
            if (which.test(exchange)) {
                exchange.pathAndQuery = withoutParameter(exchange.pathAndQuery, parameter);
            }
            return exchange;
        };
    }

    /** Rewrites the Labels (or LabelFilter) query parameter's decoded value. */
    private static UnaryOperator<MutatingProxy.Exchange> rewritingLabels(UnaryOperator<String> change) {
        return exchange -> {
            if (!is(exchange, "GET", IMAGES) || !exchange.pathAndQuery.contains("Labels=")) {
                return exchange;
            }
            String[] parts = exchange.pathAndQuery.split("\\?", 2);
            List<String> pairs = new ArrayList<>();
            for (String pair : parts[1].split("&", -1)) {
                if (pair.startsWith("Labels=")) {
                    String value = URLDecoder.decode(pair.substring("Labels=".length()), StandardCharsets.UTF_8);
                    pair = "Labels=" + URLEncoder.encode(change.apply(value), StandardCharsets.UTF_8);
                }
                pairs.add(pair);
            }
            exchange.pathAndQuery = parts[0] + "?" + String.join("&", pairs);
            return exchange;
        };
    }

    /** Answers the requests {@code which} selects with 200 and a request id, without passing them to the fake. */
    private static MutatingProxy.LocalAnswer acceptedButIgnored(Predicate<MutatingProxy.Exchange> which, String body) {
        return request -> {
            if (!which.test(request)) {
                return null;
            }
            String requestId = UUID.randomUUID().toString();
            request.status = 200;
            request.responseBody = body.replace("REQUEST_ID", requestId);
            request.responseHeaders.put("x-acs-request-id", requestId);
            return request;
        };
    }

    // ---- the variants' own safeguard

    @Test
    void theUnbrokenFakePassesThroughTheProxy() throws IOException {
        for (Class<?> checks :
                List.of(ExperimentContractChecks.class, RunContractChecks.class, ImageContractChecks.class)) {
            Broken unbroken = responses(checks, UnaryOperator.identity());

            assertThat(unbroken.result().failures()).as("%s: failures", checks).isEmpty();
            assertThat(unbroken.alterations()).as("%s: alterations", checks).isZero();
        }
    }

    // ---- experiments

    @Test
    void catchesACreateExperimentAnswerWithoutItsId() throws IOException {
        assertCaught(
                responses(
                        ExperimentContractChecks.class,
                        exchange -> is(exchange, "POST", EXPERIMENTS)
                                ? edit(exchange, body -> {
                                    body.remove("ExperimentId");
                                    return body;
                                })
                                : exchange),
                "CreateExperiment then GetExperiment");
    }

    @Test
    void catchesAGetExperimentThatChangesWhatWasStored() throws IOException {
        assertCaught(
                responses(
                        ExperimentContractChecks.class,
                        exchange -> is(exchange, "GET", EXPERIMENT)
                                ? edit(exchange, body -> body.put("ArtifactUri", "oss://elsewhere/"))
                                : exchange),
                "CreateExperiment then GetExperiment");
    }

    @Test
    void catchesASecondExperimentOfTheSameNameAccepted() throws IOException {
        Set<String> names = ConcurrentHashMap.newKeySet();
        assertCaught(
                answered(ExperimentContractChecks.class, request -> {
                    if (!is(request, "POST", EXPERIMENTS)) {
                        return null;
                    }
                    String name = json(request.requestBody).path("Name").asText();
                    if (names.add(name)) {
                        return null;
                    }
                    return acceptedButIgnored(
                                    exchange -> true,
                                    "{\"RequestId\":\"REQUEST_ID\",\"ExperimentId\":\"exp-duplicate\"}")
                            .answer(request);
                }),
                "a second experiment of the same name");
    }

    @Test
    void catchesListExperimentIgnoringPageNumber() throws IOException {
        assertCaught(
                requests(
                        ExperimentContractChecks.class,
                        ignoring(exchange -> is(exchange, "GET", EXPERIMENTS), "PageNumber")),
                "ListExperiment pages both ways");
    }

    @Test
    void catchesListExperimentIgnoringPageToken() throws IOException {
        assertCaught(
                requests(
                        ExperimentContractChecks.class,
                        ignoring(exchange -> is(exchange, "GET", EXPERIMENTS), "PageToken")),
                "ListExperiment pages both ways");
    }

    @Test
    void catchesATotalCountCountingOnlyThePage() throws IOException {
        assertCaught(
                responses(
                        ExperimentContractChecks.class,
                        exchange -> is(exchange, "GET", EXPERIMENTS)
                                ? edit(
                                        exchange,
                                        body -> body.put(
                                                "TotalCount",
                                                body.get("Experiments").size()))
                                : exchange),
                "ListExperiment pages both ways");
    }

    @Test
    void catchesALastPageWithoutNextPageTokenZero() throws IOException {
        assertCaught(
                responses(
                        ExperimentContractChecks.class,
                        exchange -> is(exchange, "GET", EXPERIMENTS)
                                ? edit(exchange, body -> {
                                    if (body.path("NextPageToken").asLong(-1) == 0) {
                                        body.remove("NextPageToken");
                                    }
                                    return body;
                                })
                                : exchange),
                "ListExperiment pages both ways");
    }

    @Test
    void catchesListExperimentSpellingRequestIdAsMostOperationsDo() throws IOException {
        assertCaught(
                responses(
                        ExperimentContractChecks.class,
                        exchange -> is(exchange, "GET", EXPERIMENTS)
                                ? edit(exchange, body -> {
                                    body.set("RequestId", body.remove("requestId"));
                                    return body;
                                })
                                : exchange),
                "ListExperiment");
    }

    @Test
    void catchesAnUpdateExperimentAnsweredButNotApplied() throws IOException {
        assertCaught(
                answered(
                        ExperimentContractChecks.class,
                        acceptedButIgnored(
                                exchange -> is(exchange, "PUT", EXPERIMENT), "{\"RequestId\":\"REQUEST_ID\"}")),
                "UpdateExperiment then GetExperiment");
    }

    @Test
    void catchesADeletedExperimentAnsweredWithTheCodeTerraformRetries() throws IOException {
        assertCaught(
                responses(ExperimentContractChecks.class, exchange -> {
                    if (is(exchange, "GET", EXPERIMENT) && exchange.status == 404) {
                        exchange.responseBody = json(exchange.responseBody)
                                .put("Code", "NotFoundErrorProblem")
                                .toString();
                    }
                    return exchange;
                }),
                "DeleteExperiment then GetExperiment");
    }

    @Test
    void catchesADeletedExperimentAnsweredWithAServerError() throws IOException {
        assertCaught(
                responses(ExperimentContractChecks.class, exchange -> {
                    if (is(exchange, "GET", EXPERIMENT) && exchange.status == 404) {
                        exchange.status = 500;
                    }
                    return exchange;
                }),
                "DeleteExperiment then GetExperiment");
    }

    @Test
    void catchesADeleteExperimentThatKeepsTheExperiment() throws IOException {
        assertCaught(
                answered(
                        ExperimentContractChecks.class,
                        acceptedButIgnored(
                                exchange -> is(exchange, "DELETE", EXPERIMENT), "{\"RequestId\":\"REQUEST_ID\"}")),
                "DeleteExperiment then GetExperiment");
    }

    // ---- runs

    @Test
    void catchesCreateRunSpellingRequestIdAsMostOperationsDo() throws IOException {
        assertCaught(
                responses(
                        RunContractChecks.class,
                        exchange -> is(exchange, "POST", RUNS)
                                ? edit(exchange, body -> {
                                    body.set("RequestId", body.remove("requestId"));
                                    return body;
                                })
                                : exchange),
                "CreateRun then GetRun");
    }

    @Test
    void catchesAGetRunWithoutTheNameTerraformNeeds() throws IOException {
        assertCaught(
                responses(
                        RunContractChecks.class,
                        exchange -> is(exchange, "GET", RUN)
                                ? edit(exchange, body -> {
                                    body.remove("Name");
                                    return body;
                                })
                                : exchange),
                "CreateRun then GetRun");
    }

    @Test
    void catchesAnUnnamedRunNotNamedByItsId() throws IOException {
        assertCaught(
                responses(
                        RunContractChecks.class,
                        exchange -> is(exchange, "GET", RUN)
                                ? edit(exchange, body -> {
                                    if (body.path("Name")
                                            .asText()
                                            .equals(body.path("RunId").asText())) {
                                        body.put("Name", "unnamed");
                                    }
                                    return body;
                                })
                                : exchange),
                "named by its RunId");
    }

    @Test
    void catchesGetRunIgnoringVerbose() throws IOException {
        assertCaught(
                requests(RunContractChecks.class, ignoring(exchange -> is(exchange, "GET", RUN), "Verbose")),
                "CreateRun then GetRun");
    }

    @Test
    void catchesListRunsIgnoringSourceType() throws IOException {
        assertCaught(
                requests(RunContractChecks.class, ignoring(exchange -> is(exchange, "GET", RUNS), "SourceType")),
                "ListRuns filters by ExperimentId, SourceType and Name");
    }

    @Test
    void catchesListRunsIgnoringPageSize() throws IOException {
        assertCaught(
                requests(RunContractChecks.class, ignoring(exchange -> is(exchange, "GET", RUNS), "PageSize")),
                "ListRuns filters by ExperimentId, SourceType and Name");
    }

    @Test
    void catchesMetricsListedOutOfOrder() throws IOException {
        assertCaught(
                responses(
                        RunContractChecks.class,
                        exchange -> is(exchange, "GET", METRICS)
                                ? edit(exchange, body -> {
                                    List<JsonNode> metrics = new ArrayList<>();
                                    body.get("Metrics").forEach(metrics::add);
                                    ArrayNode reversed = body.putArray("Metrics");
                                    for (int i = metrics.size() - 1; i >= 0; i--) {
                                        reversed.add(metrics.get(i));
                                    }
                                    return body;
                                })
                                : exchange),
                "LogRunMetrics then ListRunMetrics");
    }

    @Test
    void catchesLogRunMetricsAcceptedButDropped() throws IOException {
        assertCaught(
                answered(
                        RunContractChecks.class,
                        acceptedButIgnored(
                                exchange -> is(exchange, "POST", METRICS + "/action/log"),
                                "{\"requestId\":\"REQUEST_ID\"}")),
                "LogRunMetrics then ListRunMetrics");
    }

    @Test
    void catchesListRunMetricsIgnoringMaxResults() throws IOException {
        assertCaught(
                requests(RunContractChecks.class, ignoring(exchange -> is(exchange, "GET", METRICS), "MaxResults")),
                "LogRunMetrics then ListRunMetrics");
    }

    @Test
    void catchesListRunMetricsWithoutNextPageToken() throws IOException {
        assertCaught(
                responses(
                        RunContractChecks.class,
                        exchange -> is(exchange, "GET", METRICS)
                                ? edit(exchange, body -> {
                                    body.remove("NextPageToken");
                                    return body;
                                })
                                : exchange),
                "LogRunMetrics then ListRunMetrics");
    }

    @Test
    void catchesADeletedRunStillFound() throws IOException {
        assertCaught(
                answered(
                        RunContractChecks.class,
                        acceptedButIgnored(exchange -> is(exchange, "DELETE", RUN), "{\"requestId\":\"REQUEST_ID\"}")),
                "DeleteRun then GetRun");
    }

    // ---- images

    @Test
    void catchesTheLabelWildcardIgnored() throws IOException {
        assertCaught(
                requests(
                        ImageContractChecks.class,
                        rewritingLabels(labels -> Arrays.stream(labels.split(",", -1))
                                .filter(pair -> !pair.endsWith("=*"))
                                .collect(Collectors.joining(",")))),
                "a value * matches any value");
    }

    @Test
    void catchesLabelFiltersMatchingOnlyTheFirstPair() throws IOException {
        assertCaught(
                requests(ImageContractChecks.class, rewritingLabels(labels -> labels.split(",", -1)[0])),
                "need every key=value pair");
    }

    @Test
    void catchesListImagesIgnoringPageSize() throws IOException {
        assertCaught(
                requests(ImageContractChecks.class, ignoring(exchange -> is(exchange, "GET", IMAGES), "PageSize")),
                "need every key=value pair");
    }

    @Test
    void catchesGetImageIgnoringVerbose() throws IOException {
        assertCaught(
                requests(ImageContractChecks.class, ignoring(exchange -> is(exchange, "GET", IMAGE), "Verbose")),
                "AddImage then GetImage");
    }

    @Test
    void catchesLabelsListedWithoutVerbose() throws IOException {
        assertCaught(
                responses(
                        ImageContractChecks.class,
                        exchange -> is(exchange, "GET", IMAGES) && !exchange.pathAndQuery.contains("Verbose=true")
                                ? edit(exchange, body -> {
                                    body.get("Images").forEach(image -> ((ObjectNode) image).putArray("Labels"));
                                    return body;
                                })
                                : exchange),
                "lists official images");
    }

    @Test
    void catchesOfficialImagesWithoutTheOfficialLabel() throws IOException {
        assertCaught(
                responses(
                        ImageContractChecks.class,
                        exchange -> is(exchange, "GET", IMAGES)
                                ? edit(exchange, body -> {
                                    body.get("Images").forEach(image -> {
                                        if (image.has("Labels")) {
                                            ArrayNode kept = JSON.createArrayNode();
                                            image.get("Labels").forEach(label -> {
                                                if (!label.path("Key").asText().equals("system.official")) {
                                                    kept.add(label);
                                                }
                                            });
                                            ((ObjectNode) image).set("Labels", kept);
                                        }
                                    });
                                    return body;
                                })
                                : exchange),
                "lists official images");
    }

    @Test
    void catchesListImageLabelsIgnoringLabelKeys() throws IOException {
        assertCaught(
                requests(
                        ImageContractChecks.class,
                        ignoring(exchange -> is(exchange, "GET", "/api/v1/image/labels"), "LabelKeys")),
                "ListImageLabels answers the values of LabelKeys");
    }

    @Test
    void catchesAPublishImageAnsweredButNotApplied() throws IOException {
        assertCaught(
                answered(ImageContractChecks.class, request -> {
                    if (!is(request, "PUT", IMAGE + "/publish")) {
                        return null;
                    }
                    String id = request.pathAndQuery.split("/", -1)[4];
                    return acceptedButIgnored(
                                    exchange -> true, "{\"RequestId\":\"REQUEST_ID\",\"ImageId\":\"" + id + "\"}")
                            .answer(request);
                }),
                "PublishImage turns a PRIVATE image PUBLIC");
    }

    @Test
    void catchesARemoveImageThatKeepsTheImage() throws IOException {
        assertCaught(
                answered(
                        ImageContractChecks.class,
                        acceptedButIgnored(
                                exchange -> is(exchange, "DELETE", IMAGE), "{\"RequestId\":\"REQUEST_ID\"}")),
                "RemoveImage then GetImage is 404");
    }

    @Test
    void catchesAnIncompleteImageBuildAccepted() throws IOException {
        assertCaught(
                answered(
                        ImageContractChecks.class,
                        acceptedButIgnored(
                                exchange -> is(exchange, "POST", "/api/v1/imagebuilds"),
                                "{\"RequestId\":\"REQUEST_ID\",\"ImageBuildId\":\"build-x\",\"ImageBuildJobId\":\"dlc-x\"}")),
                "CreateImageBuild without a BuildConfig");
    }
}
