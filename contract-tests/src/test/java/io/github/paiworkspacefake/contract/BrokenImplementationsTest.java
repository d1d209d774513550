package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The suite catches an implementation that breaks the contract, and names the failing check. */
class BrokenImplementationsTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static ContractResult runAgainstBroken(UnaryOperator<MutatingProxy.Exchange> onRequest,
                                                   UnaryOperator<MutatingProxy.Exchange> onResponse) throws IOException {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
             MutatingProxy proxy = new MutatingProxy(fake.baseUrl(), onRequest, onResponse)) {
            fake.makeDefault(fake.addWorkspace(Workspace.builder("default_ws").description("d").build()).workspaceId());
            return ContractSuite.run(new ContractConfig(URI.create(proxy.baseUrl()), "cn-hangzhou", "ak", "sk", true), null, QUIET);
        }
    }

    private static ContractResult responsesAltered(UnaryOperator<MutatingProxy.Exchange> onResponse) throws IOException {
        return runAgainstBroken(UnaryOperator.identity(), onResponse);
    }

    private static void assertCaught(ContractResult result, String failingCheck) {
        assertThat(result.passed()).isFalse();
        assertThat(result.failures()).extracting(ContractResult.Check::name).anyMatch(name -> name.contains(failingCheck));
    }

    private static boolean isGetWorkspace(MutatingProxy.Exchange exchange) {
        return exchange.method.equals("GET") && exchange.pathAndQuery.startsWith("/api/v1/workspaces/");
    }

    @Test
    void theUnbrokenFakePassesThroughTheProxy() throws IOException {
        assertThat(responsesAltered(UnaryOperator.identity()).failures()).isEmpty();
    }

    @Test
    void catchesAMissingField() throws IOException {
        ContractResult result = responsesAltered(exchange -> {
            if (isGetWorkspace(exchange) && exchange.status == 200) {
                exchange.responseBody = exchange.responseBody.replaceFirst("\"WorkspaceName\":\"[^\"]*\",", "");
            }
            return exchange;
        });

        assertCaught(result, "CreateWorkspace then GetWorkspace returns what was stored");
    }

    @Test
    void catchesAWrongJsonType() throws IOException {
        ContractResult result = responsesAltered(exchange -> {
            exchange.responseBody = exchange.responseBody.replace("\"IsDefault\":false", "\"IsDefault\":\"false\"");
            return exchange;
        });

        assertCaught(result, "returns what was stored");
    }

    @Test
    void catchesAWrongStatusCode() throws IOException {
        ContractResult result = responsesAltered(exchange -> {
            if (exchange.status == 404) {
                exchange.status = 200;
            }
            return exchange;
        });

        assertCaught(result, "an unknown WorkspaceId is 404");
    }

    @Test
    void catchesAnInvalidNameAccepted() throws IOException {
        ContractResult result = responsesAltered(exchange -> {
            if (exchange.method.equals("POST") && exchange.requestBody.contains("\"WorkspaceName\":\"ab\"")) {
                exchange.status = 200;
                exchange.responseBody = "{\"RequestId\":\"R\",\"WorkspaceId\":\"123\"}";
            }
            return exchange;
        });

        assertCaught(result, "WorkspaceName of 2 characters");
    }

    @Test
    void catchesVerboseIgnored() throws IOException {
        ContractResult result = runAgainstBroken(exchange -> {
            exchange.pathAndQuery = exchange.pathAndQuery.replaceAll("\\?.*$", "");
            return exchange;
        }, UnaryOperator.identity());

        assertCaught(result, "Verbose=true adds Owner and AdminNames");
        assertCaught(result, "Verbose=true adds Conditions");
    }

    @Test
    void catchesAMissingRequestIdInErrors() throws IOException {
        ContractResult result = responsesAltered(exchange -> {
            if (exchange.status >= 400) {
                exchange.responseBody = exchange.responseBody.replaceFirst("\"RequestId\":\"[^\"]*\",", "");
            }
            return exchange;
        });

        assertCaught(result, "Every answer carries a RequestId");
    }

    @Test
    void catchesTimestampsWithoutMilliseconds() throws IOException {
        ContractResult result = responsesAltered(exchange -> {
            exchange.responseBody = exchange.responseBody.replaceAll("(\\d\\d:\\d\\d:\\d\\d)\\.\\d{3}Z", "$1Z");
            return exchange;
        });

        assertCaught(result, "returns what was stored");
    }

    @Test
    void catchesAnHtmlErrorPage() throws IOException {
        ContractResult result = responsesAltered(exchange -> {
            if (exchange.status == 404 && exchange.pathAndQuery.contains("noSuchResource")) {
                exchange.responseBody = "<html><body>Not Found</body></html>";
                exchange.contentType = "text/html";
            }
            return exchange;
        });

        assertCaught(result, "An unknown API answers a 4xx in the error format");
    }

    @Test
    void catchesConditionCodesAsStrings() throws IOException {
        ContractResult result = responsesAltered(exchange -> {
            exchange.responseBody = exchange.responseBody.replace("\"Code\":200", "\"Code\":\"200\"");
            return exchange;
        });

        assertCaught(result, "Verbose=true adds Conditions");
    }

    @Test
    void catchesAnUnknownStatusValue() throws IOException {
        ContractResult result = responsesAltered(exchange -> {
            exchange.responseBody = exchange.responseBody.replace("\"Status\":\"ENABLED\"", "\"Status\":\"RUNNING\"");
            return exchange;
        });

        assertCaught(result, "returns what was stored");
    }

    @Test
    void catchesATakenNameAccepted() throws IOException {
        ContractResult result = responsesAltered(exchange -> {
            if (exchange.status == 409) {
                exchange.status = 200;
                exchange.responseBody = "{\"RequestId\":\"R\",\"WorkspaceId\":\"124\"}";
            }
            return exchange;
        });

        assertCaught(result, "refuses a name already taken");
    }

    @Test
    void catchesAServerErrorForBadInput() throws IOException {
        ContractResult result = responsesAltered(exchange -> {
            if (exchange.status == 400) {
                exchange.status = 500;
            }
            return exchange;
        });

        assertCaught(result, "malformed JSON");
    }
}
