package io.github.paiworkspacefake.server.internal.domain;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Where new WorkspaceIds come from: the builder's generator, or the fake's own sequence {@code 100001, 100002, ...}.
 * An id already in use is never handed out, however the workspace holding it got there (created, added, loaded
 * from a seed or a snapshot); the sequence also moves past every numeric id stored, so it stays ascending.
 */
public final class WorkspaceIds {

    public static final long FIRST = 100001;
    /** How many ids in a row may be in use before a custom generator counts as exhausted. */
    private static final int MAX_ATTEMPTS = 10_000;

    private final Supplier<String> generator;
    private final AtomicLong next = new AtomicLong(FIRST);
    private final ChangeSink changes;

    /** Ids from {@code generator}, or from the fake's own sequence when it is {@code null}. */
    public WorkspaceIds(Supplier<String> generator) {
        this(generator, ChangeSink.NONE);
    }

    /** {@link #WorkspaceIds(Supplier)} that reports each move of its sequence to {@code changes}. */
    public WorkspaceIds(Supplier<String> generator, ChangeSink changes) {
        this.generator = generator;
        this.changes = changes;
    }

    /** A new id for which {@code inUse} is false. */
    public String next(Predicate<String> inUse) {
        if (generator != null) {
            return nextOf(inUse);
        }
        try (ChangeSink.Scope writing = changes.writing()) {
            changes.sequences();
            return nextOf(inUse);
        }
    }

    private String nextOf(Predicate<String> inUse) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            String id = generator == null ? Long.toString(next.getAndIncrement()) : generator.get();
            if (id == null || id.isBlank()) {
                throw new IllegalStateException(
                        "The id generator of PaiWorkspaceFake.Builder#idGenerator returned no id.");
            }
            if (!inUse.test(id)) {
                return id;
            }
        }
        throw new IllegalStateException("The id generator of PaiWorkspaceFake.Builder#idGenerator returned "
                + MAX_ATTEMPTS + " ids in a row that are already in use.");
    }

    /** Notes an id now stored, so the fake's own sequence continues after it. */
    public void taken(String id) {
        if (generator != null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return;
        }
        advanceTo(Long.parseLong(id) + 1);
    }

    /** The id the fake's own sequence hands out next (unless it is in use by then). */
    public long upcoming() {
        return next.get();
    }

    /**
     * Puts the fake's own sequence back where {@link #upcoming()} said it was, for a whole-state change that was
     * refused after drawing ids (no other change runs meanwhile: the caller holds the state lock's exclusive side).
     */
    void rewind(long upcoming) {
        if (generator != null || next.get() == upcoming) {
            return;
        }
        try (ChangeSink.Scope writing = changes.writing()) {
            next.set(upcoming);
            changes.sequences();
        }
    }

    /** Moves the fake's own sequence on to {@code value}, unless it is there already: it never goes back. */
    public void advanceTo(long value) {
        if (next.get() >= value) {
            return;
        }
        try (ChangeSink.Scope writing = changes.writing()) {
            if (next.getAndAccumulate(value, Math::max) < value) {
                changes.sequences();
            }
        }
    }
}
