package io.github.paiworkspacefake.server;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults on demand, per operation: fail the next calls with an error, answer slowly, or drop the connection.
 * Reach it with {@link PaiWorkspaceFake#faults()}; everything is cleared by {@link #clear()} and by reset.
 */
public final class Faults {

    /** What to do to one call. */
    sealed interface Action permits Fail, Drop {
    }

    /** Answer with this error. */
    record Fail(FaultError error) implements Action {
    }

    /** Close the connection without an answer. */
    record Drop() implements Action {
    }

    private record Countdown(int remaining, Action action) {
    }

    private final Map<Operation, Countdown> pending = new EnumMap<>(Operation.class);
    private final Map<Operation, Duration> delays = new EnumMap<>(Operation.class);

    Faults() {
    }

    /** The next {@code times} calls of {@code operation} fail with {@code error} instead of being served. */
    public synchronized Faults failNext(Operation operation, int times, FaultError error) {
        return schedule(operation, times, new Fail(Objects.requireNonNull(error, "error")));
    }

    /** The next {@code times} calls of {@code operation} have their connection closed without an answer. */
    public synchronized Faults dropNext(Operation operation, int times) {
        return schedule(operation, times, new Drop());
    }

    /** Every call of {@code operation} waits this long before it is served; {@link Duration#ZERO} removes it. */
    public synchronized Faults delay(Operation operation, Duration latency) {
        Objects.requireNonNull(operation, "operation");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        if (latency.isZero()) {
            delays.remove(operation);
        } else {
            delays.put(operation, latency);
        }
        return this;
    }

    /** Removes every fault. */
    public synchronized void clear() {
        pending.clear();
        delays.clear();
    }

    private Faults schedule(Operation operation, int times, Action action) {
        Objects.requireNonNull(operation, "operation");
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        if (times == 0) {
            pending.remove(operation);
        } else {
            pending.put(operation, new Countdown(times, action));
        }
        return this;
    }

    /** Takes the action for one call of {@code operation}, if one is pending. */
    synchronized Optional<Action> take(Operation operation) {
        Countdown countdown = pending.get(operation);
        if (countdown == null) {
            return Optional.empty();
        }
        if (countdown.remaining() == 1) {
            pending.remove(operation);
        } else {
            pending.put(operation, new Countdown(countdown.remaining() - 1, countdown.action()));
        }
        return Optional.of(countdown.action());
    }

    synchronized Duration delayOf(Operation operation) {
        return delays.getOrDefault(operation, Duration.ZERO);
    }
}
