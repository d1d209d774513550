package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots round-trip at any size: the admin API's {@code PUT /__admin/snapshot} and seed files are read as a
 * stream, without the API's 64 KiB request limit, which still applies to the API's own operations.
 */
class LargeSnapshotTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String snapshot;

    /** A snapshot of a fake holding 500 workspaces, taken over HTTP: about 350 KB. */
    @BeforeAll
    static void takeALargeSnapshot() throws Exception {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().adminApi(true).build().start()) {
            for (int i = 0; i < 500; i++) {
                fake.addWorkspace(WorkspaceSeed.builder("workspace_number_" + i)
                        .description("a workspace of a large snapshot, number " + i)
                        .build());
            }
            HttpResponse<String> taken = HTTP.send(
                    HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/__admin/snapshot"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(taken.statusCode()).isEqualTo(200);
            snapshot = taken.body();
        }
        assertThat(snapshot.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(300 * 1024);
    }

    @Test
    void aSnapshotOfFiveHundredWorkspacesIsRestoredOverHttp() throws Exception {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().adminApi(true).build().start()) {
            HttpResponse<String> restored = put(fake, HttpRequest.BodyPublishers.ofString(snapshot));

            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
            assertThat(JSON.readTree(restored.body()).get("workspaces").asInt()).isEqualTo(500);
            assertThat(fake.snapshot()).isEqualTo(snapshot);
        }
    }

    @Test
    void aSnapshotSentInChunksWithoutALengthIsRestoredToo() throws Exception {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().adminApi(true).build().start()) {
            byte[] bytes = snapshot.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> restored =
                    put(fake, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));

            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
            assertThat(fake.workspaces()).hasSize(500);
        }
    }

    @Test
    void aLargeSeedFileLoads(@TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"), snapshot);
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            fake.load(seed);

            assertThat(fake.workspaces()).hasSize(500);
        }
    }

    @Test
    void aLargeSeedLoadsFromAStream() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            fake.load(new ByteArrayInputStream(snapshot.getBytes(StandardCharsets.UTF_8)));

            assertThat(fake.snapshot()).isEqualTo(snapshot);
        }
    }

    @Test
    void theApisOwnOperationsKeepTheirLimit() throws Exception {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().adminApi(true).build().start()) {
            String description = "x".repeat(70 * 1024);
            ApiClient.Reply refused = new ApiClient(fake.baseUrl())
                    .post(
                            "/api/v1/workspaces",
                            "{\"WorkspaceName\":\"too_large\",\"Description\":\"" + description
                                    + "\",\"EnvTypes\":[\"prod\"]}");

            assertThat(refused.status()).isEqualTo(413);
            JsonNode body = refused.body();
            assertThat(body.get("Code").asText()).isEqualTo("RequestEntityTooLarge");
            assertThat(fake.workspaces()).isEmpty();
        }
    }

    private static HttpResponse<String> put(PaiWorkspaceFake fake, HttpRequest.BodyPublisher body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/__admin/snapshot"))
                        .header("Content-Type", "application/json")
                        .PUT(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
