package io.github.paiworkspacefake.server.internal.domain;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * One fake's state lock: every operation runs under its shared side, so operations run side by side; replacing the
 * whole state (reset, snapshot restore) takes the exclusive side, so it lands wholly before or after any operation.
 * Each step is a scope of the fake's {@link ChangeSink}, so that what it changed is durable when it ends.
 */
public final class StateLock {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ChangeSink changes;

    /** A lock whose steps change nothing durable: an in-memory fake's. */
    public StateLock() {
        this(ChangeSink.NONE);
    }

    /**
     * A lock whose every step is a scope of {@code changes}: what a step changed is committed as it ends, before the
     * lock is released and before the step's answer is written.
     */
    public StateLock(ChangeSink changes) {
        this.changes = changes;
    }

    /** Runs an operation as one step with respect to whole-state changes. */
    public <T> T shared(Supplier<T> action) {
        return locked(lock.readLock(), false, action);
    }

    /** Runs a whole-state change while no operation runs. */
    public <T> T exclusive(Supplier<T> action) {
        return locked(lock.writeLock(), true, action);
    }

    private <T> T locked(Lock held, boolean exclusive, Supplier<T> action) {
        held.lock();
        try (ChangeSink.Scope step = changes.enter(exclusive)) {
            return action.get();
        } finally {
            held.unlock();
        }
    }
}
