package io.github.paiworkspacefake.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Plain HTTP to a running fake, as any client would speak it; answers parsed as JSON. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    ApiClient(PaiWorkspaceFake fake) {
        this.baseUrl = fake.baseUrl();
    }

    /** A status, the request-id header and the parsed body. */
    record Reply(int status, String requestIdHeader, String contentType, JsonNode body) {
    }

    Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    Reply post(String path, String json) {
        return post(path, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A DELETE that declares a JSON body, as state-changing admin calls must. */
    Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
    }

    /** Any method, any Content-Type (null for none) and body. */
    Reply send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    Reply method(String method, String path) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Creates a workspace with valid defaults for everything but the name, and returns its id. */
    String createWorkspace(String name) {
        Reply reply = post("/api/v1/workspaces",
                "{\"WorkspaceName\":\"" + name + "\",\"Description\":\"created by a test\",\"EnvTypes\":[\"prod\"]}");
        if (reply.status() != 200) {
            throw new AssertionError("CreateWorkspace failed: " + reply);
        }
        return reply.body().get("WorkspaceId").asText();
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), response.headers().firstValue("x-acs-request-id").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
