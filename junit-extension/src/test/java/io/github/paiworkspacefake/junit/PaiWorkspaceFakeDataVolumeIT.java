package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.NotFoundException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The image with its state on a volume ({@code PAI_FAKE_DATA_DIR}): a container killed with SIGKILL (power loss, as
 * far as the fake can tell) and a new container on the same volume holds every acknowledged change, and its ids go on
 * where they stood.
 */
@RequiresDocker
class PaiWorkspaceFakeDataVolumeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String volume = "pai-fake-it-" + UUID.randomUUID();

    /** The image under test: this library's tag, or another of the same name given with -Dpai-workspace-fake.image. */
    private static PaiWorkspaceFakeContainer container() {
        String image = System.getProperty("pai-workspace-fake.image");
        return image == null ? new PaiWorkspaceFakeContainer() : new PaiWorkspaceFakeContainer(image);
    }

    @AfterEach
    void removeTheVolume() {
        try {
            DockerClientFactory.instance().client().removeVolumeCmd(volume).exec();
        } catch (NotFoundException noVolumeWasMade) {
            // the test used none
        }
    }

    @Test
    void aContainerKilledAndStartedAgainOnItsVolumeHoldsEveryAcknowledgedChange() throws Exception {
        String kept;
        String deleted;
        try (PaiWorkspaceFakeContainer first = container().withDataVolume(volume)) {
            first.start();
            kept = create(first, "kept_on_the_volume");
            deleted = create(first, "deleted_before_the_kill");
            assertThat(send(first, "DELETE", "/api/v1/workspaces/" + deleted, null)
                            .statusCode())
                    .isEqualTo(200);
            assertThat(send(first, "PUT", "/api/v1/workspaces/" + kept, "{\"Description\":\"changed\"}")
                            .statusCode())
                    .isEqualTo(200);

            first.getDockerClient()
                    .killContainerCmd(first.getContainerId())
                    .withSignal("KILL")
                    .exec();
        }

        try (PaiWorkspaceFakeContainer second = container().withDataVolume(volume)) {
            second.start();

            JsonNode workspace = JSON.readTree(
                    send(second, "GET", "/api/v1/workspaces/" + kept, null).body());
            assertThat(workspace.path("WorkspaceName").asText()).isEqualTo("kept_on_the_volume");
            assertThat(workspace.path("Description").asText()).isEqualTo("changed");
            assertThat(send(second, "GET", "/api/v1/workspaces/" + deleted, null)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(Long.parseLong(create(second, "after_the_restart")))
                    .as("ids go on where they stood")
                    .isGreaterThan(Long.parseLong(deleted));
            assertThat(second.getLogs()).contains("state kept in /var/lib/pai-workspace-fake/state (resumed)");
        }
    }

    @Test
    void withoutAVolumeNothingIsKept() throws Exception {
        try (PaiWorkspaceFakeContainer fake = container()) {
            fake.start();
            create(fake, "in_memory_only");
            assertThat(fake.getLogs()).doesNotContain("state kept in");
        }
    }

    private static String create(PaiWorkspaceFakeContainer fake, String name) throws Exception {
        HttpResponse<String> created = send(
                fake,
                "POST",
                "/api/v1/workspaces",
                "{\"WorkspaceName\":\"" + name + "\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return JSON.readTree(created.body()).path("WorkspaceId").asText();
    }

    private static HttpResponse<String> send(PaiWorkspaceFakeContainer fake, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.getBaseUrl() + path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
