package io.github.paiworkspacefake.server;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where workspaces live. No HTTP in here: the store keeps two invariants, unique ids and names unique per
 * owning account, and at most one default workspace per account.
 */
interface WorkspaceStore {

    /** Outcome of {@link #insert(Workspace)}. */
    enum InsertResult { INSERTED, NAME_TAKEN, ID_TAKEN, FULL }

    /**
     * Stores a complete workspace unless its owner already has one with that name, its id is in use, or the store
     * holds as many workspaces as it may.
     */
    InsertResult insert(Workspace workspace);

    /** The workspace with this id, whoever owns it. */
    Optional<Workspace> find(String workspaceId);

    /** Applies a change to a stored workspace; the id, name and owner must stay the same. */
    Optional<Workspace> update(String workspaceId, UnaryOperator<Workspace> change);

    /** Removes a workspace, and the default mark if it carried one. */
    void remove(String workspaceId);

    /** Every stored workspace, oldest first. */
    List<Workspace> all();

    /** The id of this account's default workspace. */
    Optional<String> defaultWorkspaceId(String accountId);

    /** Marks a workspace as its owner's default, replacing any earlier one. */
    void setDefault(String accountId, String workspaceId);

    /** Marks a workspace as its owner's default only if the owner has none yet; false if it had one. */
    boolean setDefaultIfAbsent(String accountId, String workspaceId);

    /** Number of stored workspaces. */
    int size();

    /** Forgets everything. */
    void clear();
}
