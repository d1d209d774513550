package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The fake in a container, through {@link PaiWorkspaceFakeContainer}: plain HTTP and the official SDK runtime. */
@RequiresDocker
@Testcontainers
class PaiWorkspaceFakeContainerIT {

    @Container
    static final PaiWorkspaceFakeContainer FAKE = new PaiWorkspaceFakeContainer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createdWorkspaceCanBeReadBackOverHttp() throws Exception {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(FAKE.getBaseUrl() + "/api/v1/workspaces"))
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"WorkspaceName\":\"http_ws\",\"Description\":\"over HTTP\",\"EnvTypes\":[\"prod\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);
        String workspaceId = JSON.readTree(created.body()).path("WorkspaceId").asText();

        JsonNode workspace = getJson("/api/v1/workspaces/" + workspaceId);

        assertThat(workspace.path("WorkspaceName").asText()).isEqualTo("http_ws");
        assertThat(workspace.path("Description").asText()).isEqualTo("over HTTP");
    }

    @Test
    void unknownWorkspaceGetsTheServicesErrorBody() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(FAKE.getBaseUrl() + "/api/v1/workspaces/999999"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).path("Code").asText()).isEqualTo("100400027");
    }

    @Test
    void officialSdkCreatesAndReadsAWorkspaceThroughTheContainer() throws Exception {
        Client client = new Client(new Config()
                .setEndpoint(FAKE.getEndpoint())
                .setProtocol("http")
                .setRegionId("cn-hangzhou")
                .setAccessKeyId("LTAI-container-test")
                .setAccessKeySecret("container-test-secret"));

        Map<String, ?> created = client.callApi(
                OfficialSdk.params("CreateWorkspace", "POST", "/api/v1/workspaces"),
                new OpenApiRequest()
                        .setBody(Map.of(
                                "WorkspaceName",
                                "sdk_ws",
                                "Description",
                                "through the SDK",
                                "EnvTypes",
                                List.of("dev", "prod"))),
                new RuntimeOptions());
        String workspaceId = (String) ((Map<?, ?>) created.get("body")).get("WorkspaceId");
        Map<String, ?> read = client.callApi(
                OfficialSdk.params("GetWorkspace", "GET", "/api/v1/workspaces/" + workspaceId),
                new OpenApiRequest().setQuery(Map.of("Verbose", "true")),
                new RuntimeOptions());

        Map<?, ?> workspace = (Map<?, ?>) read.get("body");
        assertThat(workspace.get("WorkspaceName")).isEqualTo("sdk_ws");
        assertThat(workspace.get("EnvTypes")).asList().containsExactlyInAnyOrder("dev", "prod");
        assertThat(workspace.get("Owner")).isNotNull();
    }

    @Test
    void endpointIsTheMappedPortOnTheDockerHost() {
        assertThat(FAKE.getEndpoint())
                .isEqualTo(FAKE.getHost() + ":" + FAKE.getMappedPort(PaiWorkspaceFakeContainer.PORT));
        assertThat(FAKE.getBaseUrl()).isEqualTo("http://" + FAKE.getEndpoint());
    }

    @Test
    void anImageNotBuiltFailsAtOnceSayingHowToBuildIt() {
        Instant start = Instant.now();
        try (PaiWorkspaceFakeContainer missing = new PaiWorkspaceFakeContainer("pai-workspace-fake:never-built")) {
            assertThatThrownBy(missing::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pai-workspace-fake:never-built is not on the Docker engine")
                    .hasMessageContaining("docker/build-image.sh");
        }
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(FAKE.getBaseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
