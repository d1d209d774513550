package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.BrokenVariants.QUIET;
import static io.github.paiworkspacefake.contract.BrokenVariants.assertCaught;
import static io.github.paiworkspacefake.contract.BrokenVariants.is;
import static io.github.paiworkspacefake.contract.BrokenVariants.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.contract.BrokenVariants.Broken;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The model registry's checks catch an implementation that breaks one of their rules, and name the failing check. Each
 * variant puts the fake behind a {@link MutatingProxy} that breaks one rule and runs the model registry's check classes
 * (with cleanup); {@link BrokenVariants#assertCaught} fails unless the proxy altered something and the named check failed.
 */
class ModelRegistryBrokenImplementationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Class<?>> CHECKS =
            List.of(ModelRegistryContractChecks.class, ModelRegistryLifecycleContractChecks.class, RunCleanup.class);

    private static Broken run(
            UnaryOperator<MutatingProxy.Exchange> onRequest,
            MutatingProxy.LocalAnswer local,
            UnaryOperator<MutatingProxy.Exchange> onResponse)
            throws IOException {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
                MutatingProxy proxy = new MutatingProxy(fake.baseUrl(), onRequest, local, onResponse)) {
            ContractConfig config = new ContractConfig(URI.create(proxy.baseUrl()), "cn-hangzhou", "ak", "sk", true);
            return new Broken(ContractSuite.run(config, null, QUIET, CHECKS), proxy.alterations());
        }
    }

    private static Broken requestsAltered(UnaryOperator<MutatingProxy.Exchange> onRequest) throws IOException {
        return run(onRequest, request -> null, UnaryOperator.identity());
    }

    private static Broken responsesAltered(UnaryOperator<MutatingProxy.Exchange> onResponse) throws IOException {
        return run(UnaryOperator.identity(), request -> null, onResponse);
    }

    private static Broken answeredLocally(Predicate<MutatingProxy.Exchange> which, String extraMember)
            throws IOException {
        return run(
                UnaryOperator.identity(),
                request -> {
                    if (!which.test(request)) {
                        return null;
                    }
                    String requestId = UUID.randomUUID().toString();
                    ObjectNode body = JSON.createObjectNode().put("RequestId", requestId);
                    if (extraMember != null) {
                        body.put(extraMember, lastSegment(request.pathAndQuery));
                    }
                    request.status = 200;
                    request.responseBody = body.toString();
                    request.responseHeaders.put("x-acs-request-id", requestId);
                    return request;
                },
                UnaryOperator.identity());
    }

    private static String lastSegment(String pathAndQuery) {
        String path = pathAndQuery.replaceFirst("\\?.*", "").replaceFirst("/publish$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static final String MODEL = "/api/v1/models/[^/?]+";
    private static final String VERSION = MODEL + "/versions/[^/?]+";
    private static final String CODE_SOURCE = "/api/v1/codesources/[^/?]+";

    /** Changes the JSON answers of the requests {@code which} selects. */
    private static UnaryOperator<MutatingProxy.Exchange> answers(
            Predicate<MutatingProxy.Exchange> which, UnaryOperator<ObjectNode> change) {
        return exchange -> {
            if (which.test(exchange) && exchange.responseBody != null && exchange.responseBody.startsWith("{")) {
                exchange.responseBody =
                        change.apply(json(exchange.responseBody)).toString();
            }
            return exchange;
        };
    }

    // The variants' own safeguard.

    @Test
    void theUnbrokenFakePassesThroughTheProxy() throws IOException {
        Broken unbroken = responsesAltered(UnaryOperator.identity());

        assertThat(unbroken.result().failures()).isEmpty();
        assertThat(unbroken.alterations()).isZero();
        assertThat(unbroken.result().checks()).hasSizeGreaterThan(15);
    }

    // Not found.

    @Test
    void anUnknownModelAnswered400IsCaught() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (is(exchange, "GET", MODEL) && exchange.status == 404) {
                        exchange.status = 400;
                    }
                    return exchange;
                }),
                "GetModel of an unknown ModelId");
    }

    @Test
    void theVersionsOfAnUnknownModelAnsweredWithTheVersionsCodeAreCaught() throws IOException {
        assertCaught(
                responsesAltered(answers(
                        exchange -> exchange.method.equals("GET")
                                && exchange.pathAndQuery.contains("/versions")
                                && exchange.status == 404,
                        body -> body.put("Code", ModelRegistryContractChecks.VERSION_NOT_FOUND))),
                "GetModelVersion and ListModelVersions of an unknown model");
    }

    @Test
    void anUnknownCodeSourceWithAnotherCodeIsCaught() throws IOException {
        assertCaught(
                responsesAltered(answers(
                        exchange -> is(exchange, "GET", CODE_SOURCE) && exchange.status == 404,
                        body -> body.put("Code", "201400004"))),
                "GetCodeSource of an unknown CodeSourceId");
    }

    @Test
    void aDeletedVersionAnsweredWithTheModelsCodeIsCaught() throws IOException {
        assertCaught(
                responsesAltered(answers(
                        exchange -> is(exchange, "GET", VERSION)
                                && exchange.status == 404
                                && exchange.responseBody.contains(ModelRegistryContractChecks.VERSION_NOT_FOUND),
                        body -> body.put("Code", ModelRegistryContractChecks.MODEL_NOT_FOUND))),
                "DeleteModelVersion then GetModelVersion");
    }

    // Shapes.

    @Test
    void aTotalCountAsAStringIsCaught() throws IOException {
        assertCaught(
                responsesAltered(answers(
                        exchange -> is(exchange, "GET", "/api/v1/models") && exchange.status == 200,
                        body -> body.put("TotalCount", body.path("TotalCount").asText()))),
                "ListModels answers the documented shape");
    }

    @Test
    void aCodeSourceSpellingGmtModifiedTimeIsCaught() throws IOException {
        assertCaught(
                responsesAltered(
                        answers(exchange -> is(exchange, "GET", CODE_SOURCE) && exchange.status == 200, body -> {
                            body.set("GmtModifiedTime", body.remove("GmtModifyTime"));
                            return body;
                        })),
                "CreateCodeSource then GetCodeSource");
    }

    // Register then read.

    @Test
    void labelsAnsweredInAnotherOrderAreCaught() throws IOException {
        assertCaught(
                responsesAltered(answers(exchange -> is(exchange, "GET", MODEL) && exchange.status == 200, body -> {
                    if (body.path("Labels").size() > 1) {
                        ArrayNode reversed = JSON.createArrayNode();
                        body.get("Labels").forEach(label -> reversed.insert(0, label));
                        body.set("Labels", reversed);
                    }
                    return body;
                })),
                "CreateModel then GetModel returns every member as sent");
    }

    @Test
    void modelsPublicByDefaultAreCaught() throws IOException {
        assertCaught(
                responsesAltered(answers(
                        exchange -> is(exchange, "GET", MODEL) && exchange.status == 200,
                        body -> body.put("Accessibility", "PUBLIC"))),
                "CreateModel then GetModel returns every member as sent");
    }

    @Test
    void anUpdateThatClearsMembersNotSentIsCaught() throws IOException {
        assertCaught(
                requestsAltered(exchange -> {
                    if (is(exchange, "PUT", MODEL)) {
                        exchange.requestBody =
                                json(exchange.requestBody).put("Task", "").toString();
                    }
                    return exchange;
                }),
                "UpdateModel changes only the members sent");
    }

    @Test
    void versionsNamedOtherwiseThanTheReferenceSaysAreCaught() throws IOException {
        assertCaught(
                responsesAltered(answers(
                        exchange -> is(exchange, "POST", MODEL + "/versions") && exchange.status == 200,
                        body -> body.put(
                                "VersionName", body.path("VersionName").asText().replace("0.2.0", "0.1.1")))),
                "names the first version 0.1.0 and the second 0.2.0");
    }

    @Test
    void aSpecNotKeptAsSentIsCaught() throws IOException {
        assertCaught(
                responsesAltered(answers(exchange -> is(exchange, "GET", VERSION) && exchange.status == 200, body -> {
                    if (body.has("InferenceSpec")) {
                        body.putObject("InferenceSpec");
                    }
                    return body;
                })),
                "GetModelVersion returns the specs as sent");
    }

    @Test
    void anAccessTokenLeftOutIsCaught() throws IOException {
        assertCaught(
                responsesAltered(
                        answers(exchange -> is(exchange, "GET", CODE_SOURCE) && exchange.status == 200, body -> {
                            body.remove("CodeRepoAccessToken");
                            return body;
                        })),
                "CodeRepoAccessToken included");
    }

    // The latest version and the name filters.

    @Test
    void theFirstVersionShownAsTheLatestIsCaught() throws IOException {
        assertCaught(
                responsesAltered(answers(
                        exchange -> (is(exchange, "GET", MODEL) || is(exchange, "GET", "/api/v1/models"))
                                && exchange.status == 200,
                        body -> {
                            body.findParents("VersionName").forEach(version -> {
                                if (version.path("VersionName").asText().equals("1.1.0")) {
                                    ((ObjectNode) version).put("VersionName", "1.0.0");
                                }
                            });
                            return body;
                        })),
                "most recently created version as LatestVersion");
    }

    @Test
    void quotedNamesMatchedAsPartsAreCaught() throws IOException {
        assertCaught(
                requestsAltered(exchange -> {
                    if (is(exchange, "GET", "/api/v1/models") && exchange.pathAndQuery.contains("ModelName=%22")) {
                        exchange.pathAndQuery = exchange.pathAndQuery.replace("%22", "");
                    }
                    return exchange;
                }),
                "a ModelName in double quotes matches that name exactly");
    }

    // Labels, duplicates and paging.

    @Test
    void labelDeletionsAcceptedButIgnoredAreCaught() throws IOException {
        assertCaught(
                answeredLocally(exchange -> is(exchange, "DELETE", MODEL + "/labels"), null),
                "DeleteModelLabels removes exactly the keys given");
    }

    @Test
    void aVersionNameAcceptedTwiceIsCaught() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (is(exchange, "POST", MODEL + "/versions") && exchange.status == 409) {
                        exchange.status = 200;
                        exchange.responseBody = JSON.createObjectNode()
                                .put("RequestId", exchange.responseHeaders.get("x-acs-request-id"))
                                .put("VersionName", "1.0.0")
                                .toString();
                    }
                    return exchange;
                }),
                "with a VersionName the model has is refused");
    }

    @Test
    void versionPagesThatIgnorePageNumberAreCaught() throws IOException {
        assertCaught(
                requestsAltered(exchange -> {
                    if (is(exchange, "GET", MODEL + "/versions")) {
                        exchange.pathAndQuery = exchange.pathAndQuery.replaceAll("PageNumber=\\d+&?", "");
                    }
                    return exchange;
                }),
                "ListModelVersions pages with TotalCount");
    }

    // Publish and delete.

    @Test
    void aPublishAcceptedButIgnoredIsCaught() throws IOException {
        assertCaught(
                answeredLocally(exchange -> is(exchange, "PUT", CODE_SOURCE + "/publish"), "CodeSourceId"),
                "PublishCodeSource turns a PRIVATE code source PUBLIC");
    }

    @Test
    void aModelDeletionThatKeepsTheModelIsCaught() throws IOException {
        assertCaught(
                answeredLocally(exchange -> is(exchange, "DELETE", MODEL), null),
                "DeleteModel then GetModel and its versions are 404");
    }

    @Test
    void aCodeSourceDeletionThatKeepsItIsCaught() throws IOException {
        assertCaught(
                answeredLocally(exchange -> is(exchange, "DELETE", CODE_SOURCE), "CodeSourceId"),
                "DeleteCodeSource then GetCodeSource is 404");
    }

    @Test
    void whatAnImplementationKeepsAfterADeletionFailsTheCheckThatCreatedIt() throws IOException {
        Broken broken = run(
                UnaryOperator.identity(),
                request -> {
                    if (!is(request, "DELETE", MODEL)) {
                        return null;
                    }
                    request.status = 500;
                    request.responseBody = JSON.createObjectNode()
                            .put("RequestId", "r-" + UUID.randomUUID())
                            .put("Code", "InternalError")
                            .put("Message", "no")
                            .put("HostId", "h")
                            .toString();
                    return request;
                },
                UnaryOperator.identity());

        assertThat(broken.result().failures())
                .extracting(ContractResult.Check::message)
                .anyMatch(message -> message.contains("could not delete") && message.contains("delete it by hand"));
    }
}
