package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teautil.models.RuntimeOptions;
import com.sun.net.httpserver.HttpServer;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The suite's signer agrees with the official SDK's signing and with the fake's strict verifier. */
class AcsV3SignerTest {

    private static final String KEY_ID = "LTAI5tSignerKey";
    private static final String SECRET = "SignerSecret0123";

    /** What the SDK sent, captured on loopback. */
    @SuppressWarnings("ArrayRecordComponent") // a captured request, read by the test, never compared
    private record Sent(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {}

    private static Sent captureSdk(
            String action, String method, String pathname, Map<String, String> query, Map<String, Object> body)
            throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicReference<Sent> sent = new AtomicReference<>();
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            sent.set(new Sent(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    headers,
                    exchange.getRequestBody().readAllBytes()));
            byte[] answer = "{\"RequestId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        try {
            Client client = new Client(new Config()
                    .setEndpoint("127.0.0.1:" + server.getAddress().getPort())
                    .setProtocol("http")
                    .setAccessKeyId(KEY_ID)
                    .setAccessKeySecret(SECRET)
                    .setRegionId("cn-hangzhou"));
            OpenApiRequest request = new OpenApiRequest();
            if (query != null) {
                request.setQuery(query);
            }
            if (body != null) {
                request.setBody(body);
            }
            client.callApi(OfficialSdk.params(action, method, pathname), request, new RuntimeOptions());
        } finally {
            server.stop(0);
        }
        return sent.get();
    }

    private static String resign(Sent sent) {
        Map<String, String> signed = new LinkedHashMap<>();
        sent.headers().forEach((name, value) -> {
            if (name.startsWith("x-acs-") || name.equals("host") || name.equals("content-type")) {
                signed.put(name, value);
            }
        });
        return new AcsV3Signer(KEY_ID, SECRET)
                .authorization(sent.method(), sent.rawPath(), sent.rawQuery(), signed, sent.body());
    }

    @Test
    void signsAPostWithABodyAsTheSdkDoes() throws Exception {
        Sent sent = captureSdk(
                "CreateWorkspace",
                "POST",
                "/api/v1/workspaces",
                null,
                Map.of("WorkspaceName", "ws_demo", "Description", "d e*~é 中", "EnvTypes", List.of("prod")));

        assertThat(resign(sent)).isEqualTo(sent.headers().get("authorization"));
    }

    @Test
    void signsAGetWithAwkwardPathAndQueryAsTheSdkDoes() throws Exception {
        Sent sent = captureSdk(
                "GetWorkspace",
                "GET",
                "/api/v1/workspaces/" + com.aliyun.openapiutil.Client.getEncodeParam("12 3*~é"),
                Map.of("Verbose", "true", "Odd", "a b*c~+d/é", "Empty", ""),
                null);

        assertThat(resign(sent)).isEqualTo(sent.headers().get("authorization"));
    }

    @Test
    void theFakesStrictVerifierAcceptsTheSuitesSignatures() {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start()) {
            PaiWorkspaceApi api = new PaiWorkspaceApi(
                    new ContractConfig(URI.create(fake.baseUrl()), "cn-hangzhou", KEY_ID, SECRET, true));

            ApiResponse created = api.createWorkspace(
                    "{\"WorkspaceName\":\"signed_ws\",\"Description\":\"签名\",\"EnvTypes\":[\"prod\"]}");
            ApiResponse odd = api.send(
                    "GetWorkspace",
                    "GET",
                    "/api/v1/workspaces/" + AcsV3Signer.percentEncode("12 3*~é"),
                    "Verbose=true&Odd=a+b*c%7E%2Bd%2F%C3%A9",
                    null);

            assertThat(created.status()).as("%s", created).isEqualTo(200);
            assertThat(odd.status()).as("%s", odd).isEqualTo(404);
            assertThat(odd.json().get("Code").asText()).isEqualTo("100400027");
        }
    }

    @Test
    void theFakesStrictVerifierRejectsAWrongSecret() {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().accessKey(KEY_ID, SECRET).build().start()) {
            PaiWorkspaceApi api = new PaiWorkspaceApi(
                    new ContractConfig(URI.create(fake.baseUrl()), "cn-hangzhou", KEY_ID, "nope", true));

            ApiResponse response = api.getDefaultWorkspace(false);

            assertThat(response.json().get("Code").asText()).isEqualTo("SignatureDoesNotMatch");
        }
    }
}
