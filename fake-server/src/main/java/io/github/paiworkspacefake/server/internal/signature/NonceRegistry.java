package io.github.paiworkspacefake.server.internal.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers signature nonces for as long as a request date is accepted, so a replay inside that window is caught.
 * Each check costs constant time: a hash lookup, and forgetting at most a few of the oldest nonces (they are kept in
 * the order they were first used), never a scan of everything remembered.
 */
public final class NonceRegistry {

    /** How many expired nonces one check forgets at most; more than one, so forgetting keeps up with remembering. */
    private static final int FORGET_PER_CHECK = 4;

    private record Use(String nonce, Instant at) {}

    private final Clock clock;
    private final Duration window;
    private final Map<String, Instant> seen = new HashMap<>();
    private final ArrayDeque<Use> oldestFirst = new ArrayDeque<>();

    public NonceRegistry(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** Records the nonce; false if it was already used within the window. */
    public synchronized boolean firstUse(String nonce) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(window);
        forgetSomeOlderThan(cutoff);
        Instant earlier = seen.get(nonce);
        if (earlier != null && !earlier.isBefore(cutoff)) {
            return false;
        }
        seen.put(nonce, now);
        oldestFirst.addLast(new Use(nonce, now));
        return true;
    }

    /** How many nonces are remembered. */
    public synchronized int size() {
        return seen.size();
    }

    private void forgetSomeOlderThan(Instant cutoff) {
        for (int i = 0; i < FORGET_PER_CHECK; i++) {
            Use oldest = oldestFirst.peekFirst();
            if (oldest == null || !oldest.at().isBefore(cutoff)) {
                return;
            }
            oldestFirst.removeFirst();
            seen.remove(oldest.nonce(), oldest.at());
        }
    }
}
