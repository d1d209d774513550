package io.github.paiworkspacefake.server.internal.signature;

import io.github.paiworkspacefake.server.Account;

/** Decides which account a request acts as, or refuses it with an {@link ApiException}. */
@FunctionalInterface
public interface Authenticator {

    public Account authenticate(SignedRequest request);

    /** Signatures off: every request acts as this account, whatever it carries. */
    public static Authenticator anyRequestAs(Account account) {
        return request -> account;
    }
}
