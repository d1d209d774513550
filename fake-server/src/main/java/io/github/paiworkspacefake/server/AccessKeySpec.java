package io.github.paiworkspacefake.server;

import java.util.Objects;
import java.util.Optional;

/**
 * One AccessKey a fake accepts, and its text form {@code ID:SECRET[:ACCOUNT_ID]}. This is the one parser of that
 * text: the standalone jar's {@code --access-key}, the container's {@code PAI_FAKE_ACCESS_KEYS}, the JUnit
 * annotation's access keys and {@code PaiWorkspaceFakeContainer} all read and write it through this class.
 *
 * <p>Where a value may contain {@code :}:
 * <ul>
 *   <li>{@code ID} is everything before the first {@code :}; it never contains one.</li>
 *   <li>With a single {@code :}, {@code SECRET} is everything after it: {@code LTAI5tKey:Secret}.</li>
 *   <li>With more, {@code ACCOUNT_ID} is everything after the last {@code :} and {@code SECRET} everything between
 *       the first and the last, so a secret may contain {@code :} as long as the account is written too. An empty
 *       {@code ACCOUNT_ID} (a trailing {@code :}) means the fake's own account: {@code LTAI5tKey:Se:cret:}.</li>
 *   <li>{@code ACCOUNT_ID} is an Alibaba Cloud account UID, digits only, so {@code LTAI5tKey:Se:cret} is refused
 *       with this rule in the message rather than read as the account {@code cret}.</li>
 *   <li>No part may contain whitespace or {@code ,} (the container's variable separates keys with commas).</li>
 * </ul>
 *
 * @param accessKeyId     the AccessKeyId
 * @param accessKeySecret the AccessKeySecret
 * @param accountId       the account UID the key acts as, or {@code null} for the fake's own account
 */
public record AccessKeySpec(String accessKeyId, String accessKeySecret, String accountId) {

    /** The form of the text, for messages. */
    public static final String FORM = "ID:SECRET[:ACCOUNT_ID]";

    /** Checks each part against the rule above; an {@link IllegalArgumentException} says what is wrong. */
    public AccessKeySpec {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        if (accessKeyId.isEmpty() || accessKeyId.contains(":") || hasSpaceOrComma(accessKeyId)) {
            throw invalid(
                    "the AccessKeyId must be non-empty, without ':', whitespace or ',', got \"" + accessKeyId + "\"");
        }
        if (accessKeySecret.isEmpty() || hasSpaceOrComma(accessKeySecret)) {
            throw invalid("the AccessKeySecret of " + accessKeyId + " must be non-empty, without whitespace or ','");
        }
        if (accountId != null && (accountId.isEmpty() || !accountId.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            throw invalid("the ACCOUNT_ID of " + accessKeyId + " must be an account UID of digits, got \"" + accountId
                    + "\"; a SECRET containing ':' needs the ACCOUNT_ID written after it, or an empty one for the"
                    + " fake's own account (ID:SE:CRET:)");
        }
    }

    /** A key acting as the fake's own account. */
    public static AccessKeySpec of(String accessKeyId, String accessKeySecret) {
        return new AccessKeySpec(accessKeyId, accessKeySecret, null);
    }

    /** Reads {@code ID:SECRET[:ACCOUNT_ID]} by the rule in the class description. */
    public static AccessKeySpec parse(String text) {
        Objects.requireNonNull(text, "text");
        int first = text.indexOf(':');
        if (first < 0) {
            throw invalid("expected " + FORM + ", got \"" + text + "\"");
        }
        int last = text.lastIndexOf(':');
        String id = text.substring(0, first);
        if (first == last) {
            return new AccessKeySpec(id, text.substring(first + 1), null);
        }
        String account = text.substring(last + 1);
        return new AccessKeySpec(id, text.substring(first + 1, last), account.isEmpty() ? null : account);
    }

    /** The text {@link #parse(String)} reads back into this key: a trailing {@code :} when the secret has one. */
    public String text() {
        if (accountId != null) {
            return accessKeyId + ":" + accessKeySecret + ":" + accountId;
        }
        return accessKeyId + ":" + accessKeySecret + (accessKeySecret.contains(":") ? ":" : "");
    }

    /** The account the key acts as, when it names one: user name and tenant are the account UID. */
    public Optional<Account> account() {
        return Optional.ofNullable(accountId).map(id -> Account.of(id, id));
    }

    /** Adds this key to a fake's settings ({@code accessKey(id, secret[, account])}), which turns strict mode on. */
    public PaiWorkspaceFake.Builder applyTo(PaiWorkspaceFake.Builder builder) {
        return account()
                .map(account -> builder.accessKey(accessKeyId, accessKeySecret, account))
                .orElseGet(() -> builder.accessKey(accessKeyId, accessKeySecret));
    }

    /** Shows the key without its secret, so it can be logged. */
    @Override
    public String toString() {
        return "AccessKeySpec[" + accessKeyId + ":***" + (accountId == null ? "" : ":" + accountId) + "]";
    }

    private static boolean hasSpaceOrComma(String value) {
        return value.chars().anyMatch(c -> c == ',' || Character.isWhitespace(c) || Character.isISOControl(c));
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("invalid AccessKey " + FORM + ": " + why);
    }
}
