package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.OperationSpec;
import io.github.paiworkspacefake.server.internal.catalogue.ParameterSpec;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to every operation of the dataset families, member by member (wrong JSON types, odd values, odd query
 * strings), on a stored dataset, version, job and configuration: every answer is the operation's own or a 4xx in the
 * error format, never a 5xx.
 */
class DatasetBadInputTest {

    private static final Set<String> FAMILIES =
            Set.of("Dataset", "DatasetVersion", "DatasetFileMeta", "DatasetJob", "DatasetJobConfig");
    private static final List<String> BODY_VALUES =
            List.of("123", "-1", "\"\"", "\"x\"", "[]", "{}", "[1]", "[{\"Key\":1}]", "[{}]", "null", "true", "1.5");
    private static final List<String> QUERY_VALUES =
            List.of("x", "-1", "0", "99999999999", ",", "a,,b", "\"\"", "true");

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().lenient(true).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());
    private String datasetId;
    private String jobId;
    private String configId;
    private String metaId;

    static Stream<Operation> operations() {
        return Arrays.stream(Operation.values()).filter(operation -> FAMILIES.contains(operation.family()));
    }

    @BeforeEach
    void storedDataset() {
        String workspaceId = api.createWorkspace("bad_input_ws");
        fake.makeDefault(workspaceId);
        datasetId = api.post(
                        "/api/v1/datasets",
                        "{\"Name\":\"target\",\"Property\":\"DIRECTORY\",\"DataSourceType\":\"OSS\",\"Edition\":\"ADVANCED\","
                                + "\"Uri\":\"oss://b/target/\",\"Options\":\"{}\",\"Labels\":[{\"Key\":\"k\",\"Value\":\"v\"}]}")
                .body()
                .get("DatasetId")
                .asText();
        String base = "/api/v1/datasets/" + datasetId;
        jobId = api.post(
                        base + "/datasetjobs",
                        "{\"WorkspaceId\":\"" + workspaceId + "\",\"JobAction\":\"SemanticIndex\",\"JobSpec\":\"{}\"}")
                .body()
                .get("DatasetJobId")
                .asText();
        configId = api.post(
                        base + "/datasetjobconfigs",
                        "{\"WorkspaceId\":\"" + workspaceId
                                + "\",\"ConfigType\":\"MultimodalSemanticIndex\",\"Config\":\"{}\"}")
                .body()
                .get("DatasetJobConfigId")
                .asText();
        metaId = api.post(
                        base + "/datasetfilemetas",
                        "{\"WorkspaceId\":\"" + workspaceId
                                + "\",\"DatasetVersion\":\"v1\",\"DatasetFileMetas\":[{\"Uri\":\"oss://b/a.png\"}]}")
                .body()
                .at("/SucceedDetails/0/DatasetFileMetaId")
                .asText();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private String path(Operation operation) {
        return operation
                .route()
                .replace("{DatasetId}", datasetId)
                .replace("{VersionName}", "v1")
                .replace("{DatasetJobId}", jobId)
                .replace("{DatasetJobConfigId}", configId)
                .replace("{DatasetFileMetaId}", metaId);
    }

    private void assertAnsweredWithoutAServerError(ApiClient.Reply reply, String what) {
        assertThat(reply.status()).as("%s -> %s", what, reply).isLessThan(500);
        assertThat(reply.body()).as("%s: a JSON body", what).isNotNull();
        if (reply.status() >= 400) {
            assertThat(reply.body().path("Code").asText()).as("%s: Code", what).isNotBlank();
            assertThat(reply.body().path("RequestId").asText())
                    .as("%s: RequestId", what)
                    .isEqualTo(reply.requestIdHeader());
        }
    }

    @ParameterizedTest
    @MethodSource("operations")
    void everyBodyMemberOfTheWrongShapeIsAnsweredWithoutAServerError(Operation operation) {
        OperationSpec spec = Catalogue.get().operation(operation);
        String path = path(operation);
        for (ParameterSpec parameter : spec.parameters()) {
            if (parameter.location() != ParameterSpec.Location.BODY) {
                continue;
            }
            for (String value : BODY_VALUES) {
                String body = "{\"" + parameter.name() + "\":" + value + "}";
                assertAnsweredWithoutAServerError(
                        api.send(operation.method(), path, "application/json", body), operation + " " + body);
            }
        }
        assertAnsweredWithoutAServerError(
                api.send(operation.method(), path, "application/json", "{}"), operation + " {}");
        assertAnsweredWithoutAServerError(
                api.send(operation.method(), path, "application/json", "[]"), operation + " []");
    }

    @ParameterizedTest
    @MethodSource("operations")
    void everyQueryParameterWithAnOddValueIsAnsweredWithoutAServerError(Operation operation) {
        OperationSpec spec = Catalogue.get().operation(operation);
        String path = path(operation);
        for (ParameterSpec parameter : spec.parameters()) {
            if (parameter.location() != ParameterSpec.Location.QUERY) {
                continue;
            }
            for (String value : QUERY_VALUES) {
                String query = parameter.name() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                assertAnsweredWithoutAServerError(
                        api.send(operation.method(), path + "?" + query, null, ""), operation + " ?" + query);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("operations")
    void unknownIdsInThePathAreNotFoundNotServerErrors(Operation operation) {
        if (!operation.route().contains("{")) {
            return; // CreateDataset and ListDatasets name no resource in their path
        }
        String path = operation.route().replaceAll("\\{[A-Za-z]+}", "zz%20unknown");

        ApiClient.Reply reply = api.send(operation.method(), path, "application/json", "{}");

        assertAnsweredWithoutAServerError(reply, operation + " " + path);
        assertThat(reply.status()).as("%s", reply).isBetween(400, 499);
    }
}
