package io.github.paiworkspacefake.server.internal.durable;

import io.github.paiworkspacefake.server.internal.domain.ChangeSink;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link ChangeSink} of a fake with a data directory. Each thread's scopes are counted; a store that is about to
 * change something takes the <em>writer's turn</em> (one thread at a time changes state) and keeps it until its
 * thread's outermost scope closes. Then what the scope changed is committed while the turn is still held, so no other
 * change can be half-way when the current values are read: a change record of those values (or, for a whole-state
 * change, a new checkpoint) is appended, the turn is given up, and the thread waits until the record is on disk. Only
 * then does the operation's answer go out. Until {@link #attach} (during recovery) nothing is recorded.
 */
public final class DurableChanges implements ChangeSink {

    private final ReentrantLock writer = new ReentrantLock();
    private final ThreadLocal<Tracker> trackers = ThreadLocal.withInitial(Tracker::new);
    private volatile DataDirectory directory;

    /** What one thread's scopes have changed so far. */
    private final class Tracker implements Scope {
        int depth;
        boolean exclusive;
        boolean writing;
        boolean whole;
        boolean sequences;
        final Set<String> workspaces = new LinkedHashSet<>();
        final Set<UserKey> users = new LinkedHashSet<>();
        final Set<ResourceKey> resources = new LinkedHashSet<>();

        boolean changedAnything() {
            return whole || sequences || !workspaces.isEmpty() || !users.isEmpty() || !resources.isEmpty();
        }

        void forget() {
            whole = false;
            sequences = false;
            workspaces.clear();
            users.clear();
            resources.clear();
        }

        @Override
        public void close() {
            exit(this);
        }
    }

    /** Starts recording: from now on every change is made durable through {@code target}. */
    void attach(DataDirectory target) {
        this.directory = target;
    }

    @Override
    public Scope enter(boolean exclusive) {
        if (directory == null) {
            return NO_SCOPE;
        }
        Tracker tracker = trackers.get();
        if (tracker.depth++ == 0) {
            tracker.exclusive = exclusive;
        }
        return tracker;
    }

    @Override
    public Scope writing() {
        DataDirectory target = directory;
        if (target == null) {
            return NO_SCOPE;
        }
        Tracker tracker = trackers.get();
        if (!tracker.writing) {
            target.requireUsable();
            writer.lock();
            try {
                target.requireUsable();
            } catch (RuntimeException unusable) {
                writer.unlock();
                throw unusable;
            }
            tracker.writing = true;
        }
        if (tracker.depth++ == 0) {
            tracker.exclusive = false;
        }
        return tracker;
    }

    private Tracker changing() {
        Tracker tracker = trackers.get();
        if (!tracker.writing) {
            throw new IllegalStateException("a store changed state outside ChangeSink#writing()");
        }
        return tracker;
    }

    @Override
    public void workspace(String workspaceId) {
        if (directory != null) {
            changing().workspaces.add(workspaceId);
        }
    }

    @Override
    public void user(String accountId, String userId) {
        if (directory != null) {
            changing().users.add(new UserKey(accountId, userId));
        }
    }

    @Override
    public void resource(String type, String parentId, String id) {
        if (directory != null) {
            changing()
                    .resources
                    .add(new ResourceKey(type, parentId == null || parentId.isEmpty() ? null : parentId, id));
        }
    }

    @Override
    public void sequences() {
        if (directory != null) {
            changing().sequences = true;
        }
    }

    @Override
    public void wholeState() {
        if (directory != null) {
            changing().whole = true;
        }
    }

    /** Closes a scope; the outermost one of a thread that changed something commits and waits for the disk. */
    private void exit(Tracker tracker) {
        if (--tracker.depth > 0 || !tracker.writing) {
            return;
        }
        DataDirectory.Pending pending = null;
        try {
            if (tracker.changedAnything()) {
                pending = directory.commit(
                        tracker.whole || tracker.exclusive, tracker.workspaces, tracker.users, tracker.resources);
            }
        } finally {
            tracker.forget();
            tracker.writing = false;
            writer.unlock();
        }
        if (pending != null) {
            pending.await();
        }
    }

    /** Runs {@code action} with the writer's turn: no state changes meanwhile (for compaction and release). */
    void asWriter(Runnable action) {
        writer.lock();
        try {
            action.run();
        } finally {
            writer.unlock();
        }
    }
}
