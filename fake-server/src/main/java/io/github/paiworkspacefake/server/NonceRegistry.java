package io.github.paiworkspacefake.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers signature nonces for as long as a request date is accepted, so a replay inside that window is caught. */
final class NonceRegistry {

    private final Clock clock;
    private final Duration window;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    NonceRegistry(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** Records the nonce; false if it was already used within the window. */
    boolean firstUse(String nonce) {
        Instant now = clock.instant();
        forgetOlderThan(now.minus(window));
        return seen.putIfAbsent(nonce, now) == null;
    }

    private void forgetOlderThan(Instant cutoff) {
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(cutoff)) {
                it.remove();
            }
        }
    }
}
