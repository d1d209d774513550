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
        Objects.requireNonNull(error, "error");
        return schedule(operation, times, new FaultSchedule.Fail(error.status(), error.code(), error.message()));
    }

    /**
     * The next {@code times} calls of {@code operation} fail with an error of your own, in the API's error format: an
     * HTTP {@code status} from 400 to 599, the error body's {@code Code} (not blank, at most 128 characters) and
     * {@code Message} (at most 1,024 characters).
     */
    public Faults failNext(Operation operation, int times, int status, String code, String message) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400 to 599, got " + status);
        }
        if (code.isBlank() || code.length() > 128) {
            throw new IllegalArgumentException("code must be 1 to 128 characters and not blank");
        }
        if (message.length() > 1024) {
            throw new IllegalArgumentException("message must be at most 1024 characters");
        }
        return schedule(operation, times, new FaultSchedule.Fail(status, code, message));
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

    /** Removes every fault of one operation: its pending errors or drops and its delay. */
    public void clear(Operation operation) {
        schedule.clear(Objects.requireNonNull(operation, "operation"));
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
