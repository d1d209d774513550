package io.github.paiworkspacefake.server.internal.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When an accepted DeleteWorkspace takes effect. By default at once; test code can make deletions take effect only
 * after a number of GetWorkspace reads or once the fake's clock has moved on, to test pollers such as Terraform's,
 * which delete and then read until the workspace is not found.
 */
public final class PendingDeletions {

    /** How accepted deletions are delayed: after {@code reads} reads, or at {@code delay} after the deletion. */
    private record Policy(int reads, Duration delay) {
        static final Policy IMMEDIATE = new Policy(0, Duration.ZERO);
    }

    private record Pending(int readsLeft, Instant due) {}

    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile Policy policy = Policy.IMMEDIATE;

    public PendingDeletions(Clock clock) {
        this.clock = clock;
    }

    /** Deletions accepted from now on take effect after this many reads of the workspace (0: at once). */
    public void afterReads(int reads) {
        policy = new Policy(reads, Duration.ZERO);
    }

    /** Deletions accepted from now on take effect once the fake's clock is {@code delay} further on. */
    public void after(Duration delay) {
        policy = new Policy(0, delay);
    }

    /** Records an accepted deletion; true when it takes effect at once. */
    public boolean accept(String workspaceId) {
        Policy current = policy;
        if (current.reads() == 0 && current.delay().isZero()) {
            return true;
        }
        pending.putIfAbsent(
                workspaceId,
                new Pending(
                        current.reads(),
                        current.delay().isZero() ? null : clock.instant().plus(current.delay())));
        return false;
    }

    /**
     * Whether the workspace's deletion is due now; a read through the API ({@code countsAsRead}) uses up one of the
     * reads the deletion waits for. A due deletion is forgotten here: the caller removes the workspace.
     */
    public boolean due(String workspaceId, boolean countsAsRead) {
        Pending current = pending.get(workspaceId);
        if (current == null) {
            return false;
        }
        if (current.due() != null) {
            return !clock.instant().isBefore(current.due()) && pending.remove(workspaceId, current);
        }
        if (!countsAsRead) {
            return false;
        }
        if (current.readsLeft() == 0) {
            return pending.remove(workspaceId, current);
        }
        pending.replace(workspaceId, current, new Pending(current.readsLeft() - 1, null));
        return false;
    }

    /** The workspaces whose deletion was accepted and has not taken effect yet. */
    public Set<String> pendingIds() {
        return Set.copyOf(pending.keySet());
    }

    /** Whether a deletion of the workspace was accepted and has not taken effect yet. */
    public boolean isPending(String workspaceId) {
        return pending.containsKey(workspaceId);
    }

    public void forget(String workspaceId) {
        pending.remove(workspaceId);
    }

    /** Forgets pending deletions and goes back to immediate deletion. */
    public void clear() {
        pending.clear();
        policy = Policy.IMMEDIATE;
    }
}
