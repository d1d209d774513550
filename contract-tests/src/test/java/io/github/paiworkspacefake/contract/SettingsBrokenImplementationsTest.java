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
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.RecordedRequest;
import io.github.paiworkspacefake.server.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The suite catches an implementation of the workspace-settings operations that breaks the contract, and names the
 * failing check: each variant puts the fake behind a {@link MutatingProxy} that breaks one rule.
 */
class SettingsBrokenImplementationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A run with every check included (product orders too, unless {@code orders} is false) against a fake whose
     * account has a default workspace, prepared by {@code setup}; a job or deletion may take half a second.
     */
    private static Broken run(
            UnaryOperator<MutatingProxy.Exchange> onRequest,
            MutatingProxy.LocalAnswer local,
            UnaryOperator<MutatingProxy.Exchange> onResponse,
            Consumer<PaiWorkspaceFake> setup)
            throws IOException {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
                MutatingProxy proxy = new MutatingProxy(fake.baseUrl(), onRequest, local, onResponse)) {
            fake.addUser(ContractSuiteAgainstFakeTest.ALICE, "alice");
            fake.makeDefault(fake.addWorkspace(
                            Workspace.builder("default_ws").description("d").build())
                    .workspaceId());
            setup.accept(fake);
            ContractConfig config = new ContractConfig(URI.create(proxy.baseUrl()), "cn-hangzhou", "ak", "sk", true)
                    .withResourceGroup(ContractSuiteAgainstFakeTest.SECOND_RESOURCE_GROUP)
                    .withDeletionTimeout(Duration.ofMillis(500))
                    .withAllowProductOrders(true);
            return new Broken(ContractSuite.run(config, null, QUIET), proxy.alterations());
        }
    }

    private static Broken responsesAltered(UnaryOperator<MutatingProxy.Exchange> onResponse) throws IOException {
        return run(UnaryOperator.identity(), request -> null, onResponse, fake -> {});
    }

    private static Broken requestsAltered(UnaryOperator<MutatingProxy.Exchange> onRequest) throws IOException {
        return run(onRequest, request -> null, UnaryOperator.identity(), fake -> {});
    }

    private static final String CONFIGS = "/api/v1/workspaces/[^/?]+/configs";
    private static final String CONNECTION = "/api/v1/connections/conn-[^/?]+";

    /** Changes the JSON body of the 200 answers {@code which} selects. */
    private static UnaryOperator<MutatingProxy.Exchange> alterBody(
            Predicate<MutatingProxy.Exchange> which, Consumer<ObjectNode> change) {
        return exchange -> {
            if (exchange.status == 200 && which.test(exchange)) {
                ObjectNode body = json(exchange.responseBody);
                change.accept(body);
                exchange.responseBody = body.toString();
            }
            return exchange;
        };
    }

    // Configurations

    @Test
    void catchesListConfigsWithoutConfigsWhenThereAreNone() throws IOException {
        assertCaught(
                responsesAltered(alterBody(exchange -> is(exchange, "GET", CONFIGS), body -> {
                    if (body.get("Configs").isEmpty()) {
                        body.remove("Configs");
                    }
                })),
                "ListConfigs answers Configs");
    }

    @Test
    void catchesAConfigValueNotKeptExactly() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (exchange.status == 200 && exchange.pathAndQuery.matches(CONFIGS + "?(\\?.*)?")) {
                        exchange.responseBody = exchange.responseBody.replace("models/ ", "models/%20");
                    }
                    return exchange;
                }),
                "is read back exactly by ListConfigs and GetConfig");
    }

    @Test
    void catchesConfigKeysIgnored() throws IOException {
        assertCaught(
                requestsAltered(exchange -> {
                    if (is(exchange, "GET", CONFIGS)) {
                        exchange.pathAndQuery = withoutParameter(exchange.pathAndQuery, "ConfigKeys");
                    }
                    return exchange;
                }),
                "ConfigKeys filters");
    }

    @Test
    void catchesDeleteConfigIgnored() throws IOException {
        assertCaught(
                run(
                        UnaryOperator.identity(),
                        acceptedButIgnored(exchange -> is(exchange, "DELETE", CONFIGS + "/[^/?]+")),
                        UnaryOperator.identity(),
                        fake -> {}),
                "DeleteConfig removes it");
    }

    // User configurations

    @Test
    void catchesAUserConfigurationWithoutScope() throws IOException {
        assertCaught(
                responsesAltered(alterBody(
                        exchange -> is(exchange, "GET", "/api/v1/userconfigs"),
                        body -> body.get("Configs").forEach(config -> ((ObjectNode) config).remove("Scope")))),
                "SetUserConfigs without Scope");
    }

    // Connections

    @Test
    void catchesASecretAnsweredInPlainTextWhenAskedForCiphertext() throws IOException {
        assertCaught(
                requestsAltered(exchange -> {
                    if (is(exchange, "GET", CONNECTION)) {
                        exchange.pathAndQuery =
                                exchange.pathAndQuery.replace("EncryptOption=Secret", "EncryptOption=PlainText");
                    }
                    return exchange;
                }),
                "CreateConnection keeps Configs and Secrets");
    }

    @Test
    void catchesMaxResultsIgnored() throws IOException {
        assertCaught(
                requestsAltered(exchange -> {
                    if (is(exchange, "GET", "/api/v1/connections")) {
                        exchange.pathAndQuery = withoutParameter(exchange.pathAndQuery, "MaxResults");
                    }
                    return exchange;
                }),
                "ListConnections pages");
    }

    @Test
    void catchesDeleteConnectionIgnored() throws IOException {
        assertCaught(
                run(
                        UnaryOperator.identity(),
                        acceptedButIgnored(exchange -> is(exchange, "DELETE", CONNECTION)),
                        UnaryOperator.identity(),
                        fake -> {}),
                "a deleted connection is gone");
    }

    @Test
    void catchesAnUnknownConnectionAnswered() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (exchange.status == 404 && is(exchange, "GET", CONNECTION)) {
                        exchange.status = 200;
                        exchange.responseBody = "{\"RequestId\":\"" + exchange.responseHeaders.get("x-acs-request-id")
                                + "\",\"ConnectionId\":\"conn-x\"}";
                    }
                    return exchange;
                }),
                "of ids that do not exist are client errors");
    }

    @Test
    void catchesAValidationStatusOutsideTheReference() throws IOException {
        assertCaught(
                responsesAltered(alterBody(
                        exchange -> is(exchange, "POST", "/api/v1/connections/validate"),
                        body -> body.put("Status", "ok"))),
                "CreateConnection keeps Configs and Secrets");
    }

    // Roles and their jobs

    @Test
    void catchesAnInstanceJobThatNeverEnds() throws IOException {
        assertCaught(
                responsesAltered(alterBody(
                        exchange -> is(exchange, "GET", "/api/v1/instancejobs/[^/?]+"),
                        body -> body.put("Status", "Creating"))),
                "CreateWorkspaceRole answers an instance job that ends Successful");
    }

    @Test
    void catchesARoleReadWithoutItsModulePermissions() throws IOException {
        assertCaught(
                responsesAltered(alterBody(
                        exchange -> is(exchange, "GET", "/api/v1/workspaces/[^/?]+/roles/role-[^/?]+"),
                        body -> body.remove("ModulePermissions"))),
                "CreateWorkspaceRole answers an instance job that ends Successful");
    }

    // Permissions

    @Test
    void catchesAPermissionListedTwice() throws IOException {
        assertCaught(
                responsesAltered(alterBody(
                        exchange -> is(exchange, "GET", "/api/v1/workspaces/[^/?]+/permissions"), body -> {
                            ArrayNode permissions = (ArrayNode) body.get("Permissions");
                            if (!permissions.isEmpty()) {
                                permissions.add(permissions.get(0).deepCopy());
                                body.put("TotalCount", permissions.size());
                            }
                        })),
                "lists each PermissionCode once");
    }

    // Resources, quotas, products, features

    @Test
    void catchesATotalCountOfResourcesAsAString() throws IOException {
        assertCaught(
                responsesAltered(alterBody(
                        exchange -> is(exchange, "GET", "/api/v1/resources"),
                        body -> body.put("TotalCount", body.get("TotalCount").asText()))),
                "ListResources of a workspace the run can read");
    }

    @Test
    void catchesIsPurchasedAsAString() throws IOException {
        assertCaught(
                responsesAltered(alterBody(
                        exchange -> is(exchange, "GET", "/api/v1/products"),
                        body -> body.get("Products")
                                .forEach(product -> ((ObjectNode) product)
                                        .put(
                                                "IsPurchased",
                                                product.get("IsPurchased").asText())))),
                "ListProducts for PAI_share with Verbose");
    }

    @Test
    void catchesQuotasAndFeaturesMissing() throws IOException {
        assertCaught(
                responsesAltered(alterBody(
                        exchange -> is(exchange, "GET", "/api/v1/features"), body -> body.remove("Features"))),
                "ListQuotas and ListFeatures answer their documented shapes");
        assertCaught(
                responsesAltered(
                        alterBody(exchange -> is(exchange, "GET", "/api/v1/quotas"), body -> body.remove("Quotas"))),
                "ListQuotas and ListFeatures answer their documented shapes");
    }

    @Test
    void catchesAProductOrderThatPurchasesNothing() throws IOException {
        assertCaught(
                run(
                        UnaryOperator.identity(),
                        request -> {
                            if (!is(request, "POST", "/api/v1/productorders")) {
                                return null;
                            }
                            String requestId = UUID.randomUUID().toString();
                            request.status = 200;
                            request.responseBody = "{\"RequestId\":\"" + requestId + "\",\"OrderId\":\"1\","
                                    + "\"BuyProductRequestId\":\"" + requestId + "\",\"Message\":\"Normal\"}";
                            request.responseHeaders.put("x-acs-request-id", requestId);
                            return request;
                        },
                        UnaryOperator.identity(),
                        fake -> fake.products().notPurchased("PAI_share", true)),
                "ListProducts then finds PAI_share purchased");
    }

    // Prompts and the rest

    @Test
    void catchesPromptContentNotKeptExactly() throws IOException {
        assertCaught(
                responsesAltered(alterBody(
                        exchange -> is(exchange, "GET", "/api/v1/prompts/pmt-[^/?]+"),
                        body -> body.put(
                                "FrameworkContent",
                                body.path("FrameworkContent").asText().strip() + " "))),
                "CreatePrompt, GetPrompt, ListPrompts, UpdatePrompt and DeletePrompt");
    }

    @Test
    void catchesListPromptsWithoutTotalCount() throws IOException {
        assertCaught(
                responsesAltered(alterBody(
                        exchange -> is(exchange, "GET", "/api/v1/prompts"), body -> body.remove("TotalCount"))),
                "ListPrompts of a workspace the run can read");
    }

    @Test
    void catchesAcceptDataworksEventAnsweringWithAnotherRequestIdSpelling() throws IOException {
        assertCaught(
                responsesAltered(alterBody(
                        exchange -> is(exchange, "POST", "/api/v1/workspaces/action/acceptdataworksevent"),
                        body -> body.set("RequestId", body.remove("requestId")))),
                "AcceptDataworksEvent, an internal operation");
    }

    // The suite's own promises

    @Test
    void placesAProductOrderOnlyWithItsOwnFlag() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ContractConfig everythingButOrders = new ContractConfig(
                            URI.create(fake.baseUrl()), "cn-hangzhou", "ak", "sk", true)
                    .withAllowCreateDefault(true)
                    .withResourceGroup(ContractSuiteAgainstFakeTest.SECOND_RESOURCE_GROUP);

            ContractResult result = ContractSuite.run(everythingButOrders, null, QUIET);

            assertThat(result.failures()).isEmpty();
            // the operation probe's CreateProductOrders orders no products and is refused; no order is placed
            assertThat(fake.requests(Operation.CreateProductOrders))
                    .allSatisfy(request -> assertThat(request.status()).isEqualTo(400));
            assertThat(result.skipped())
                    .extracting(ContractResult.Check::message)
                    .anyMatch(reason -> reason.contains("--allow-product-orders"));

            fake.clearRequests();
            ContractSuite.run(everythingButOrders.withAllowProductOrders(true), null, QUIET);
            assertThat(fake.requests(Operation.CreateProductOrders))
                    .filteredOn(request -> request.status() == 200)
                    .hasSize(1);
        }
    }

    @Test
    void aReadOnlyRunSendsTheSettingsOperationsNothingButReads() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            fake.makeDefault(
                    fake.addWorkspace(Workspace.builder("default_ws").build()).workspaceId());

            ContractResult result = ContractSuite.run(
                    new ContractConfig(URI.create(fake.baseUrl()), "cn-hangzhou", "ak", "sk", false)
                            .withAllowProductOrders(true),
                    null,
                    QUIET);

            assertThat(result.failures()).isEmpty();
            assertThat(result.checks())
                    .filteredOn(check -> check.name().startsWith("workspace settings > "))
                    .hasSizeGreaterThan(8)
                    .allMatch(ContractResult.Check::passed);
            // the operation probe also sends changes, to resources that do not exist (refused, changing nothing)
            assertThat(fake.requests())
                    .filteredOn(request -> request.status() < 400)
                    .filteredOn(request -> request.operation() != null
                            && request.operation()
                                    .family()
                                    .matches(
                                            "Config|UserConfig|Connection|WorkspaceRole|InstanceJob|Permission|Resource|Quota"
                                                    + "|Product|Feature|Prompt"))
                    .isNotEmpty()
                    .extracting(RecordedRequest::method)
                    .containsOnly("GET");
            JsonNode snapshot;
            try {
                snapshot = JSON.readTree(fake.snapshot());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(snapshot.get("resources")).isEmpty();
        }
    }
}
