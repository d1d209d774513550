package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The probe of every operation: each operation of the API's catalogue gets one minimal request, and the answer must be
 * the operation's own: a success in JSON, a refusal in the error format, or the documented {@code 501 NotImplemented}
 * of an implementation that does not serve it. Never the gateway's {@code 404 InvalidApi.NotFound} (the route is
 * unknown) and never another 5xx. The requests change nothing on a real account: path parameters name resources
 * that do not exist, and an operation without one gets a body that lacks what it requires, or is skipped.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@DisplayName("every operation")
@Order(1000)
public class OperationProbeContractChecks {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The operations of the catalogue, as the reference gives them (the generated file, not a fake's decisions). */
    private static final String CATALOGUE =
            "/io/github/paiworkspacefake/contract/catalogue/aiworkspace-2021-02-04.json";

    /**
     * Operations without a path parameter and without a required body member: the body that makes them refer to
     * nothing that exists, or do nothing (an order of no products, an event with no content).
     */
    private static final Map<String, String> HARMLESS_BODIES = Map.of(
            "UpdateDefaultWorkspace", "{\"WorkspaceId\":\"" + ReadOnlyContractChecks.unknownId() + "\"}",
            "ChangeResourceGroup",
                    "{\"ResourceId\":\"" + ReadOnlyContractChecks.unknownId()
                            + "\",\"NewResourceGroupId\":\"rg-pai-contract-probe\",\"ResourceType\":\"workspace\"}",
            "SetUserConfigs", "{\"Configs\":[]}",
            "CreateProductOrders", "{\"Products\":[]}",
            "AcceptDataworksEvent", "{}");

    private static final Set<String> ANSWERS_OF_ITS_OWN = Set.of("NotImplemented");

    @TestFactory
    @DisplayName(
            "answers a minimal request as itself: a real answer or 501 NotImplemented, never 404 InvalidApi.NotFound or a 5xx")
    Stream<DynamicTest> everyOperationAnswersAsItself(PaiWorkspaceApi api) {
        List<DynamicTest> probes = new ArrayList<>();
        for (JsonNode operation : catalogue().path("operations")) {
            String name = operation.path("name").asText();
            probes.add(DynamicTest.dynamicTest(name, () -> probe(api, operation)));
        }
        return probes.stream();
    }

    private static void probe(PaiWorkspaceApi api, JsonNode operation) {
        String name = operation.path("name").asText();
        String method = operation.path("method").asText();
        String path = operation.path("path").asText();
        boolean hasPathParameter = false;
        boolean takesBody = false;
        List<String> query = new ArrayList<>();
        ObjectNode body = JSON.createObjectNode();
        for (JsonNode parameter : operation.path("parameters")) {
            String parameterName = parameter.path("name").asText();
            boolean required = parameter.path("required").asBoolean(false);
            switch (parameter.path("in").asText()) {
                case "path" -> {
                    hasPathParameter = true;
                    path = path.replace("{" + parameterName + "}", encode(absentId(parameterName)));
                }
                case "query" -> {
                    if (required) {
                        query.add(encode(parameterName) + "="
                                + encode(sample(parameter).asText()));
                    }
                }
                default -> {
                    takesBody = true;
                    if (required) {
                        body.set(parameterName, sample(parameter));
                    }
                }
            }
        }
        String jsonBody = null;
        if (!method.equals("GET")) {
            if (hasPathParameter) {
                jsonBody = takesBody ? body.toString() : null;
            } else if (HARMLESS_BODIES.containsKey(name)) {
                jsonBody = HARMLESS_BODIES.get(name);
            } else {
                Assumptions.assumeTrue(
                        !body.isEmpty(), () -> name + " has nothing to leave out and would create something");
                jsonBody = "{}"; // lacks every required member: refused, nothing created
            }
        }
        ApiResponse answer = api.send(name, method, path, query.isEmpty() ? null : String.join("&", query), jsonBody);

        assertThat(answer.status() < 500 || answer.status() == 501)
                .as("%s: the operation's own answer, not a server error other than 501", answer)
                .isTrue();
        if (answer.status() >= 200 && answer.status() < 300) {
            assertThat(answer.json().isObject()).as("%s: a JSON object", answer).isTrue();
            return;
        }
        ResponseSchemas.ERROR.assertValid(answer);
        String code = answer.json().path("Code").asText();
        assertThat(code).as("%s: routed to the operation", answer).isNotEqualTo("InvalidApi.NotFound");
        if (answer.status() == 501) {
            assertThat(code).as("%s: the documented 501", answer).isIn(ANSWERS_OF_ITS_OWN);
            assertThat(answer.json().path("Message").asText())
                    .as("%s: names the operation", answer)
                    .contains(name);
        }
    }

    /** An id no resource has: digits for a workspace (its ids are numeric), a name of this suite otherwise. */
    private static String absentId(String parameter) {
        return parameter.equals("WorkspaceId") ? ReadOnlyContractChecks.unknownId() : "pai-contract-probe-absent";
    }

    /** A value of the parameter's type, its example where the reference gives one. */
    private static JsonNode sample(JsonNode parameter) {
        String example = parameter.path("example").asText("");
        return switch (parameter.path("type").asText()) {
            case "integer" ->
                JSON.getNodeFactory().numberNode(example.matches("-?\\d+") ? Long.parseLong(example) : 1L);
            case "number" -> JSON.getNodeFactory().numberNode(1.0);
            case "boolean" -> JSON.getNodeFactory().booleanNode(false);
            case "array" -> JSON.createArrayNode();
            case "object", "map" -> JSON.createObjectNode();
            default -> JSON.getNodeFactory().textNode(example.isEmpty() ? "pai-contract-probe" : example);
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode catalogue() {
        try (InputStream in = OperationProbeContractChecks.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new IllegalStateException("the operation catalogue is missing from the suite: " + CATALOGUE);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
