package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.internal.families.Families;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every declared operation shares: a route, faults, the journal and the error format for refused calls. */
class EveryOperationTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    private ApiClient.Reply call(Operation operation) {
        String path = operation.route().replaceAll("\\{[A-Za-z]+}", "424242");
        return api.send(operation.method(), path, "application/json", "{}");
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void everyOperationIsRoutedAndCanBeGivenAFault(Operation operation) {
        fake.faults().failNext(operation, 1, FaultError.THROTTLING);

        assertError(call(operation), 400, "Throttling.User");
        ApiClient.Reply next = call(operation);

        if (Families.registry().serves(operation)) {
            assertThat(next.status())
                    .as("answered by the operation itself, %s", next)
                    .isLessThan(500);
        } else {
            assertError(next, 501, "NotImplemented");
            assertThat(next.body().path("Message").asText()).contains(operation.name(), "does not serve");
        }
        assertThat(next.body().path("Code").asText()).as("the fault is used up").isNotEqualTo("Throttling.User");
        assertThat(fake.requests(operation))
                .hasSize(2)
                .allSatisfy(request -> assertThat(request.operation()).isEqualTo(operation));
    }

    @Test
    void everyOperationHasItsOwnRoute() {
        assertThat(Arrays.stream(Operation.values()).map(op -> op.method() + " " + op.route()))
                .doesNotHaveDuplicates();
    }
}
