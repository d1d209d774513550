package io.github.paiworkspacefake.server;

/** Decides which account a request acts as, or refuses it with an {@link ApiException}. */
@FunctionalInterface
interface Authenticator {

    Account authenticate(SignedRequest request);

    /** Signatures off: every request acts as this account, whatever it carries. */
    static Authenticator anyRequestAs(Account account) {
        return request -> account;
    }
}
