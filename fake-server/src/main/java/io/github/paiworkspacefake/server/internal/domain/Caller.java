package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Account;
import java.util.Objects;

/**
 * Who a request acts as: an account and the user of that account who signed it. The account's own user (its
 * {@code UserId} is the account id) unless the AccessKey belongs to one of the account's RAM users, as an AccessKey on
 * the real service belongs to exactly one of them.
 *
 * @param account the account, which owns what the request creates
 * @param userId  the user of the account, which resources such as models record as their creator ({@code UserId})
 */
public record Caller(Account account, String userId) {

    /** Checks that both parts are present. */
    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(userId, "userId");
    }

    /** The account's own user. */
    public static Caller of(Account account) {
        return new Caller(account, account.accountId());
    }
}
