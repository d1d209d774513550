package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import io.github.paiworkspacefake.server.internal.signature.NonceRegistry;
import io.github.paiworkspacefake.server.internal.signature.SignatureVerifier;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.ErrorAssertions;
import io.github.paiworkspacefake.testsupport.MutableClock;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Strict mode: only requests signed as the official SDK signs them, with a configured AccessKey, get through. */
class SignatureVerificationTest {

    private static final String KEY_ID = "LTAI5tStrictKeyId";
    private static final String SECRET = "StrictKeySecret0123456789";

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start();

    @AfterEach
    void stop() {
        fake.close();
    }

    private static CapturedRequest signedCreate(String name) throws Exception {
        return CapturedRequest.capture(at -> at.signedWith(KEY_ID, SECRET)
                .createWorkspace(
                        Map.of("WorkspaceName", name, "Description", "d é 中 *~", "EnvTypes", List.of("prod"))));
    }

    private static CapturedRequest signedGet(String workspaceId) throws Exception {
        return CapturedRequest.capture(at -> at.signedWith(KEY_ID, SECRET).getWorkspace(workspaceId, true));
    }

    @Test
    void acceptsTheOfficialSdk() throws Exception {
        OfficialSdk sdk = new OfficialSdk(fake.endpoint(), fake.accessKeyId(), fake.accessKeySecret());

        String id = (String) OfficialSdk.body(sdk.createWorkspace(
                        Map.of("WorkspaceName", "strict_ok", "Description", "d", "EnvTypes", List.of("prod"))))
                .get("WorkspaceId");

        assertThat(OfficialSdk.body(sdk.getWorkspace(id, true))).containsEntry("WorkspaceName", "strict_ok");
        assertThat(fake.accessKeyId()).isEqualTo(KEY_ID);
        assertThat(fake.requiresSignatures()).isTrue();
    }

    @Test
    void acceptsAwkwardPathAndQueryCharacters() throws Exception {
        CapturedRequest request =
                CapturedRequest.capture(at -> at.signedWith(KEY_ID, SECRET).getWorkspace("12 3*~é+/", false));

        assertThat(request.replayTo(fake.port()).code()).isEqualTo("100400027");
    }

    @Test
    void acceptsACapturedRequestReplayedOnce() throws Exception {
        assertThat(signedCreate("replayed_once").replayTo(fake.port()).status()).isEqualTo(200);
    }

    @Test
    void rejectsMissingAuthorization() throws Exception {
        CapturedRequest.ApiReply reply = signedCreate("no_auth")
                .with(r -> r.headers.remove("authorization"))
                .replayTo(fake.port());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("IncompleteSignature");
        assertThat(fake.workspaces()).isEmpty();
    }

    @Test
    void rejectsGarbledAuthorization() throws Exception {
        for (String garbled : List.of(
                "garbage",
                "ACS3-HMAC-SHA256 nonsense",
                "ACS3-HMAC-SHA256 Credential=" + KEY_ID + ",SignedHeaders=host,Signature=xyz",
                "ACS3-HMAC-SM3 Credential=a,SignedHeaders=host,Signature=00")) {
            CapturedRequest.ApiReply reply = signedCreate("garbled")
                    .with(r -> r.headers.put("authorization", garbled))
                    .replayTo(fake.port());

            assertThat(reply.status()).as(garbled).isEqualTo(400);
            assertThat(reply.code()).as(garbled).isEqualTo("IncompleteSignature");
        }
        assertThat(fake.workspaces()).isEmpty();
    }

    @Test
    void rejectsUnknownAccessKeyId() {
        OfficialSdk stranger = new OfficialSdk(fake.endpoint(), "LTAI5tUnknown", SECRET);

        TeaException e = catchThrowableOfType(TeaException.class, () -> stranger.getDefaultWorkspace(false));

        assertThat(e.getCode()).isEqualTo("InvalidAccessKeyId.NotFound");
        assertThat(e.getStatusCode()).isEqualTo(404);
    }

