package io.github.paiworkspacefake.server.internal.domain;

/**
 * Where the stores report what they change, so that a fake with a data directory can make each change durable before
 * it is answered. Every change of stored state happens inside a <em>scope</em>: an operation's or a test control's
 * ({@link StateLock} opens one around each), or, for a store called outside any, the store's own. Scopes nest; when a
 * thread's outermost scope closes, the changes made in it are committed as one step. A store calls {@link #writing()}
 * before it changes anything (outside any lock of its own: the durable sink may wait there for its turn) and then
 * names each entity it changed.
 *
 * <p>{@link #NONE}, the sink of an in-memory fake, does nothing at all: its scopes are one shared object whose
 * {@code close} is empty.
 */
public interface ChangeSink {

    /** A scope of changes; closing the outermost one of a thread commits them. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The scope that does nothing. */
    Scope NO_SCOPE = () -> {};

    /** The sink of an in-memory fake: nothing is recorded, nothing waits. */
    ChangeSink NONE = new ChangeSink() {
        @Override
        public Scope enter(boolean exclusive) {
            return NO_SCOPE;
        }

        @Override
        public Scope writing() {
            return NO_SCOPE;
        }

        @Override
        public void workspace(String workspaceId) {}

        @Override
        public void user(String accountId, String userId) {}

        @Override
        public void resource(String type, String parentId, String id) {}

        @Override
        public void sequences() {}

        @Override
        public void wholeState() {}
    };

    /** A RAM user's place in the state. */
    record UserKey(String accountId, String userId) {}

    /** A resource's place in the state: its type, the resource it lives under (null for none) and its id. */
    record ResourceKey(String type, String parentId, String id) {}

    /**
     * Opens a scope for an operation or test control; {@code exclusive} when it replaces the whole state (under the
     * state lock's exclusive side).
     */
    Scope enter(boolean exclusive);

    /**
     * Opens a scope in which the calling store is about to change something. Call it before taking any lock of the
     * store's own (a durable sink lets one thread change state at a time); it throws {@link IllegalStateException},
     * before anything changed, when changes can no longer be made durable.
     */
    Scope writing();

    /** A workspace changed: its fields, its default mark or its members; or it was removed. */
    void workspace(String workspaceId);

    /** A RAM user was added or replaced. */
    void user(String accountId, String userId);

    /** A resource of the engine was created, changed or removed. */
    void resource(String type, String parentId, String id);

    /** An id sequence moved on (a WorkspaceId or a resource's sequence number was handed out). */
    void sequences();

    /** The whole state changed at once (a reset, a load or a restore). */
    void wholeState();
}
