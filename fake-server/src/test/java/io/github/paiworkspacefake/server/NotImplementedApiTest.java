package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.internal.families.Families;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the catalogue is served; one that no family served would answer an honest 501 in the API's error
 * format (shown by withholding one), and a path no operation has stays the gateway's 404.
 */
class NotImplementedApiTest {

    private static final Operation WITHHELD = Operation.ListQuotas;

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().withholding(WITHHELD).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void everyOperationOfTheCatalogueIsServed() {
        assertThat(Arrays.stream(Operation.values())
                        .filter(operation -> !Families.registry().serves(operation)))
                .isEmpty();
    }

    @Test
    void anUnservedOperationAnswers501NamingItAndTheFakesVersion() {
        Operation operation = WITHHELD;
        String path = operation.route().replaceAll("\\{[A-Za-z]+}", "x-1");

        ApiClient.Reply reply = api.send(operation.method(), path, "application/json", "{}");

        assertError(reply, 501, "NotImplemented");
        assertThat(reply.body().path("Message").asText())
                .contains(operation.name(), operation.method() + " " + operation.route(), "pai-workspace-fake ")
                .contains("does not serve");
        assertThat(reply.body().path("HostId").asText()).isEqualTo("aiworkspace.cn-hangzhou.aliyuncs.com");
        assertThat(reply.body().path("RequestId").asText()).isEqualTo(reply.requestIdHeader());
        assertThat(fake.requests(operation))
                .singleElement()
                .satisfies(request -> assertThat(request.status()).isEqualTo(501));
    }

    @Test
    void anUnservedOperationTakesFaultsLikeAnyOther() {
        Operation operation = WITHHELD;
        String path = operation.route().replaceAll("\\{[A-Za-z]+}", "x-1");
        fake.faults().failNext(operation, 1, FaultError.SERVICE_UNAVAILABLE);

        assertError(api.send(operation.method(), path, "application/json", "{}"), 503, "ServiceUnavailable");
        assertError(api.send(operation.method(), path, "application/json", "{}"), 501, "NotImplemented");
    }

    @Test
    void aPathNoOperationHasIsTheGateways404() {
        assertError(api.get("/api/v1/nothing-here"), 404, "InvalidApi.NotFound");
        assertError(api.send("PATCH", "/api/v1/workspaces", "application/json", "{}"), 404, "InvalidApi.NotFound");
        assertThat(fake.requests())
                .allSatisfy(request -> assertThat(request.operation()).isNull());
    }
}
