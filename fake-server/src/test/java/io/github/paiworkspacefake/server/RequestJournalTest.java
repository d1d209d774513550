package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

    @Test
    void recordsEveryRequestWithOperationStatusAndBody() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String id = api.createWorkspace("journaled");
            api.get("/api/v1/workspaces/" + id + "?Verbose=true");
            api.get("/nowhere");

            List<RecordedRequest> requests = fake.requests();

            assertThat(requests)
                    .extracting(RecordedRequest::operation)
                    .containsExactly(Operation.CreateWorkspace, Operation.GetWorkspace, null);
            RecordedRequest create = fake.requests(Operation.CreateWorkspace).get(0);
            assertThat(create.method()).isEqualTo("POST");
            assertThat(create.path()).isEqualTo("/api/v1/workspaces");
            assertThat(create.body()).contains("\"WorkspaceName\":\"journaled\"");
            assertThat(create.status()).isEqualTo(200);
            assertThat(create.requestId()).isNotBlank();
            RecordedRequest get = fake.requests(Operation.GetWorkspace).get(0);
            assertThat(get.query()).isEqualTo("Verbose=true");
            assertThat(requests.get(2).status()).isEqualTo(404);
        }
    }

    @Test
    void recordsBodiesSentChunkedOrOnAGetAndNoneWhenNoneIsSent() throws Exception {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            byte[] create = "{\"WorkspaceName\":\"chunked_ws\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"
                    .getBytes(StandardCharsets.UTF_8);
            // a body of unknown length goes out with Transfer-Encoding: chunked
            HttpResponse<String> created = client.send(
                    HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v1/workspaces"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(create)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            client.send(
                    HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v1/defaultWorkspaces"))
                            .method("GET", HttpRequest.BodyPublishers.ofString("{\"odd\":\"get body\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            client.send(
                    HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v1/defaultWorkspaces"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(fake.workspaces()).extracting(Workspace::workspaceName).containsExactly("chunked_ws");
            assertThat(fake.requests(Operation.CreateWorkspace))
                    .singleElement()
                    .satisfies(r -> assertThat(r.headers()).containsEntry("transfer-encoding", "chunked"))
                    .satisfies(r -> assertThat(r.body()).isEqualTo(new String(create, StandardCharsets.UTF_8)));
            assertThat(fake.requests(Operation.GetDefaultWorkspace))
                    .extracting(RecordedRequest::body)
                    .containsExactly("{\"odd\":\"get body\"}", "");
        }
    }

    @Test
    void masksSignaturesAndSecretsAndKeepsTheFirstOfRepeatedHeaders() throws Exception {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v1/workspaces"))
                    .header("Authorization", "ACS3-HMAC-SHA256 Credential=AK_J,SignedHeaders=host,Signature=abcdef0123")
                    .header("x-acs-security-token", "token-value")
                    .header("X-My-Password", "hunter2")
                    .header("X-Client-Secret", "s3cr3t")
                    .header("X-Repeated", "first")
                    .header("X-Repeated", "second")
                    .header("X-Plain", "Mixed Case Value")
                    .build();
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());

            assertThat(fake.requests(Operation.ListWorkspaces).get(0).headers())
                    .containsEntry(
                            "authorization", "ACS3-HMAC-SHA256 Credential=AK_J,SignedHeaders=host,Signature=****")
                    .containsEntry("x-acs-security-token", "****")
                    .containsEntry("x-my-password", "****")
                    .containsEntry("x-client-secret", "****")
                    .containsEntry("x-repeated", "first")
                    .containsEntry("x-plain", "Mixed Case Value")
                    .containsKey("host")
                    .allSatisfy((name, value) -> assertThat(name).isLowerCase());
        }
    }

    @Test
    void journaledSdkRequestHasItsSignatureMasked() throws Exception {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().accessKey("AK_J", "secret_j").build().start()) {
            try {
                new OfficialSdk(fake.endpoint(), fake.accessKeyId(), fake.accessKeySecret()).getDefaultWorkspace(false);
            } catch (com.aliyun.tea.TeaException expected) {
                // no default workspace yet
            }

            RecordedRequest recorded =
                    fake.requests(Operation.GetDefaultWorkspace).get(0);

            assertThat(recorded.headers().get("authorization"))
                    .contains("Credential=AK_J")
                    .endsWith("Signature=****");
            assertThat(recorded.headers()).containsKey("x-acs-signature-nonce");
        }
    }

    @Test
    void clearForgetsRequests() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            new ApiClient(fake.baseUrl()).get("/api/v1/defaultWorkspaces");
            fake.clearRequests();

            assertThat(fake.requests()).isEmpty();
        }
    }
}
