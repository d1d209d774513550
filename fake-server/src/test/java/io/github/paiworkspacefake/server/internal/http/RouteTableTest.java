package io.github.paiworkspacefake.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The route table the pipeline's first stage uses: every catalogue operation at its own method and path. */
class RouteTableTest {

    private static final RouteTable<OperationSpec> ROUTES = new RouteTable<>();

    static {
        Catalogue.get().operations().forEach(operation -> ROUTES.add(operation.method(), operation.path(), operation));
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void findsEveryOperationAtItsOwnRoute(Operation operation) {
        String path = operation.route().replaceAll("\\{([A-Za-z]+)}", "x$1");

        RouteTable.Match<OperationSpec> match = ROUTES.find(operation.method(), path);

        assertThat(match).isNotNull();
        assertThat(match.value().operation()).isEqualTo(operation);
        match.pathParameters().forEach((name, value) -> assertThat(value).isEqualTo("x" + name));
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        assertThat(ROUTES.find("POST", "/api/v1/workspaces/action/acceptdataworksevent")
                        .value()
                        .operation())
                .isEqualTo(Operation.AcceptDataworksEvent);
        assertThat(ROUTES.find("POST", "/api/v1/connections/validate").value().operation())
                .isEqualTo(Operation.ValidateConnection);
        assertThat(ROUTES.find("GET", "/api/v1/connections/validate").value().operation())
                .isEqualTo(Operation.GetConnection);
    }

    @Test
    void matchesPathsExactly() {
        assertThat(ROUTES.find("GET", "/api/v1/workspaces/")).isNull();
        assertThat(ROUTES.find("GET", "/api/v1/workspaces//members")).isNull();
        assertThat(ROUTES.find("PATCH", "/api/v1/workspaces")).isNull();
        assertThat(ROUTES.find("GET", "/api/v1/datasets/d-1/datasetjobconfigs/")
                        .value()
                        .operation())
                .isEqualTo(Operation.ListDatasetJobConfigs);
        assertThat(ROUTES.find("GET", "/api/v1/datasets/d-1/datasetjobconfigs")).isNull();
    }

    @Test
    void aHeadRequestMatchesAGetRoute() {
        assertThat(ROUTES.find("HEAD", "/api/v1/workspaces/1").value().operation())
                .isEqualTo(Operation.GetWorkspace);
    }

    @Test
    void decodesPathParametersKeepingPlus() {
        RouteTable.Match<OperationSpec> match = ROUTES.find("DELETE", "/api/v1/experiments/exp-1/labels/a%2Fb+c%20d");

        assertThat(match.pathParameters()).isEqualTo(Map.of("ExperimentId", "exp-1", "Key", "a/b+c d"));
    }

    @Test
    void refusesTwoRoutesForOneMethodAndPath() {
        RouteTable<String> table = new RouteTable<>();
        table.add("GET", "/a/{Id}", "first");

        assertThatThrownBy(() -> table.add("GET", "/a/{Other}", "second"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two routes for GET /a/{Other}");
    }
}
