package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Strict mode with the legacy ROA signature Terraform sends ({@code Authorization: acs AK:signature}, HMAC-SHA1):
 * accepted beside V3, and a forged, tampered or replayed request refused with the same codes.
 */
class LegacyRoaSignatureTest {

    private static final String KEY_ID = "LTAI5tTerraformKey";
    private static final String SECRET = "TerraformSecret0123456789";

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start();
    private final LegacyRoaSigner signer = new LegacyRoaSigner(KEY_ID, SECRET);

    @AfterEach
    void stop() {
        fake.close();
    }

    private CapturedRequest create(String name) throws Exception {
        return signer.sign(
                "POST",
                "/api/v1/workspaces",
                Map.of(),
                "{\"WorkspaceName\":\"" + name + "\",\"Description\":\"by terraform\",\"EnvTypes\":[\"prod\"]}",
                false);
    }

    @Test
    void terraformsWorkspaceLifecycleIsAcceptedWithoutAnActionHeader() throws Exception {
        CapturedRequest.ApiReply created = create("tf_ws").replayTo(fake.port());
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        String id = created.body().get("WorkspaceId").asText();

        assertThat(signer.sign("GET", "/api/v1/workspaces/" + id, Map.of(), null, false)
                        .replayTo(fake.port())
                        .body()
                        .get("Status")
                        .asText())
                .isEqualTo("ENABLED");
        assertThat(signer.sign(
                                "PUT",
                                "/api/v1/workspaces/" + id,
                                Map.of(),
                                "{\"WorkspaceId\":\"" + id + "\",\"Description\":\"changed\"}",
                                false)
                        .replayTo(fake.port())
                        .status())
                .isEqualTo(200);
        assertThat(signer.sign(
                                "PUT",
                                "/resourcegroups/action/changeresourcegroup",
                                Map.of(),
                                "{\"ResourceId\":\"" + id
                                        + "\",\"NewResourceGroupId\":\"rg-tf\",\"ResourceType\":\"workspace\"}",
                                false)
                        .replayTo(fake.port())
                        .status())
                .isEqualTo(200);
        assertThat(signer.sign("DELETE", "/api/v1/workspaces/" + id, Map.of(), null, false)
                        .replayTo(fake.port())
                        .status())
                .isEqualTo(200);
        assertThat(signer.sign("GET", "/api/v1/workspaces/" + id, Map.of(), null, false)
                        .replayTo(fake.port())
                        .code())
                .isEqualTo("100400027");
        assertThat(fake.requests())
                .extracting(RecordedRequest::operation)
                .containsExactly(
                        Operation.CreateWorkspace,
                        Operation.GetWorkspace,
                        Operation.UpdateWorkspace,
                        Operation.ChangeResourceGroup,
                        Operation.DeleteWorkspace,
                        Operation.GetWorkspace);
    }

    @Test
    void querySigningAcceptsSortedRawValuesAndBareKeysForEmptyValues() throws Exception {
        api("first_ws");

        CapturedRequest list = signer.sign(
                "GET",
                "/api/v1/workspaces",
                Map.of("WorkspaceName", "first ws?&", "PageSize", "10", "SortBy", "GmtCreateTime", "Fields", ""),
                null,
                false);

        CapturedRequest.ApiReply reply = list.replayTo(fake.port());
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
    }

