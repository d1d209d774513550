package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.BrokenVariants.QUIET;
import static io.github.paiworkspacefake.contract.BrokenVariants.acceptedButIgnored;
import static io.github.paiworkspacefake.contract.BrokenVariants.assertCaught;
import static io.github.paiworkspacefake.contract.BrokenVariants.is;
import static io.github.paiworkspacefake.contract.BrokenVariants.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.contract.BrokenVariants.Broken;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The dataset checks catch an implementation that breaks a dataset rule, and name the failing check. Each variant puts
 * the fake behind a {@link MutatingProxy} that breaks one rule and runs the dataset checks (and the run-wide ones);
 * {@link BrokenVariants#assertCaught} fails unless the proxy altered something and the named check failed.
 */
class DatasetBrokenImplementationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Class<?>> DATASET_CHECKS =
            List.of(DatasetReadOnlyContractChecks.class, DatasetContractChecks.class, RunWideContractChecks.class);

    private static Broken run(
            UnaryOperator<MutatingProxy.Exchange> onRequest,
            MutatingProxy.LocalAnswer local,
            UnaryOperator<MutatingProxy.Exchange> onResponse)
            throws IOException {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
                MutatingProxy proxy = new MutatingProxy(fake.baseUrl(), onRequest, local, onResponse)) {
            fake.makeDefault(
                    fake.addWorkspace(Workspace.builder("default_ws").build()).workspaceId());
            ContractConfig config = new ContractConfig(URI.create(proxy.baseUrl()), "cn-hangzhou", "ak", "sk", true);
            return new Broken(ContractSuite.run(config, null, QUIET, DATASET_CHECKS), proxy.alterations());
        }
    }

    private static Broken responsesAltered(UnaryOperator<MutatingProxy.Exchange> onResponse) throws IOException {
        return run(UnaryOperator.identity(), request -> null, onResponse);
    }

    private static Broken requestsAltered(UnaryOperator<MutatingProxy.Exchange> onRequest) throws IOException {
        return run(onRequest, request -> null, UnaryOperator.identity());
    }

    private static Broken ignored(Predicate<MutatingProxy.Exchange> which) throws IOException {
        return run(UnaryOperator.identity(), acceptedButIgnored(which), UnaryOperator.identity());
    }

    private static final String DATASET = "/api/v1/datasets/[^/]+";

    private static boolean isGetDataset(MutatingProxy.Exchange exchange) {
        return is(exchange, "GET", DATASET) && exchange.status == 200;
    }

    private static boolean isListDatasets(MutatingProxy.Exchange exchange) {
        return is(exchange, "GET", "/api/v1/datasets");
    }

    /** A JSON string value re-written compactly, as an implementation that parses and re-serializes it would. */
    private static String compacted(String jsonText) {
        try {
            return JSON.writeValueAsString(JSON.readTree(jsonText));
        } catch (IOException e) {
            return jsonText;
        }
    }

    @Test
    void theUnbrokenFakePassesThroughTheProxy() throws IOException {
        Broken unbroken = responsesAltered(UnaryOperator.identity());

        assertThat(unbroken.result().failures()).isEmpty();
        assertThat(unbroken.alterations()).isZero();
        assertThat(unbroken.result().checks())
                .extracting(ContractResult.Check::name)
                .anyMatch(name -> name.startsWith("datasets > "))
                .anyMatch(name -> name.startsWith("datasets read-only > "));
    }

    @Test
    void catchesAMissingMemberInGetDataset() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (isGetDataset(exchange)) {
                        ObjectNode body = json(exchange.responseBody);
                        body.remove("Name");
                        exchange.responseBody = body.toString();
                    }
                    return exchange;
                }),
                "CreateDataset then GetDataset returns what was stored");
    }

    @Test
    void catchesOptionsNotKeptByteForByte() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (isGetDataset(exchange)) {
                        ObjectNode body = json(exchange.responseBody);
                        if (body.has("Options")) {
                            body.put("Options", compacted(body.get("Options").asText()));
                        }
                        exchange.responseBody = body.toString();
                    }
                    return exchange;
                }),
                "CreateDataset then GetDataset returns what was stored");
    }

    @Test
    void catchesLabelsOutOfOrder() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isGetDataset(exchange)) {
                ObjectNode body = json(exchange.responseBody);
                JsonNode labels = body.get("Labels");
                if (labels != null && labels.size() > 1) {
                    ArrayNode reversed = JSON.createArrayNode();
                    for (int i = labels.size() - 1; i >= 0; i--) {
                        reversed.add(labels.get(i));
                    }
                    body.set("Labels", reversed);
                }
                exchange.responseBody = body.toString();
            }
            return exchange;
        });

        assertCaught(broken, "CreateDataset then GetDataset returns what was stored");
        assertCaught(broken, "CreateDatasetLabels appends labels in the order sent");
    }

    @Test
    void catchesAnUndocumentedDefault() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (isGetDataset(exchange)) {
                        exchange.responseBody =
                                exchange.responseBody.replace("\"DataType\":\"COMMON\"", "\"DataType\":\"TEXT\"");
                    }
                    return exchange;
                }),
                "CreateDataset then GetDataset returns what was stored");
    }

    @Test
    void catchesNoFirstVersion() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (isGetDataset(exchange)) {
                        ObjectNode body = json(exchange.responseBody);
                        body.remove("LatestVersion");
                        exchange.responseBody = body.toString();
                    }
                    return exchange;
                }),
                "CreateDataset then GetDataset returns what was stored");
    }

    @Test
    void catchesATotalCountThatCountsOnlyThePage() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (isListDatasets(exchange) && exchange.status == 200) {
                        ObjectNode body = json(exchange.responseBody);
                        body.put("TotalCount", body.get("Datasets").size());
                        exchange.responseBody = body.toString();
                    }
                    return exchange;
                }),
                "ListDatasets pages by PageSize");
    }

    @Test
    void catchesDatasetsAbsentWhenEmpty() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (isListDatasets(exchange) && exchange.status == 200) {
                exchange.responseBody = exchange.responseBody.replace(",\"Datasets\":[]", "");
            }
            return exchange;
        });

        assertCaught(broken, "ListDatasets pages by PageSize");
        assertCaught(broken, "ListDatasets with Provider=pai");
    }

    @Test
    void catchesOrderIgnored() throws IOException {
        assertCaught(
                requestsAltered(exchange -> {
                    if (isListDatasets(exchange)) {
                        exchange.pathAndQuery = exchange.pathAndQuery.replace("Order=DESC", "Order=ASC");
                    }
                    return exchange;
                }),
                "sorts by Name in either Order");
    }

    @Test
    void catchesTheNameFilterIgnored() throws IOException {
        assertCaught(
                requestsAltered(exchange -> {
                    if (isListDatasets(exchange)) {
                        exchange.pathAndQuery = exchange.pathAndQuery.replaceAll("([?&])Name=[^&]*&?", "$1");
                    }
                    return exchange;
                }),
                "ListDatasets filters by Name");
    }

    @Test
    void catchesDeleteDatasetLabelsIgnored() throws IOException {
        assertCaught(
                ignored(exchange -> is(exchange, "DELETE", DATASET + "/labels")),
                "DeleteDatasetLabels removes exactly the LabelKeys named");
    }

    @Test
    void catchesPublishDatasetIgnored() throws IOException {
        assertCaught(
                ignored(exchange -> is(exchange, "PUT", DATASET + "/publish")),
                "PublishDataset turns a PRIVATE dataset PUBLIC");
    }

    @Test
    void catchesUpdateDatasetIgnored() throws IOException {
        assertCaught(
                ignored(exchange -> is(exchange, "PUT", DATASET)),
                "UpdateDataset changes Name, Description and Options");
    }

    @Test
    void catchesAnInvalidDatasetAccepted() throws IOException {
        Broken broken = run(
                UnaryOperator.identity(),
                request -> {
                    if (!is(request, "POST", "/api/v1/datasets")
                            || !request.requestBody.contains("aaaaaaaaaaaaaaaaaaaa")) {
                        return null;
                    }
                    String requestId = UUID.randomUUID().toString();
                    request.status = 200;
                    request.responseBody = "{\"RequestId\":\"" + requestId + "\",\"DatasetId\":\"d-accepted0000\"}";
                    request.responseHeaders.put("x-acs-request-id", requestId);
                    return request;
                },
                UnaryOperator.identity());

        assertCaught(broken, "CreateDataset refuses a missing Name");
    }

    @Test
    void catchesAnotherNotFoundCode() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (exchange.status == 404) {
                        exchange.responseBody = exchange.responseBody.replace("\"201300003\"", "\"DatasetNotFound\"");
                    }
                    return exchange;
                }),
                "GetDataset: an unknown DatasetId is 404 201300003");
    }

    @Test
    void catchesDeleteDatasetIgnored() throws IOException {
        assertCaught(
                ignored(exchange -> is(exchange, "DELETE", DATASET)),
                "DeleteDataset, then GetDataset and GetDatasetVersion of its v1 are 404");
    }

    @Test
    void catchesVersionNamesHandedOutTwice() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (is(exchange, "POST", DATASET + "/versions") && exchange.status == 200) {
                        exchange.responseBody =
                                exchange.responseBody.replaceAll("\"VersionName\":\"v\\d+\"", "\"VersionName\":\"v2\"");
                    }
                    return exchange;
                }),
                "CreateDatasetVersion names versions v2 then v3");
    }

    @Test
    void catchesUpdateDatasetVersionIgnored() throws IOException {
        assertCaught(
                ignored(exchange -> is(exchange, "PUT", DATASET + "/versions/[^/]+")),
                "CreateDatasetVersion names versions v2 then v3");
    }

    @Test
    void catchesFileMetadataPagesWithoutNextToken() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (is(exchange, "GET", DATASET + "/datasetfilemetas") && exchange.status == 200) {
                        ObjectNode body = json(exchange.responseBody);
                        body.remove("NextToken");
                        exchange.responseBody = body.toString();
                    }
                    return exchange;
                }),
                "ListDatasetFileMetas pages by MaxResults and NextToken");
    }

    @Test
    void catchesTheStatisticsRequestIdSpelledAsElsewhere() throws IOException {
        Broken broken = responsesAltered(exchange -> {
            if (exchange.pathAndQuery.startsWith("/api/v1/statistics/") && exchange.status == 200) {
                exchange.responseBody = exchange.responseBody.replace("\"requestId\"", "\"RequestId\"");
            }
            return exchange;
        });

        assertCaught(broken, "GetDatasetFileMetasStatistics counts them");
        assertCaught(broken, "Every answer carries a RequestId");
    }

    @Test
    void catchesDeleteDatasetFileMetasIgnored() throws IOException {
        assertCaught(
                ignored(exchange -> is(exchange, "DELETE", DATASET + "/datasetfilemetas")),
                "DeleteDatasetFileMetas removes one");
    }

    @Test
    void catchesStopDatasetJobIgnored() throws IOException {
        assertCaught(
                ignored(exchange -> is(exchange, "PUT", DATASET + "/datasetjobs/[^/]+/action/stop")),
                "StopDatasetJob leaves it no longer Running");
    }

    @Test
    void catchesAJobConfigNotKeptByteForByte() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (is(exchange, "GET", DATASET + "/datasetjobconfigs/[^/]+") && exchange.status == 200) {
                        ObjectNode body = json(exchange.responseBody);
                        body.put("Config", compacted(body.get("Config").asText()));
                        exchange.responseBody = body.toString();
                    }
                    return exchange;
                }),
                "GetDatasetJobConfig returns its Config byte for byte");
    }
}
