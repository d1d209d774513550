package io.github.paiworkspacefake.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client-side signer of the legacy ROA scheme, written for the tests from the published algorithm (tea-roa-utils
 * {@code getSignedStr}, as Terraform's tea-roa uses it), independently of the fake's verifier: it builds the request
 * Terraform would send, as a {@link CapturedRequest} a test can replay or tamper with.
 */
final class LegacyRoaSigner {

    private final String accessKeyId;
    private final String secret;

    LegacyRoaSigner(String accessKeyId, String secret) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
    }

    /**
     * A signed request. {@code query} values are raw (unencoded); {@code contentMd5} adds the header pop-core sends.
     * The string to sign is {@code METHOD\naccept\ncontent-md5\ncontent-type\ndate\n}, the sorted {@code x-acs-*}
     * headers as {@code name:value\n}, then the path and the sorted query, a key alone when its value is empty.
     */
    CapturedRequest sign(String method, String path, Map<String, String> query, String jsonBody, boolean contentMd5)
            throws Exception {
        CapturedRequest request = new CapturedRequest();
        request.method = method;
        request.rawPath = path;
        request.rawQuery = query.isEmpty()
                ? null
                : query.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        request.body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        request.headers.put("host", "127.0.0.1");
        request.headers.put("date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        request.headers.put("accept", "application/json");
        request.headers.put("x-acs-signature-nonce", UUID.randomUUID().toString());
        request.headers.put("x-acs-signature-method", "HMAC-SHA1");
        request.headers.put("x-acs-signature-version", "1.0");
        request.headers.put("x-acs-version", "2021-02-04");
        request.headers.put("user-agent", "AlibabaCloud (terraform-like test client)");
        if (jsonBody != null) {
            request.headers.put("content-type", "application/json; charset=utf-8");
            if (contentMd5) {
                request.headers.put(
                        "content-md5",
                        Base64.getEncoder()
                                .encodeToString(MessageDigest.getInstance("MD5").digest(request.body)));
            }
        }
        return resign(request, query);
    }

    /** Signs (again) a request whose headers were changed, for tests that build a valid request on purpose. */
    CapturedRequest resign(CapturedRequest request, Map<String, String> query) throws Exception {
        StringBuilder toSign = new StringBuilder()
                .append(request.method)
                .append('\n')
                .append(request.headers.getOrDefault("accept", ""))
                .append('\n')
                .append(request.headers.getOrDefault("content-md5", ""))
                .append('\n')
                .append(request.headers.getOrDefault("content-type", ""))
                .append('\n')
                .append(request.headers.getOrDefault("date", ""))
                .append('\n');
        new TreeMap<>(request.headers).forEach((name, value) -> {
            if (name.startsWith("x-acs-")) {
                toSign.append(name).append(':').append(value).append('\n');
            }
        });
        toSign.append(request.rawPath);
        if (!query.isEmpty()) {
            toSign.append('?')
                    .append(new TreeMap<>(query)
                            .entrySet().stream()
                                    .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + "=" + e.getValue())
                                    .collect(Collectors.joining("&")));
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature =
                Base64.getEncoder().encodeToString(mac.doFinal(toSign.toString().getBytes(StandardCharsets.UTF_8)));
        request.headers.put("authorization", "acs " + accessKeyId + ":" + signature);
        return request;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