    @Test
    void aContentMd5ThatMatchesIsAcceptedAndOneThatDoesNotIsRefused() throws Exception {
        CapturedRequest withMd5 = signer.sign(
                "POST",
                "/api/v1/workspaces",
                Map.of(),
                "{\"WorkspaceName\":\"md5_ws\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}",
                true);
        assertThat(withMd5.replayTo(fake.port()).status()).isEqualTo(200);

        CapturedRequest tampered = signer.sign(
                        "POST",
                        "/api/v1/workspaces",
                        Map.of(),
                        "{\"WorkspaceName\":\"md5_ws2\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}",
                        true)
                .with(r -> r.body = "{\"WorkspaceName\":\"evil_ws\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(tampered.replayTo(fake.port()).code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(fake.workspaces()).extracting(Workspace::workspaceName).containsExactly("md5_ws");
    }

    @Test
    void aWrongSecretOrUnknownKeyIsRefused() throws Exception {
        assertThat(new LegacyRoaSigner(KEY_ID, "wrong")
                        .sign("GET", "/api/v1/workspaces", Map.of(), null, false)
                        .replayTo(fake.port())
                        .code())
                .isEqualTo("SignatureDoesNotMatch");
        CapturedRequest.ApiReply unknown = new LegacyRoaSigner("LTAI5tNobody", SECRET)
                .sign("GET", "/api/v1/workspaces", Map.of(), null, false)
                .replayTo(fake.port());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("InvalidAccessKeyId.NotFound");
    }

    @Test
    void tamperingWithMethodPathQueryOrASignedHeaderIsRefused() throws Exception {
        String id = api("target_ws");
        CapturedRequest get = signer.sign("GET", "/api/v1/workspaces/" + id, Map.of("Verbose", "true"), null, false);

        assertThat(get.with(r -> r.rawPath = "/api/v1/workspaces/424242")
                        .replayTo(fake.port())
                        .code())
                .isEqualTo("SignatureDoesNotMatch");
        assertThat(get.with(r -> r.rawQuery = "Verbose=false")
                        .replayTo(fake.port())
                        .code())
                .isEqualTo("SignatureDoesNotMatch");
        assertThat(get.with(r -> r.headers.put("x-acs-version", "2020-01-01"))
                        .replayTo(fake.port())
                        .code())
                .isEqualTo("SignatureDoesNotMatch");
        assertThat(get.with(r -> r.method = "DELETE").replayTo(fake.port()).code())
                .isEqualTo("SignatureDoesNotMatch");
        assertThat(fake.workspace(id)).isPresent();
    }

    @Test
    void aReplayedNonceIsRefused() throws Exception {
        CapturedRequest once = signer.sign("GET", "/api/v1/workspaces", Map.of(), null, false);

        assertThat(once.replayTo(fake.port()).status()).isEqualTo(200);
        CapturedRequest.ApiReply again = once.replayTo(fake.port());
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("SignatureNonceUsed");
    }

    @Test
    void datesAndSchemeHeadersAreChecked() throws Exception {
        String old = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(16));
        CapturedRequest expired = signer.resign(
                signer.sign("GET", "/api/v1/workspaces", Map.of(), null, false).with(r -> r.headers.put("date", old)),
                Map.of());
        assertThat(expired.replayTo(fake.port()).code()).isEqualTo("InvalidTimeStamp.Expired");

        CapturedRequest badDate = signer.resign(
                signer.sign("GET", "/api/v1/workspaces", Map.of(), null, false)
                        .with(r -> r.headers.put("date", "yesterday")),
                Map.of());
        assertThat(badDate.replayTo(fake.port()).code()).isEqualTo("InvalidTimeStamp.Format");

        CapturedRequest noNonce = signer.resign(
                signer.sign("GET", "/api/v1/workspaces", Map.of(), null, false)
                        .with(r -> r.headers.remove("x-acs-signature-nonce")),
                Map.of());
        assertThat(noNonce.replayTo(fake.port()).code()).isEqualTo("IncompleteSignature");

        CapturedRequest sha256 = signer.resign(
                signer.sign("GET", "/api/v1/workspaces", Map.of(), null, false)
                        .with(r -> r.headers.put("x-acs-signature-method", "HMAC-SHA256")),
                Map.of());
        assertThat(sha256.replayTo(fake.port()).code()).isEqualTo("IncompleteSignature");

        CapturedRequest malformed = signer.sign("GET", "/api/v1/workspaces", Map.of(), null, false)
                .with(r -> r.headers.put("authorization", "acs " + KEY_ID));
        assertThat(malformed.replayTo(fake.port()).code()).isEqualTo("IncompleteSignature");
    }

    @Test
    void routingIgnoresTheActionHeader() throws Exception {
        CapturedRequest misleading = signer.resign(
                signer.sign("GET", "/api/v1/workspaces", Map.of(), null, false)
                        .with(r -> r.headers.put("x-acs-action", "DeleteWorkspace")),
                Map.of());

        CapturedRequest.ApiReply reply = misleading.replayTo(fake.port());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(fake.requests()).extracting(RecordedRequest::operation).containsExactly(Operation.ListWorkspaces);
    }

    @Test
    void anUnsignedRequestTakesNoArmedFault() throws Exception {
        fake.faults().failNext(Operation.ListWorkspaces, 1, FaultError.INTERNAL_ERROR);

        CapturedRequest forged =
                new LegacyRoaSigner(KEY_ID, "forged").sign("GET", "/api/v1/workspaces", Map.of(), null, false);
        assertThat(forged.replayTo(fake.port()).code()).isEqualTo("SignatureDoesNotMatch");

        assertThat(signer.sign("GET", "/api/v1/workspaces", Map.of(), null, false)
                        .replayTo(fake.port())
                        .code())
                .isEqualTo("InternalError");
    }

    private String api(String name) throws Exception {
        return create(name).replayTo(fake.port()).body().get("WorkspaceId").asText();
    }
}
