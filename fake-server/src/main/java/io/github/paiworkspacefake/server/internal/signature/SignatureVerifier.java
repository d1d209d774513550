package io.github.paiworkspacefake.server.internal.signature;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.Caller;
import io.github.paiworkspacefake.server.internal.domain.ErrorCode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Strict mode's check of who signed a request. Alibaba Cloud V3 signatures ({@code ACS3-HMAC-SHA256}, what the
 * official SDKs send) are checked here as the gateway does; the legacy ROA signature ({@code Authorization: acs
 * AK:signature}, what Terraform sends) is checked by {@link RoaSignatureVerifier} with the same credentials, nonces
 * and error codes. For V3 the Order of checks: Authorization present and well formed, AccessKeyId
 * known, request date well formed and within 15 minutes, payload hash, signed-header coverage, signature, nonce.
 */
public final class SignatureVerifier {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter ACS_DATE = DateTimeFormatter.ISO_INSTANT;
    private static final HexFormat HEX = HexFormat.of();

    /**
     * A secret and who it acts as: an account and one of its users (the account's own, whose id is the account id,
     * or a RAM user's).
     */
    public record Credential(String secret, Account account, String userId) {

        /** A secret acting as the account's own user. */
        public Credential(String secret, Account account) {
            this(secret, account, account.accountId());
        }

        /** Who a request signed with this secret acts as. */
        public Caller caller() {
            return new Caller(account, userId);
        }
    }

    private final Map<String, Credential> credentials;
    private final Clock clock;
    private final NonceRegistry nonces;
    private final RoaSignatureVerifier legacyRoa;

    public SignatureVerifier(Map<String, Credential> credentials, Clock clock) {
        this.credentials = Map.copyOf(credentials);
        this.clock = clock;
        this.nonces = new NonceRegistry(clock, MAX_CLOCK_SKEW);
        this.legacyRoa = new RoaSignatureVerifier(credentials, clock, nonces);
    }

    /** Who signed the request, or an {@link ApiException} in the gateway's terms. */
    public Caller verify(SignedRequest request) {
        if (RoaSignatureVerifier.appliesTo(request.header().apply("Authorization"))) {
            return legacyRoa.verify(request);
        }
        Authorization authorization = Authorization.parse(request.header().apply("Authorization"));
        Credential credential = credentials.get(authorization.accessKeyId());
        if (credential == null) {
            throw new ApiException(ErrorCode.ACCESS_KEY_NOT_FOUND, "Specified access key is not found.");
        }
        checkDate(request.header().apply("x-acs-date"));
        String nonce = required(request, "x-acs-signature-nonce");
        String payloadHash = sha256Hex(request.body());
        if (!payloadHash.equals(required(request, "x-acs-content-sha256"))) {
            throw new ApiException(
                    ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                    "The x-acs-content-sha256 header does not match the SHA-256 of the request body.");
        }
        checkCoverage(request, authorization.signedHeaders());
        String stringToSign = ALGORITHM + "\n"
                + sha256Hex(canonicalRequest(request, authorization.signedHeaders(), payloadHash)
                        .getBytes(StandardCharsets.UTF_8));
        byte[] expected =
                HEX.formatHex(hmacSha256(credential.secret(), stringToSign)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = authorization.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new ApiException(
                    ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                    "Specified signature is not matched with our calculation. server string to sign is:"
                            + stringToSign);
        }
        if (!nonces.firstUse(nonce)) {
            throw new ApiException(ErrorCode.SIGNATURE_NONCE_USED, "Specified signature nonce was used already.");
        }
        return credential.caller();
    }

