package io.github.paiworkspacefake.junit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP for the examples. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> createWorkspace(String baseUrl, String name) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/workspaces"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"WorkspaceName\":\"" + name + "\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
