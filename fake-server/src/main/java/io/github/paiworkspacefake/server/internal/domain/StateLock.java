package io.github.paiworkspacefake.server.internal.domain;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * One fake's state lock: every operation runs under its shared side, so operations run side by side; replacing the
 * whole state (reset, snapshot restore) takes the exclusive side, so it lands wholly before or after any operation.
 */
public final class StateLock {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** Runs an operation as one step with respect to whole-state changes. */
    public <T> T shared(Supplier<T> action) {
        return locked(lock.readLock(), action);
    }

    /** Runs a whole-state change while no operation runs. */
    public <T> T exclusive(Supplier<T> action) {
        return locked(lock.writeLock(), action);
    }

    private static <T> T locked(Lock held, Supplier<T> action) {
        held.lock();
        try {
            return action.get();
        } finally {
            held.unlock();
        }
    }
}
