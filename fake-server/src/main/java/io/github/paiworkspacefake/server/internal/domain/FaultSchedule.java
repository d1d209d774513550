package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The faults test code asked for, per operation, as the HTTP layer takes them one call at a time. */
public final class FaultSchedule {

    /** What to do to one call. */
    public sealed interface Action permits Fail, Drop {}

    /**
     * Answer with this error, in the API's error format.
     *
     * @param status  the HTTP status, 400 to 599
     * @param code    the error body's {@code Code}
     * @param message the error body's {@code Message}
     */
    public record Fail(int status, String code, String message) implements Action {}

    /** Close the connection without an answer. */
    public record Drop() implements Action {}

    /**
     * A fault waiting for calls of its operation.
     *
     * @param operation the operation
     * @param remaining how many more calls it takes, for an error or a drop
     * @param action    the error or drop, or null for a delay
     * @param delay     how long every call waits, zero for an error or a drop
     */
    public record Pending(Operation operation, int remaining, Action action, Duration delay) {}

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

    /** Removes every fault of one operation. */
    public synchronized void clear(Operation operation) {
        pending.remove(operation);
        delays.remove(operation);
    }

    /** The faults waiting, in the order of {@link Operation}: an error or drop before a delay of the same one. */
    public synchronized List<Pending> pending() {
        List<Pending> faults = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            Countdown countdown = pending.get(operation);
            if (countdown != null) {
                faults.add(new Pending(operation, countdown.remaining(), countdown.action(), Duration.ZERO));
            }
            Duration delay = delays.get(operation);
            if (delay != null) {
                faults.add(new Pending(operation, 0, null, delay));
            }
        }
        return faults;
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
