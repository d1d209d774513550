package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.testsupport.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorFormatApiTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    @ParameterizedTest
    @CsvSource({
        "GET,/",
        "GET,/api/v1/unknown",
        "DELETE,/api/v1/workspaces",
        "PATCH,/api/v1/workspaces/1",
        "GET,/api/v1/workspaces/",
        "PATCH,/api/v1/defaultWorkspaces",
        "POST,/api/v1/workspaces/1",
        "DELETE,/api/v1/defaultWorkspaces",
        "GET,/resourcegroups/action/changeresourcegroup"
    })
    void unknownPathsAndMethodsAnswerInTheErrorFormat(String method, String path) {
        assertError(api.method(method, path), 404, "InvalidApi.NotFound");
    }

    @Test
    void headAnswersWithTheStatusAndHeadersOfGet() {
        String id = api.createWorkspace("head_ws");

        assertThat(api.method("HEAD", "/api/v1/workspaces/" + id).status()).isEqualTo(200);
        ApiClient.Reply missing = api.method("HEAD", "/api/v1/workspaces/424242");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.requestIdHeader()).isNotBlank();
        assertThat(missing.contentType()).startsWith("application/json");
    }

    @Test
    void everyResponseCarriesAFreshRequestId() {
        ApiClient.Reply first = api.get("/api/v1/workspaces/1");
        ApiClient.Reply second = api.get("/api/v1/workspaces/1");

        assertThat(first.requestIdHeader()).isNotEqualTo(second.requestIdHeader());
        assertThat(first.requestIdHeader()).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
    }

    @Test
    void malformedHttpIsAnsweredInTheErrorFormatNotAnHtmlPage() throws IOException {
        String response =
                rawExchange("GET /api/v1/workspaces/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).doesNotContain("<html").contains("\"Code\":").contains("\"RequestId\":");
    }

    @Test
    void ambiguousPathIsAnsweredInTheErrorFormat() throws IOException {
        String response =
                rawExchange("GET /api/v1/workspaces/%2F..%2F HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(response).matches("(?s)HTTP/1.1 4\\d\\d .*");
        assertThat(response).doesNotContain("<html").contains("\"Code\":");
    }

    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fake.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
