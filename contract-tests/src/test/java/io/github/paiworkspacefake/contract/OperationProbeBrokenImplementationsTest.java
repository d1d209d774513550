package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.BrokenVariants.assertCaught;
import static io.github.paiworkspacefake.contract.BrokenVariants.responsesAltered;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The probe of every operation catches an implementation that does not answer an operation as itself. */
class OperationProbeBrokenImplementationsTest {

    private static final String PROBE = "every operation";

    /** The probe's request for an operation: its path, with the probe's absent ids. */
    private static boolean isProbeOf(MutatingProxy.Exchange exchange, String pathPrefix) {
        return exchange.pathAndQuery.startsWith(pathPrefix) && exchange.pathAndQuery.contains("pai-contract-probe");
    }

    @Test
    void catchesAnOperationAnsweredAsAnUnknownPath() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (isProbeOf(exchange, "/api/v1/prompts/")) {
                        exchange.status = 404;
                        exchange.responseBody =
                                "{\"RequestId\":\"R\",\"HostId\":\"h\",\"Code\":\"InvalidApi.NotFound\","
                                        + "\"Message\":\"Specified api is not found\",\"Recommend\":\"r\"}";
                    }
                    return exchange;
                }),
                PROBE);
    }

    @Test
    void catchesAServerError() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (isProbeOf(exchange, "/api/v1/instancejobs/")) {
                        exchange.status = 500;
                        exchange.responseBody = "{\"RequestId\":\"R\",\"HostId\":\"h\",\"Code\":\"InternalError\","
                                + "\"Message\":\"boom\",\"Recommend\":\"r\"}";
                    }
                    return exchange;
                }),
                PROBE);
    }

    @Test
    void catchesA501ThatIsNotTheDocumentedOne() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (isProbeOf(exchange, "/api/v1/connections/")) {
                        exchange.status = 501;
                        exchange.responseBody = "{\"RequestId\":\"R\",\"HostId\":\"h\",\"Code\":\"Unsupported\","
                                + "\"Message\":\"later\",\"Recommend\":\"r\"}";
                    }
                    return exchange;
                }),
                PROBE);
    }

    @Test
    void catchesAnAnswerThatIsNotJson() throws IOException {
        assertCaught(
                responsesAltered(exchange -> {
                    if (isProbeOf(exchange, "/api/v1/datasets/")) {
                        exchange.status = 404;
                        exchange.responseBody = "<html>not found</html>";
                    }
                    return exchange;
                }),
                PROBE);
    }
}
