package io.github.paiworkspacefake.benchmarks.pertest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** What every per-test-cost body does: one GetWorkspace request with the JDK client a user's test would use. */
final class TestRequests {

    static final String WORKSPACE_ID = "100001";
    static final String PATH = "/api/v1/workspaces/" + WORKSPACE_ID;

    /** The answer the reference servers give: the shape of the fake's GetWorkspace answer. */
    static final byte[] ANSWER = ("{\"RequestId\":\"B5A8B1C6-4A0E-4D6C-9F6E-2C0F4E6A1B2C\",\"WorkspaceId\":\"100001\","
                    + "\"WorkspaceName\":\"bench_ws\",\"GmtCreateTime\":\"2026-01-01T00:00:00.000Z\","
                    + "\"GmtModifiedTime\":\"2026-01-01T00:00:00.000Z\",\"DisplayName\":\"bench_ws\",\"Description\":\"benchmark\","
                    + "\"EnvTypes\":[\"prod\"],\"Creator\":\"1557000000000001\",\"Status\":\"ENABLED\",\"IsDefault\":false,"
                    + "\"ExtraInfos\":{\"TenantId\":\"428600000000098\"},\"ResourceGroupId\":\"rg-acfm1557000000000001\"}")
            .getBytes(StandardCharsets.UTF_8);

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestRequests() {}

    /** GET the workspace from the server at {@code baseUrl}. */
    static HttpResponse<String> getWorkspace(String baseUrl) {
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + PATH)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
