package io.github.paiworkspacefake.contract;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's V3 request signature ({@code ACS3-HMAC-SHA256}) as the official SDK computes it, written from the
 * published algorithm: canonical request, string to sign, HMAC-SHA256 with the AccessKeySecret.
 */
final class AcsV3Signer {

    static final String ALGORITHM = "ACS3-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final String accessKeyId;
    private final String accessKeySecret;

    AcsV3Signer(String accessKeyId, String accessKeySecret) {
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
    }

    /**
     * The Authorization header for a request. {@code headers} are the headers to sign (any case): every
     * {@code x-acs-*} header, {@code host} and {@code content-type} when there is a body.
     */
    String authorization(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
        TreeMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-acs-") || lower.equals("host") || lower.equals("content-type")) {
                signed.put(lower, value.trim());
            }
        });
        StringBuilder canonical = new StringBuilder()
                .append(method)
                .append('\n')
                .append(rawPath.isEmpty() ? "/" : rawPath)
                .append('\n')
                .append(canonicalQuery(rawQuery))
                .append('\n');
        signed.forEach((name, value) ->
                canonical.append(name).append(':').append(value).append('\n'));
        String signedHeaders = String.join(";", signed.keySet());
        canonical.append('\n').append(signedHeaders).append('\n').append(sha256Hex(body));
        String stringToSign = ALGORITHM + "\n" + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaders + ",Signature="
                + HEX.formatHex(hmac(stringToSign));
    }

    /** Query parameters decoded, sorted by name and re-encoded RFC 3986 style; {@code name=} for empty values. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                sorted.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach(
                (name, values) -> values.forEach(value -> parts.add(percentEncode(name) + "=" + percentEncode(value))));
        return String.join("&", parts);
    }

    /** RFC 3986 percent-encoding as the SDK does it: space as %20, {@code *} encoded, {@code ~} kept. */
    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
