package io.github.paiworkspacefake.server;

import java.util.Objects;

/**
 * A user of an account who can be made a workspace member: the account itself (its {@code UserId} is the account id)
 * or one of its RAM users. Every account has its own user; test code adds RAM users with
 * {@link PaiWorkspaceFake#addUser(Account, String, String)}.
 *
 * @param accountId   the account the user belongs to
 * @param userId      the {@code UserId}
 * @param userName    the {@code UserName}, which members show as {@code MemberName} and {@code AccountName}
 * @param displayName the {@code DisplayName}
 */
public record User(String accountId, String userId, String userName, String displayName) {

    /** Checks that every field is present and not blank. */
    public User {
        for (String value : new String[] {accountId, userId, userName, displayName}) {
            if (Objects.requireNonNull(value, "a user's ids and names are required")
                    .isBlank()) {
                throw new IllegalArgumentException("a user's ids and names must not be blank");
            }
        }
    }

    /** The account's own user. */
    public static User of(Account account) {
        return new User(account.accountId(), account.accountId(), account.userName(), account.displayName());
    }

    /** Whether this is the account itself rather than one of its RAM users. */
    public boolean isAccount() {
        return userId.equals(accountId);
    }

    /** The API's {@code AccountType}: {@code 1} for the Alibaba Cloud account, {@code 5} for a RAM user. */
    public String accountType() {
        return isAccount() ? "1" : "5";
    }
}
