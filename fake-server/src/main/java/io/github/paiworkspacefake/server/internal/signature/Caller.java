package io.github.paiworkspacefake.server.internal.signature;

import io.github.paiworkspacefake.server.Account;
import java.util.Objects;

/**
 * Who a request acts as: the account it acts for (which owns what it creates and scopes what it sees) and the user of
 * that account who signed it, the account's own user unless an AccessKey of one of its RAM users signed it. Only
 * what depends on the person, such as a member's permissions in a workspace, tells the two apart.
 *
 * @param account the account
 * @param userId  the signing user's {@code UserId}: the account id for the account's own user
 */
public record Caller(Account account, String userId) {

    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(userId, "userId");
    }

    /** The account's own user. */
    public static Caller of(Account account) {
        return new Caller(account, account.accountId());
    }
}
