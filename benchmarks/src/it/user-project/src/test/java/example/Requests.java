package example;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What every test body does: store a workspace in the fake and read it back with one GetWorkspace. */
final class Requests {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Requests() {}

    /** Adds workspace {@code id} to {@code fake} and GETs it through the JDK client; fails unless the answer is 200. */
    static void addAndGet(PaiWorkspaceFake fake, String id) {
        fake.addWorkspace(Workspace.builder("ws_" + id).workspaceId(id).build());
        HttpResponse<String> response;
        try {
            response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v1/workspaces/" + id))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200 || !response.body().contains("\"WorkspaceId\":\"" + id + "\"")) {
            throw new AssertionError("GetWorkspace answered " + response.statusCode() + ": " + response.body());
        }
    }
}
