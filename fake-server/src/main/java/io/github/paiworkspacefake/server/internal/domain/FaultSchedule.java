package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.FaultError;
import io.github.paiworkspacefake.server.Operation;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The faults test code asked for, per operation, as the HTTP layer takes them one call at a time. */
public final class FaultSchedule {

    /** What to do to one call. */
    public sealed interface Action permits Fail, Drop {}

    /** Answer with this error. */
    public record Fail(FaultError error) implements Action {}

    /** Close the connection without an answer. */
    public record Drop() implements Action {}

    private record Countdown(int remaining, Action action) {}

    private final Map<Operation, Countdown> pending = new EnumMap<>(Operation.class);
    private final Map<Operation, Duration> delays = new EnumMap<>(Operation.class);

    /** The next {@code times} calls of {@code operation} get {@code action}; 0 removes what was pending. */
    public synchronized void schedule(Operation operation, int times, Action action) {
        if (times == 0) {
            pending.remove(operation);
        } else {
            pending.put(operation, new Countdown(times, action));
        }
    }

    /** Every call of {@code operation} waits {@code latency}; zero removes the delay. */
    public synchronized void delay(Operation operation, Duration latency) {
        if (latency.isZero()) {
            delays.remove(operation);
        } else {
            delays.put(operation, latency);
        }
    }

    /** Removes every fault. */
    public synchronized void clear() {
        pending.clear();
        delays.clear();
    }

    /** Takes the action for one call of {@code operation}, if one is pending. */
    public synchronized Optional<Action> take(Operation operation) {
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

    /** How long every call of {@code operation} waits before it is served. */
    public synchronized Duration delayOf(Operation operation) {
        return delays.getOrDefault(operation, Duration.ZERO);
    }
}
