package example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What a user's own code would do against the fake: plain HTTP calls of CreateWorkspace. */
final class Workspaces {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Workspaces() {}

    static int create(String baseUrl, String name) throws Exception {
        return CLIENT.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/workspaces"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"WorkspaceName\":\"" + name
                                        + "\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    static boolean listening(int port) {
        try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }
}
