package io.github.paiworkspacefake.contract;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names for the workspaces one run creates: {@code pfct_<run id>_<sequence>}, padded with random characters to the
 * length a check needs. The run id is 8 random characters from {@code [a-z0-9]} (about 2.8 × 10<sup>12</sup> values),
 * so names from different runs, and leftovers of earlier runs, never collide; the sequence keeps a run's own names
 * apart. Names shorter than the prefix (the 3-character boundary check) cannot hold the run id: they are drawn from
 * all valid 3-character names, 52 × 63 × 63 = 206,388 values.
 */
final class WorkspaceNames {

    /** Every name this class makes starts with it, so people can recognize the suite's workspaces. */
    static final String PREFIX = "pfct_";

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String NAME_CHARACTERS = LETTERS + "0123456789_";
    private static final int RUN_ID_LENGTH = 8;
    private static final int SEQUENCE_LENGTH = 3;

    private final Random random;
    private final String runId;
    private final AtomicInteger sequence = new AtomicInteger();

    WorkspaceNames() {
        this(new SecureRandom());
    }

    WorkspaceNames(Random random) {
        this.random = random;
        this.runId = randomString(LOWER, RUN_ID_LENGTH);
    }

    /** This run's id, part of every name of 17 characters or more. */
    String runId() {
        return runId;
    }

    /** A fresh name of 17 characters: {@code pfct_<run id>_<sequence>}. */
    String next() {
        return next(PREFIX.length() + RUN_ID_LENGTH + 1 + SEQUENCE_LENGTH);
    }

    /**
     * A fresh valid name of exactly {@code length} characters (3 to 23). From 17 characters on it holds the run id and
     * a sequence number; shorter names are random.
     */
    String next(int length) {
        if (length < 3 || length > 23) {
            throw new IllegalArgumentException("a WorkspaceName has 3 to 23 characters, not " + length);
        }
        String base = PREFIX + runId + "_" + sequenceNumber();
        if (length < base.length()) {
            return randomString(LETTERS, 1) + randomString(NAME_CHARACTERS, length - 1);
        }
        return base + randomString(LOWER, length - base.length());
    }

    private String sequenceNumber() {
        String number = Integer.toString(sequence.incrementAndGet(), 36);
        if (number.length() > SEQUENCE_LENGTH) {
            throw new IllegalStateException("a run creates at most " + (int) Math.pow(36, SEQUENCE_LENGTH) + " names");
        }
        return "0".repeat(SEQUENCE_LENGTH - number.length()) + number;
    }

    private String randomString(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
