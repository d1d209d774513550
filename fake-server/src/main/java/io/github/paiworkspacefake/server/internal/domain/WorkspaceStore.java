package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Where workspaces live. No HTTP in here: the store keeps its invariants, unique ids, names unique per owning
 * account, at most one default workspace per account and at most {@link #capacity()} workspaces, with each
 * operation atomic on its own. {@link WorkspaceService} makes operations that span several atomic with each other.
 */
public interface WorkspaceStore {

    /** Outcome of {@link #insert(Workspace)} and {@link #insertDefault(Workspace)}. */
    public enum InsertResult {
        INSERTED,
        NAME_TAKEN,
        ID_TAKEN,
        FULL,
        DEFAULT_TAKEN
    }

    /**
     * Stores a complete workspace unless its owner already has one with that name, its id is in use, or the store
     * holds as many workspaces as it may.
     */
    public InsertResult insert(Workspace workspace);

    /**
     * Stores a complete workspace and makes it its owner's default in one step, unless the owner has a default
     * already ({@code DEFAULT_TAKEN}) or {@link #insert(Workspace)} would refuse it: a refused workspace is never seen.
     */
    public InsertResult insertDefault(Workspace workspace);

    /** The workspace with this id, whoever owns it. */
    public Optional<Workspace> find(String workspaceId);

    /** The id of the account's workspace with this name. */
    public Optional<String> idOfName(String accountId, String workspaceName);

    /** Applies a change to a stored workspace atomically; the id, name and owner must stay the same. */
    public Optional<Workspace> update(String workspaceId, UnaryOperator<Workspace> change);

    /**
     * Removes a stored workspace with its name and, if it was its owner's default, the default mark, in one step: its
     * name is free again at once.
     */
    public Optional<Workspace> remove(String workspaceId);

    /** Every stored workspace, oldest first. */
    public List<Workspace> all();

    /**
     * Every stored workspace in creation or modification order (the id breaks ties), without sorting them: a
     * listing reads only as far as it needs.
     */
    public Stream<Workspace> inOrder(boolean byModificationTime, boolean descending);

    /** The id of this account's default workspace. */
    public Optional<String> defaultWorkspaceId(String accountId);

    /** Marks a stored workspace as its owner's default, replacing any earlier one. */
    public void setDefault(String accountId, String workspaceId);

    /** Number of stored workspaces. */
    public int size();

    /** Number of stored workspaces this account owns, without reading them. */
    int countOf(String accountId);

    /** How many workspaces the store holds at most. */
    public int capacity();

    /** Forgets everything. */
    public void clear();
}
