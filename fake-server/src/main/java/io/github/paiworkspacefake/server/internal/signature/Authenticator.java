package io.github.paiworkspacefake.server.internal.signature;

import io.github.paiworkspacefake.server.Account;
import io.github.paiworkspacefake.server.internal.domain.Caller;
import java.util.function.Supplier;

/** Decides which account, and which user of it, a request acts as, or refuses it with an {@link ApiException}. */
@FunctionalInterface
public interface Authenticator {

    /**
     * Who the request acts as. The request's signed parts are supplied only when asked for: with signatures off they
     * are never assembled.
     */
    Caller authenticate(Supplier<SignedRequest> request);

    /** Signatures off: every request acts as this account's own user, whatever it carries. */
    static Authenticator anyRequestAs(Account account) {
        Caller caller = Caller.of(account);
        return request -> caller;
    }
}