    private void checkDate(String date) {
        if (date == null) {
            throw incomplete("the x-acs-date header is missing.");
        }
        Instant when;
        try {
            when = Instant.from(ACS_DATE.parse(date.trim()));
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    ErrorCode.TIMESTAMP_FORMAT, "Specified time stamp or date value is not well formatted: " + date);
        }
        if (Duration.between(when, clock.instant()).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new ApiException(
                    ErrorCode.TIMESTAMP_EXPIRED,
                    "Specified time stamp or date value is expired: " + date
                            + " is more than 15 minutes from the server time.");
        }
    }

    /** host, content-type when sent, and every x-acs-* header must be signed, and every signed header sent. */
    private static void checkCoverage(SignedRequest request, List<String> signedHeaders) {
        Set<String> signed = Set.copyOf(signedHeaders);
        List<String> mustBeSigned =
                new ArrayList<>(List.of("host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"));
        if (request.header().apply("content-type") != null) {
            mustBeSigned.add("content-type");
        }
        for (String name : mustBeSigned) {
            if (!signed.contains(name)) {
                throw incomplete("the header " + name + " must be listed in SignedHeaders.");
            }
        }
        for (String name : signedHeaders) {
            if (request.header().apply(name) == null) {
                throw incomplete("the signed header " + name + " is missing from the request.");
            }
        }
    }

    private static String canonicalRequest(SignedRequest request, List<String> signedHeaders, String payloadHash) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method().toUpperCase(Locale.ROOT))
                .append('\n')
                .append(request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath())
                .append('\n')
                .append(canonicalQuery(request.rawQuery()))
                .append('\n');
        for (String name : signedHeaders) {
            canonical
                    .append(name)
                    .append(':')
                    .append(request.header().apply(name).trim())
                    .append('\n');
        }
        return canonical
                .append('\n')
                .append(String.join(";", signedHeaders))
                .append('\n')
                .append(payloadHash)
                .toString();
    }

    /** Decoded form-style ({@code +} is a space), sorted by name, re-encoded RFC 3986 style. */
    public static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            sorted.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        List<String> parts = new ArrayList<>();
        sorted.forEach(
                (name, values) -> values.forEach(value -> parts.add(percentEncode(name) + "=" + percentEncode(value))));
        return String.join("&", parts);
    }

    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw incomplete("the query string is not validly encoded.");
        }
    }

    private static String required(SignedRequest request, String header) {
        String value = request.header().apply(header);
        if (value == null || value.isBlank()) {
            throw incomplete("the " + header + " header is missing.");
        }
        return value.trim();
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static byte[] hmacSha256(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static ApiException incomplete(String why) {
        return new ApiException(
                ErrorCode.INCOMPLETE_SIGNATURE, "The request signature does not conform to Aliyun standards: " + why);
    }

    /** The parsed {@code Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..} header. */
    private record Authorization(String accessKeyId, List<String> signedHeaders, String signature) {

        static Authorization parse(String header) {
            if (header == null || header.isBlank()) {
                throw incomplete("the Authorization header is missing.");
            }
            String trimmed = header.trim();
            int space = trimmed.indexOf(' ');
            if (space < 0) {
                throw incomplete("the Authorization header is not of the form \"" + ALGORITHM
                        + " Credential=...,SignedHeaders=...,Signature=...\".");
            }
            String algorithm = trimmed.substring(0, space);
            if (!algorithm.equals(ALGORITHM)) {
                throw incomplete("the signature algorithm " + algorithm + " is not supported; use " + ALGORITHM + ".");
            }
            Map<String, String> parts = new HashMap<>();
            for (String part : trimmed.substring(space + 1).split(",", -1)) {
                int equals = part.indexOf('=');
                if (equals > 0) {
                    parts.put(
                            part.substring(0, equals).trim(),
                            part.substring(equals + 1).trim());
                }
            }
            String credential = parts.get("Credential");
            String signedHeaders = parts.get("SignedHeaders");
            String signature = parts.get("Signature");
            if (isBlank(credential)
                    || isBlank(signedHeaders)
                    || isBlank(signature)
                    || !signature.matches("[0-9a-fA-F]{64}")) {
                throw incomplete(
                        "the Authorization header must carry Credential, SignedHeaders and a 64-digit hex Signature.");
            }
            List<String> names = Arrays.stream(signedHeaders.split(";"))
                    .map(name -> name.trim().toLowerCase(Locale.ROOT))
                    .toList();
            return new Authorization(credential, names, signature);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
