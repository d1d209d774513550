package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The admin API of the fake in a container, driven from the host through the published port, and the configuration
 * that makes it reachable: {@link PaiWorkspaceFakeContainer#withAdminApi()} or {@code --admin-allow} in
 * {@code PAI_FAKE_ARGS}; without an allow-list the host is refused.
 */
@RequiresDocker
@Testcontainers
class PaiWorkspaceFakeContainerAdminIT {

    @Container
    static final PaiWorkspaceFakeContainer ADMIN = new PaiWorkspaceFakeContainer().withAdminApi();

    @Container
    static final PaiWorkspaceFakeContainer ALLOWED_BY_ARGS = new PaiWorkspaceFakeContainer()
            .withEnv("PAI_FAKE_ARGS", "--admin=true --admin-allow 10.0.0.0/8,172.16.0.0/12,192.168.0.0/16");

    @Container
    static final PaiWorkspaceFakeContainer LOOPBACK_ONLY =
            new PaiWorkspaceFakeContainer().withEnv("PAI_FAKE_ARGS", "--admin");

    @Container
    static final PaiWorkspaceFakeContainer SECRET_WITH_COLONS =
            new PaiWorkspaceFakeContainer().withAccessKey("LTAI5tColonKey", "Colon:Secret:42");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theHostDrivesFaultsSnapshotsAndResetThroughThePublishedPort() throws Exception {
        assertThat(send(
                                ADMIN,
                                "POST",
                                "/__admin/faults",
                                "application/json",
                                "{\"operation\":\"GetDefaultWorkspace\",\"failNext\":1,\"error\":\"THROTTLING\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(code(send(ADMIN, "GET", "/api/v1/defaultWorkspaces", null, "")))
                .isEqualTo("Throttling.User");
        assertThat(send(
                                ADMIN,
                                "POST",
                                "/api/v1/workspaces",
                                "application/json",
                                "{\"WorkspaceName\":\"admin_seen\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}")
                        .statusCode())
                .isEqualTo(200);

        String snapshot = send(ADMIN, "GET", "/__admin/snapshot", null, "").body();
        HttpResponse<String> clash = send(
                ADMIN,
                "PUT",
                "/__admin/snapshot",
                "application/json",
                "{\"workspaces\":[{\"WorkspaceId\":\"1\",\"WorkspaceName\":\"a_ws\"},{\"WorkspaceId\":\"1\",\"WorkspaceName\":\"b_ws\"}]}");
        HttpResponse<String> formPost =
                send(ADMIN, "POST", "/__admin/reset", "application/x-www-form-urlencoded", "x=1");

        assertThat(snapshot).contains("\"WorkspaceName\" : \"admin_seen\"");
        assertThat(clash.statusCode()).isEqualTo(400);
        assertThat(clash.body()).contains("appears twice");
        assertThat(formPost.statusCode()).isEqualTo(415);
        assertThat(code(formPost)).isEqualTo("UnsupportedMediaType");
        assertThat(send(ADMIN, "GET", "/__admin/snapshot", null, "").body()).isEqualTo(snapshot);

        assertThat(send(ADMIN, "POST", "/__admin/reset", "application/json", "{}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(JSON.readTree(send(ADMIN, "GET", "/__admin/snapshot", null, "")
                                .body())
                        .get("workspaces"))
                .isEmpty();
    }

    @Test
    void anAllowListInPaiFakeArgsOpensTheAdminApiToTheHost() throws Exception {
        HttpResponse<String> snapshot = send(ALLOWED_BY_ARGS, "GET", "/__admin/snapshot", null, "");

        assertThat(snapshot.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(snapshot.body()).has("workspaces")).isTrue();
    }

    @Test
    void withoutAnAllowListTheHostIsRefusedInTheErrorFormat() throws Exception {
        HttpResponse<String> refused = send(LOOPBACK_ONLY, "GET", "/__admin/snapshot", null, "");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo("Forbidden.AdminApi");
        assertThat(refused.headers().firstValue("x-acs-request-id")).isPresent();
    }

    @Test
    void aSecretWithColonsReachesTheFakeIntact() throws Exception {
        Client sdk = new Client(new Config()
                .setEndpoint(SECRET_WITH_COLONS.getEndpoint())
                .setProtocol("http")
                .setRegionId("cn-hangzhou")
                .setAccessKeyId("LTAI5tColonKey")
                .setAccessKeySecret("Colon:Secret:42"));

        Map<String, ?> created = sdk.callApi(
                OfficialSdk.params("CreateWorkspace", "POST", "/api/v1/workspaces"),
                new OpenApiRequest()
                        .setBody(Map.of("WorkspaceName", "colon_ws", "Description", "d", "EnvTypes", List.of("prod"))),
                new RuntimeOptions());

        assertThat(created.get("statusCode")).isEqualTo(200);
    }

    private HttpResponse<String> send(
            PaiWorkspaceFakeContainer fake, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.getBaseUrl() + path))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.path("Code").asText();
    }
}
