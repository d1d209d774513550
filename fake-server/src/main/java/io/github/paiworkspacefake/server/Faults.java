package io.github.paiworkspacefake.server;

import io.github.paiworkspacefake.server.internal.domain.FaultSchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * Faults on demand, per operation: fail the next calls with an error, answer slowly, or drop the connection.
 * Reach it with {@link PaiWorkspaceFake#faults()}; everything is cleared by {@link #clear()} and by reset.
 */
public final class Faults {

    private final FaultSchedule schedule;

    Faults(FaultSchedule schedule) {
        this.schedule = schedule;
    }

    /** The next {@code times} calls of {@code operation} fail with {@code error} instead of being served. */
    public Faults failNext(Operation operation, int times, FaultError error) {
        return schedule(operation, times, new FaultSchedule.Fail(Objects.requireNonNull(error, "error")));
    }

    /** The next {@code times} calls of {@code operation} have their connection closed without an answer. */
    public Faults dropNext(Operation operation, int times) {
        return schedule(operation, times, new FaultSchedule.Drop());
    }

    /** Every call of {@code operation} waits this long before it is served; {@link Duration#ZERO} removes it. */
    public Faults delay(Operation operation, Duration latency) {
        Objects.requireNonNull(operation, "operation");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        schedule.delay(operation, latency);
        return this;
    }

    /** Removes every fault. */
    public void clear() {
        schedule.clear();
    }

    private Faults schedule(Operation operation, int times, FaultSchedule.Action action) {
        Objects.requireNonNull(operation, "operation");
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        schedule.schedule(operation, times, action);
        return this;
    }
}
