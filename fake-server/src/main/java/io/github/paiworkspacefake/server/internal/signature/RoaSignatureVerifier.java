package io.github.paiworkspacefake.server.internal.signature;

import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.Caller;
import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the legacy ROA signature that Alibaba's older ROA runtimes send (Terraform's tea-roa, the npm package
 * {@code @alicloud/pop-core}): {@code Authorization: acs <AccessKeyId>:<base64 HMAC-SHA1>} over
 * <pre>
 * METHOD \n accept \n content-md5 \n content-type \n date \n
 * x-acs-*:value \n ... (lower-case names, sorted)
 * path[?name=value&amp;... (decoded values, sorted by name)]
 * </pre>
 * with {@code x-acs-signature-method: HMAC-SHA1} and {@code x-acs-signature-version: 1.0}. Checks, in order: the
 * header's form, the AccessKeyId, the signature method and version, the {@code date} (RFC 1123, within 15 minutes),
 * the nonce's presence, a sent {@code content-md5} against the body, the signature, and the nonce's first use. The
 * errors are those of the V3 check. What the scheme does not cover (a body sent without {@code content-md5}) cannot be
 * checked by any server.
 */
public final class RoaSignatureVerifier {

    public static final String SCHEME = "acs";
    private static final String ALGORITHM = "HMAC-SHA1";
    private static final String VERSION = "1.0";

    private final Map<String, SignatureVerifier.Credential> credentials;
    private final Clock clock;
    private final NonceRegistry nonces;

    public RoaSignatureVerifier(
            Map<String, SignatureVerifier.Credential> credentials, Clock clock, NonceRegistry nonces) {
        this.credentials = Map.copyOf(credentials);
        this.clock = clock;
        this.nonces = nonces;
    }

    /** Whether the request is signed with this scheme: {@code Authorization: acs ...}. */
    public static boolean appliesTo(String authorization) {
        return authorization != null
                && authorization.trim().regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1);
    }

    /** Who signed the request, or an {@link ApiException} in the gateway's terms. */
    public Caller verify(SignedRequest request) {
        String authorization = request.header()
                .apply("Authorization")
                .trim()
                .substring(SCHEME.length())
                .trim();
        int colon = authorization.lastIndexOf(':');
        if (colon <= 0 || colon == authorization.length() - 1) {
            throw incomplete("the Authorization header is not of the form \"acs <AccessKeyId>:<Signature>\".");
        }
        String accessKeyId = authorization.substring(0, colon);
        String signature = authorization.substring(colon + 1);
        SignatureVerifier.Credential credential = credentials.get(accessKeyId);
        if (credential == null) {
            throw new ApiException(ErrorCode.ACCESS_KEY_NOT_FOUND, "Specified access key is not found.");
        }
        requireValue(request, "x-acs-signature-method", ALGORITHM);
        requireValue(request, "x-acs-signature-version", VERSION);
        checkDate(request.header().apply("date"));
        String nonce = request.header().apply("x-acs-signature-nonce");
        if (nonce == null || nonce.isBlank()) {
            throw incomplete("the x-acs-signature-nonce header is missing.");
        }
        String contentMd5 = request.header().apply("content-md5");
        if (contentMd5 != null && !contentMd5.trim().equals(md5Base64(request.body()))) {
            throw new ApiException(
                    ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                    "The Content-MD5 header does not match the MD5 of the request body.");
        }
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        String firstStringToSign = null;
        for (String stringToSign : stringsToSign(request)) {
            firstStringToSign = firstStringToSign == null ? stringToSign : firstStringToSign;
            byte[] expected = hmacSha1Base64(credential.secret(), stringToSign).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                if (!nonces.firstUse(nonce.trim())) {
                    throw new ApiException(
                            ErrorCode.SIGNATURE_NONCE_USED, "Specified signature nonce was used already.");
                }
                return credential.caller();
            }
        }
        throw new ApiException(
                ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                "Specified signature is not matched with our calculation. server string to sign is:"
                        + firstStringToSign);
    }

    /**
     * The strings a correct client may have signed. ROA runtimes differ in two details the scheme leaves open: whether
     * the path is signed as sent or decoded, and whether a query parameter with an empty value is written
     * {@code name} (tea-roa) or {@code name=} (pop-core). Every combination is accepted; nothing else is.
     */
    private static Set<String> stringsToSign(SignedRequest request) {
        String head = request.method().toUpperCase(Locale.ROOT) + "\n"
                + orEmpty(request.header().apply("accept")) + "\n"
                + orEmpty(request.header().apply("content-md5")) + "\n"
                + orEmpty(request.header().apply("content-type")) + "\n"
                + orEmpty(request.header().apply("date")) + "\n"
                + canonicalHeaders(request);
        String rawPath = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
        Set<String> paths = new LinkedHashSet<>(List.of(rawPath, decode(rawPath, false)));
        Set<String> candidates = new LinkedHashSet<>();
        for (String path : paths) {
            candidates.add(head + path + query(request.rawQuery(), false));
            candidates.add(head + path + query(request.rawQuery(), true));
        }
        return candidates;
    }

    private static String canonicalHeaders(SignedRequest request) {
        TreeMap<String, String> acsHeaders = new TreeMap<>();
        for (String name : request.headerNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-acs-")) {
                acsHeaders.put(lower, request.header().apply(name).trim());
            }
        }
        StringBuilder canonical = new StringBuilder();
        acsHeaders.forEach((name, value) ->
                canonical.append(name).append(':').append(value).append('\n'));
        return canonical.toString();
    }

    private static String query(String rawQuery, boolean equalsForEmptyValue) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), true);
            sorted.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach((name, values) -> values.forEach(
                value -> parts.add(value.isEmpty() && !equalsForEmptyValue ? name : name + "=" + value)));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private void checkDate(String date) {
        if (date == null || date.isBlank()) {
            throw incomplete("the Date header is missing.");
        }
        Instant when;
        try {
            when = ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    ErrorCode.TIMESTAMP_FORMAT, "Specified time stamp or date value is not well formatted: " + date);
        }
        if (Duration.between(when, clock.instant()).abs().compareTo(SignatureVerifier.MAX_CLOCK_SKEW) > 0) {
            throw new ApiException(
                    ErrorCode.TIMESTAMP_EXPIRED,
                    "Specified time stamp or date value is expired: " + date
                            + " is more than 15 minutes from the server time.");
        }
    }

    private static void requireValue(SignedRequest request, String header, String expected) {
        String value = request.header().apply(header);
        if (value == null || !value.trim().equalsIgnoreCase(expected)) {
            throw incomplete("the " + header + " header must be " + expected + ", got " + value + ".");
        }
    }

    /** Percent-decoding; in a query {@code +} is a space, in a path it is itself. */
    private static String decode(String value, boolean query) {
        try {
            return URLDecoder.decode(query ? value : value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw incomplete("the path or query string is not validly encoded.");
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.trim();
    }

    private static String md5Base64(byte[] body) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is unavailable", e);
        }
    }

    private static String hmacSha1Base64(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }

    private static ApiException incomplete(String why) {
        return new ApiException(
                ErrorCode.INCOMPLETE_SIGNATURE, "The request signature does not conform to Aliyun standards: " + why);
    }
}
