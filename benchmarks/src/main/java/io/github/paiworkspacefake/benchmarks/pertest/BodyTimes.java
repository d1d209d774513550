package io.github.paiworkspacefake.benchmarks.pertest;

import java.util.ArrayList;
import java.util.List;

/**
 * When each test body of a per-test-cost run started and ended ({@link System#nanoTime()}), so that the time spent
 * between two bodies (the test framework, the extension, a server's start and stop) can be told from the bodies'.
 */
public final class BodyTimes {

    /** How many tests each per-test-cost class runs. */
    public static final int TESTS = 500;

    private static final List<long[]> BODIES = new ArrayList<>();
    private static long currentStart;

    private BodyTimes() {}

    /** The first statement of a test body. */
    static synchronized void bodyStarts() {
        currentStart = System.nanoTime();
    }

    /** The last statement of a test body. */
    static synchronized void bodyEnds() {
        BODIES.add(new long[] {currentStart, System.nanoTime()});
    }

    /** Nanoseconds from the end of each body to the start of the next, in test order. */
    public static synchronized List<Long> gapsNanos() {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < BODIES.size(); i++) {
            gaps.add(BODIES.get(i)[0] - BODIES.get(i - 1)[1]);
        }
        return gaps;
    }

    /** Nanoseconds each body took, in test order. */
    public static synchronized List<Long> bodiesNanos() {
        return BODIES.stream().map(body -> body[1] - body[0]).toList();
    }
}
