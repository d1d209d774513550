package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the journal keeps of each request besides the request itself: the answer's body, the latency, the error code,
 * the signature scheme and AccessKeyId (never a secret or signature), and why a request was not served as usual.
 */
class JournalDetailsTest {

    private static final String KEY_ID = "LTAI5tJournalKey";
    private static final String SECRET = "JournalSecret0123456789";

    @Test
    void keepsTheAnswerTheLatencyAndTheErrorCode() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String id = api.createWorkspace("journal_answers");
            ApiClient.Reply missing = api.get("/api/v1/workspaces/999999");

            RecordedRequest created = fake.requests(Operation.CreateWorkspace).get(0);
            RecordedRequest notFound = fake.requests(Operation.GetWorkspace).get(0);

            assertThat(created.answer())
                    .isEqualTo("{\"RequestId\":\"" + created.requestId() + "\",\"WorkspaceId\":\"" + id + "\"}");
            assertThat(created.errorCode()).isNull();
            assertThat(created.reason()).isNull();
            assertThat(created.latency()).isPositive().isLessThan(Duration.ofSeconds(10));
            assertThat(notFound.errorCode()).isEqualTo("100400027");
            assertThat(notFound.answer()).contains("\"Message\":\"Workspace not exists\"");
            assertThat(notFound.requestId()).isEqualTo(missing.requestIdHeader());
        }
    }

    @Test
    void namesTheV3SchemeAndKeyOfTheSdkAndNeverItsSecret() throws Exception {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start()) {
            new OfficialSdk(fake.endpoint(), KEY_ID, SECRET)
                    .createWorkspace(
                            Map.of("WorkspaceName", "signed_ws", "Description", "d", "EnvTypes", List.of("prod")));
            new ApiClient(fake.baseUrl()).get("/api/v1/defaultWorkspaces");

            RecordedRequest signed = fake.requests(Operation.CreateWorkspace).get(0);
            RecordedRequest unsigned =
                    fake.requests(Operation.GetDefaultWorkspace).get(0);

            assertThat(signed.signatureScheme()).isEqualTo("ACS3-HMAC-SHA256");
            assertThat(signed.accessKeyId()).isEqualTo(KEY_ID);
            assertThat(signed.toString() + signed.headers() + signed.body() + signed.answer())
                    .doesNotContain(SECRET);
            assertThat(unsigned.signatureScheme()).isNull();
            assertThat(unsigned.accessKeyId()).isNull();
            assertThat(unsigned.errorCode()).isEqualTo("IncompleteSignature");
        }
    }

    @Test
    void namesTheLegacyRoaSchemeAndKeyAndMasksItsSignature() throws Exception {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start()) {
            CapturedRequest request = new LegacyRoaSigner(KEY_ID, SECRET)
                    .sign(
                            "POST",
                            "/api/v1/workspaces",
                            Map.of(),
                            "{\"WorkspaceName\":\"roa_ws\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}",
                            false);
            assertThat(request.replayTo(fake.port()).status()).isEqualTo(200);

            RecordedRequest recorded = fake.requests(Operation.CreateWorkspace).get(0);

            assertThat(recorded.signatureScheme()).isEqualTo(RecordedRequest.ROA_SCHEME);
            assertThat(recorded.accessKeyId()).isEqualTo(KEY_ID);
            assertThat(recorded.headers().get("authorization")).isEqualTo("acs " + KEY_ID + ":****");
        }
    }

    @Test
    void readsSchemesAndKeysFromTheAuthorizationHeaderAsSent() {
        assertThat(recordedWith("ACS3-HMAC-SHA256 Credential=AK1,SignedHeaders=host,Signature=****"))
                .extracting(RecordedRequest::signatureScheme, RecordedRequest::accessKeyId)
                .containsExactly("ACS3-HMAC-SHA256", "AK1");
        assertThat(recordedWith("ACS3-HMAC-SM3 SignedHeaders=host, Credential=AK2, Signature=****"))
                .extracting(RecordedRequest::signatureScheme, RecordedRequest::accessKeyId)
                .containsExactly("ACS3-HMAC-SM3", "AK2");
        assertThat(recordedWith("acs AK3:****"))
                .extracting(RecordedRequest::signatureScheme, RecordedRequest::accessKeyId)
                .containsExactly("ROA", "AK3");
        assertThat(recordedWith("Bearer abc"))
                .extracting(RecordedRequest::signatureScheme, RecordedRequest::accessKeyId)
                .containsExactly("Bearer", null);
        assertThat(recordedWith("ACS3-HMAC-SHA256 Credential="))
                .extracting(RecordedRequest::accessKeyId)
                .isNull();
    }

    private static RecordedRequest recordedWith(String authorization) {
        return RecordedRequest.builder()
                .method("GET")
                .path("/")
                .headers(Map.of("authorization", authorization))
                .time(java.time.Instant.EPOCH)
                .requestId("R")
                .build();
    }

    @Test
    void saysWhyARequestReachedNoOperation() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            api.method("PATCH", "/api/v1/workspaces/100001");
            api.post("/api/v1/workspaces/", "{}");
            api.get("/api/v1/datasetz");
            api.get("/v2/workspaces");

            assertThat(fake.requests())
                    .allSatisfy(request -> assertThat(request.operation()).isNull())
                    .allSatisfy(request -> assertThat(request.errorCode()).isEqualTo("InvalidApi.NotFound"))
                    .extracting(RecordedRequest::reason)
                    .containsExactly(
                            "No operation is PATCH /api/v1/workspaces/100001; that path is DELETE DeleteWorkspace,"
                                    + " GET GetWorkspace, PUT UpdateWorkspace.",
                            "No operation has a path ending in /; without the slash, POST /api/v1/workspaces is"
                                    + " CreateWorkspace.",
                            "No operation of the AIWorkSpace API has the path /api/v1/datasetz (docs/coverage.md"
                                    + " lists them).",
                            "No operation of the AIWorkSpace API has the path /v2/workspaces; its paths start with"
                                    + " /api/v1/ (docs/coverage.md lists them).");
        }
    }

    @Test
    void journalsWhatTheWebServerRefusesBeforeAnyRouteWithWhy() throws Exception {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            HttpResponse<String> refused = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v1/workspaces/%C0%AE"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(fake.requests()).singleElement().satisfies(request -> {
                assertThat(request.operation()).isNull();
                assertThat(request.path()).isEqualTo("/api/v1/workspaces/%C0%AE");
                assertThat(request.status()).isEqualTo(400);
                assertThat(request.errorCode()).isEqualTo("BadRequest");
                assertThat(request.requestId())
                        .isEqualTo(
                                refused.headers().firstValue("x-acs-request-id").orElseThrow());
                assertThat(request.answer()).isEqualTo(refused.body());
                assertThat(request.reason()).startsWith("The web server refused it before any route: HTTP 400");
            });
        }
    }

    @Test
    void marksInjectedFaultsAndADroppedConnectionHasNoStatus() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            fake.faults().failNext(Operation.GetDefaultWorkspace, 1, 429, "Throttling.Own", "slow down");
            fake.faults().dropNext(Operation.ListWorkspaces, 2);
            ApiClient.Reply throttled = api.get("/api/v1/defaultWorkspaces");
            assertThat(catchThrowable(() -> api.get("/api/v1/workspaces"))).isNotNull();

            RecordedRequest failed =
                    fake.requests(Operation.GetDefaultWorkspace).get(0);
            List<RecordedRequest> dropped = fake.requests(Operation.ListWorkspaces);

            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.body().get("Code").asText()).isEqualTo("Throttling.Own");
            assertThat(throttled.body().get("Message").asText()).isEqualTo("slow down");
            assertThat(failed.errorCode()).isEqualTo("Throttling.Own");
            assertThat(failed.reason()).isEqualTo("A fault injected by test code: 429 Throttling.Own.");
            assertThat(dropped).isNotEmpty().allSatisfy(request -> {
                assertThat(request.status()).isZero();
                assertThat(request.answer()).isEmpty();
                assertThat(request.reason()).contains("dropped without an answer");
            });
        }
    }
}
