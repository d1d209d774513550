package io.github.paiworkspacefake.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Plain HTTP to a running fake (or any implementation), as any client would speak it; answers parsed as JSON. */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    /** A client of the server at {@code baseUrl}, such as {@code http://127.0.0.1:51234}. */
    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A status, the request-id header and the parsed body. */
    public record Reply(int status, String requestIdHeader, String contentType, JsonNode body) {}

    public Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    public Reply post(String path, String json) {
        return post(path, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    public Reply post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Reply put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A DELETE that declares a JSON body, as state-changing admin calls must. */
    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
    }

    /** Any method, any Content-Type (null for none) and body. */
    public Reply send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Reply method(String method, String path) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** CreateWorkspace with valid defaults for everything but the name; the answer as it came. */
    public Reply postWorkspace(String name) {
        return post(
                "/api/v1/workspaces",
                "{\"WorkspaceName\":\"" + name + "\",\"Description\":\"created by a test\",\"EnvTypes\":[\"prod\"]}");
    }

    /** Creates a workspace with valid defaults for everything but the name, and returns its id. */
    public String createWorkspace(String name) {
        Reply reply = post(
                "/api/v1/workspaces",
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
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("x-acs-request-id").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null),
                    body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