    @Test
    void rejectsWrongSecret() {
        OfficialSdk wrongSecret = new OfficialSdk(fake.endpoint(), KEY_ID, "not-the-secret");

        TeaException e = catchThrowableOfType(
                TeaException.class,
                () -> wrongSecret.createWorkspace(
                        Map.of("WorkspaceName", "wrong_secret", "Description", "d", "EnvTypes", List.of("prod"))));

        assertThat(e.getCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(fake.workspaces()).isEmpty();
    }

    @Test
    void rejectsTamperedBody() throws Exception {
        CapturedRequest.ApiReply reply = signedCreate("tampered")
                .with(r -> r.body = new String(r.body, StandardCharsets.UTF_8)
                        .replace("tampered", "tampered2")
                        .getBytes(StandardCharsets.UTF_8))
                .replayTo(fake.port());

        assertThat(reply.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(fake.workspaces()).isEmpty();
    }

    @Test
    void rejectsTamperedBodyWithMatchingContentHash() throws Exception {
        CapturedRequest.ApiReply reply = signedCreate("tampered")
                .with(r -> {
                    r.body = new String(r.body, StandardCharsets.UTF_8)
                            .replace("tampered", "tampered2")
                            .getBytes(StandardCharsets.UTF_8);
                    r.headers.put("x-acs-content-sha256", SignatureVerifier.sha256Hex(r.body));
                })
                .replayTo(fake.port());

        assertThat(reply.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(fake.workspaces()).isEmpty();
    }

    @Test
    void rejectsTamperedQuery() throws Exception {
        Workspace seeded = fake.addWorkspace(Workspace.builder("query_target").build());

        CapturedRequest.ApiReply reply = signedGet(seeded.workspaceId())
                .with(r -> r.rawQuery = "Verbose=false")
                .replayTo(fake.port());

        assertThat(reply.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void rejectsTamperedPath() throws Exception {
        Workspace seeded = fake.addWorkspace(Workspace.builder("path_target").build());

        CapturedRequest.ApiReply reply = signedGet("999999")
                .with(r -> r.rawPath = "/api/v1/workspaces/" + seeded.workspaceId())
                .replayTo(fake.port());

        assertThat(reply.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void rejectsTamperedSignedHeader() throws Exception {
        CapturedRequest.ApiReply reply = signedCreate("header_tamper")
                .with(r -> r.headers.put("x-acs-action", "GetWorkspace"))
                .replayTo(fake.port());

        assertThat(reply.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void rejectsUnsignedAcsHeaderCoverageGaps() throws Exception {
        CapturedRequest.ApiReply reply = signedCreate("coverage")
                .with(r -> {
                    String auth = r.headers.get("authorization");
                    r.headers.put("authorization", auth.replace("content-type;", ""));
                })
                .replayTo(fake.port());

        assertThat(reply.code()).isEqualTo("IncompleteSignature");
    }

    @Test
    void rejectsRequestDateMoreThanFifteenMinutesAway() throws Exception {
        try (PaiWorkspaceFake future = PaiWorkspaceFake.builder()
                .accessKey(KEY_ID, SECRET)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)))
                .build()
                .start()) {
            CapturedRequest.ApiReply reply = signedCreate("late").replayTo(future.port());

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("InvalidTimeStamp.Expired");
            assertThat(future.workspaces()).isEmpty();
        }
    }

    @Test
    void acceptsRequestDateWithinFifteenMinutes() throws Exception {
        try (PaiWorkspaceFake skewed = PaiWorkspaceFake.builder()
                .accessKey(KEY_ID, SECRET)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(14)))
                .build()
                .start()) {
            assertThat(signedCreate("early").replayTo(skewed.port()).status()).isEqualTo(200);
        }
    }

    @Test
    void rejectsMalformedRequestDate() throws Exception {
        CapturedRequest.ApiReply reply = signedCreate("bad_date")
                .with(r -> r.headers.put("x-acs-date", "yesterday"))
                .replayTo(fake.port());

        assertThat(reply.code()).isEqualTo("InvalidTimeStamp.Format");
    }

    @Test
    void rejectsReusedNonce() throws Exception {
        CapturedRequest request = signedCreate("nonce_once");

        assertThat(request.replayTo(fake.port()).status()).isEqualTo(200);
        CapturedRequest.ApiReply replay = request.replayTo(fake.port());

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.code()).isEqualTo("SignatureNonceUsed");
        assertThat(fake.workspaces()).hasSize(1);
    }

    @Test
    void anUnsignedOrForgedRequestTakesNoInjectedFaultAndWaitsOutNoDelay() throws Exception {
        String id = fake.addWorkspace(Workspace.builder("guarded").build()).workspaceId();
        fake.faults().failNext(Operation.GetWorkspace, 1, FaultError.THROTTLING);
        fake.faults().delay(Operation.GetWorkspace, Duration.ofSeconds(3));

        long start = System.nanoTime();
        ApiClient.Reply unsigned = new ApiClient(fake.baseUrl()).get("/api/v1/workspaces/" + id);
        CapturedRequest.ApiReply forged = signedGet(id)
                .with(r -> r.headers.put(
                        "authorization",
                        r.headers.get("authorization").replaceAll("Signature=[0-9a-f]{4}", "Signature=0000")))
                .replayTo(fake.port());
        Duration refusedIn = Duration.ofNanos(System.nanoTime() - start);

        ErrorAssertions.assertError(unsigned, 400, "IncompleteSignature");
        assertThat(forged.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(refusedIn).as("no injected delay waited out").isLessThan(Duration.ofSeconds(3));
        CapturedRequest.ApiReply signed = signedGet(id).replayTo(fake.port());
        assertThat(signed.code())
                .as("the fault is still armed for the first signed request")
                .isEqualTo("Throttling.User");
        assertThat(signedGet(id).replayTo(fake.port()).status()).isEqualTo(200);
    }

    @Test
    void nonceChecksForgetExpiredNoncesOldestFirstWithoutScanningAll() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        NonceRegistry nonces = new NonceRegistry(clock, Duration.ofMinutes(15));
        for (int i = 0; i < 10_000; i++) {
            assertThat(nonces.firstUse("old-" + i)).isTrue();
        }
        assertThat(nonces.firstUse("old-42")).as("a replay inside the window").isFalse();

        clock.now = clock.now.plus(Duration.ofMinutes(16));

        assertThat(nonces.firstUse("old-43"))
                .as("usable again once the window has passed")
                .isTrue();
        for (int i = 0; i < 2_600; i++) {
            nonces.firstUse("new-" + i);
        }
        assertThat(nonces.size())
                .as("each check forgets a few of the oldest, so expired ones are all gone")
                .isEqualTo(2_601);
        assertThat(nonces.firstUse("new-7")).isFalse();
    }

    @Test
    void offModeAcceptsAnyCredentials() throws Exception {
        try (PaiWorkspaceFake relaxed = PaiWorkspaceFake.builder().build().start()) {
            OfficialSdk anyone = new OfficialSdk(relaxed.endpoint(), "whatever", "whatever");

            assertThat(anyone.createWorkspace(
                                    Map.of("WorkspaceName", "relaxed", "Description", "d", "EnvTypes", List.of("prod")))
                            .get("statusCode"))
                    .isEqualTo(200);
            assertThat(relaxed.requiresSignatures()).isFalse();
            assertThat(relaxed.accessKeyId()).isEqualTo(PaiWorkspaceFake.DEFAULT_ACCESS_KEY_ID);
        }
    }
}
