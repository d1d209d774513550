package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@link WorkspaceStore} over concurrent maps; a place under the capacity and then the name are claimed atomically
 * before the workspace is stored, so racing creates neither share a name nor overshoot the capacity. A default
 * workspace is stored inside the atomic claim of its owner's default mark, so only one of racing creates stores one.
 */
public final class InMemoryWorkspaceStore implements WorkspaceStore {

    private final int capacity;
    private final AtomicInteger count = new AtomicInteger();
    private final ChangeSink changes;

    public InMemoryWorkspaceStore(int capacity) {
        this(capacity, ChangeSink.NONE);
    }

    /** A store that reports each workspace it changes (its fields, default mark, presence) to {@code changes}. */
    public InMemoryWorkspaceStore(int capacity, ChangeSink changes) {
        this.capacity = capacity;
        this.changes = changes;
    }

    private record NameKey(String accountId, String workspaceName) {}

    private final Map<String, Workspace> byId = new ConcurrentHashMap<>();
    /** The same workspaces ordered by creation and by modification time, so a listing never sorts. */
    private final ConcurrentSkipListMap<OrderKey, Workspace> byCreated = new ConcurrentSkipListMap<>();

    private final ConcurrentSkipListMap<OrderKey, Workspace> byModified = new ConcurrentSkipListMap<>();

    /** A position in one of the orders: the time, then the id for workspaces of the same time. */
    private record OrderKey(Instant time, String workspaceId) implements Comparable<OrderKey> {
        @Override
        public int compareTo(OrderKey other) {
            int byTime = time.compareTo(other.time);
            return byTime != 0 ? byTime : workspaceId.compareTo(other.workspaceId);
        }
    }

    private final Map<NameKey, String> idByName = new ConcurrentHashMap<>();
    /** How many workspaces each account owns, so a listing that filters nothing need not count them one by one. */
    private final Map<String, Integer> countByAccount = new ConcurrentHashMap<>();

    private final Map<String, String> defaultIdByAccount = new ConcurrentHashMap<>();

    @Override
    public InsertResult insert(Workspace workspace) {
        try (ChangeSink.Scope writing = changes.writing()) {
            return insertNow(workspace);
        }
    }

    private InsertResult insertNow(Workspace workspace) {
        if (count.incrementAndGet() > capacity) {
            count.decrementAndGet();
            return InsertResult.FULL;
        }
        NameKey name = nameKey(workspace);
        if (idByName.putIfAbsent(name, workspace.workspaceId()) != null) {
            count.decrementAndGet();
            return InsertResult.NAME_TAKEN;
        }
        if (byId.putIfAbsent(workspace.workspaceId(), workspace) != null) {
            idByName.remove(name, workspace.workspaceId());
            count.decrementAndGet();
            return InsertResult.ID_TAKEN;
        }
        byCreated.put(createdKey(workspace), workspace);
        byModified.put(modifiedKey(workspace), workspace);
        countByAccount.merge(workspace.owner().accountId(), 1, Integer::sum);
        changes.workspace(workspace.workspaceId());
        return InsertResult.INSERTED;
    }

    @Override
    public InsertResult insertDefault(Workspace workspace) {
        try (ChangeSink.Scope writing = changes.writing()) {
            InsertResult[] result = new InsertResult[1];
            defaultIdByAccount.compute(workspace.owner().accountId(), (accountId, current) -> {
                if (current != null) {
                    result[0] = InsertResult.DEFAULT_TAKEN;
                    return current;
                }
                result[0] = insertNow(workspace);
                return result[0] == InsertResult.INSERTED ? workspace.workspaceId() : null;
            });
            return result[0];
        }
    }

    @Override
    public Optional<Workspace> find(String workspaceId) {
        return Optional.ofNullable(byId.get(workspaceId));
    }

    @Override
    public Optional<String> idOfName(String accountId, String workspaceName) {
        return Optional.ofNullable(idByName.get(new NameKey(accountId, workspaceName)));
    }

    @Override
    public Optional<Workspace> update(String workspaceId, UnaryOperator<Workspace> change) {
        try (ChangeSink.Scope writing = changes.writing()) {
            return updateNow(workspaceId, change);
        }
    }

    // a change that hands back the very workspace it was given changed nothing (a transition not yet due)
    @SuppressWarnings("ReferenceEquality")
    private Optional<Workspace> updateNow(String workspaceId, UnaryOperator<Workspace> change) {
        return Optional.ofNullable(byId.computeIfPresent(workspaceId, (id, current) -> {
            Workspace changed = change.apply(current);
            if (!changed.workspaceId().equals(id) || !nameKey(changed).equals(nameKey(current))) {
                throw new IllegalArgumentException("an update must keep the workspace's id, name and owner");
            }
            byCreated.remove(createdKey(current));
            byCreated.put(createdKey(changed), changed);
            byModified.remove(modifiedKey(current));
            byModified.put(modifiedKey(changed), changed);
            if (changed != current) {
                changes.workspace(id);
            }
            return changed;
        }));
    }

    @Override
    public Optional<Workspace> remove(String workspaceId) {
        try (ChangeSink.Scope writing = changes.writing()) {
            return removeNow(workspaceId);
        }
    }

    private Optional<Workspace> removeNow(String workspaceId) {
        Workspace removed = byId.remove(workspaceId);
        if (removed == null) {
            return Optional.empty();
        }
        byCreated.remove(createdKey(removed));
        byModified.remove(modifiedKey(removed));
        defaultIdByAccount.remove(removed.owner().accountId(), workspaceId);
        idByName.remove(nameKey(removed), workspaceId);
        countByAccount.computeIfPresent(
                removed.owner().accountId(), (accountId, owned) -> owned > 1 ? owned - 1 : null);
        count.decrementAndGet();
        changes.workspace(workspaceId);
        return Optional.of(removed);
    }

    @Override
    public List<Workspace> all() {
        return List.copyOf(byCreated.values());
    }

    @Override
    public Stream<Workspace> inOrder(boolean byModificationTime, boolean descending) {
        ConcurrentNavigableMap<OrderKey, Workspace> order = byModificationTime ? byModified : byCreated;
        return (descending ? order.descendingMap() : order).values().stream();
    }

    @Override
    public Optional<String> defaultWorkspaceId(String accountId) {
        return Optional.ofNullable(defaultIdByAccount.get(accountId));
    }

    @Override
    public void setDefault(String accountId, String workspaceId) {
        try (ChangeSink.Scope writing = changes.writing()) {
            String previous = defaultIdByAccount.put(accountId, workspaceId);
            if (previous != null) {
                changes.workspace(previous);
            }
            changes.workspace(workspaceId);
        }
    }

    @Override
    public int size() {
        return byId.size();
    }

    @Override
    public int countOf(String accountId) {
        return countByAccount.getOrDefault(accountId, 0);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void clear() {
        try (ChangeSink.Scope writing = changes.writing()) {
            changes.wholeState();
            clearNow();
        }
    }

    private void clearNow() {
        defaultIdByAccount.clear();
        idByName.clear();
        countByAccount.clear();
        byCreated.clear();
        byModified.clear();
        byId.clear();
        count.set(0);
    }

    private static OrderKey createdKey(Workspace workspace) {
        return new OrderKey(workspace.gmtCreateTime(), workspace.workspaceId());
    }

    private static OrderKey modifiedKey(Workspace workspace) {
        return new OrderKey(workspace.gmtModifiedTime(), workspace.workspaceId());
    }

    private static NameKey nameKey(Workspace workspace) {
        return new NameKey(workspace.owner().accountId(), workspace.workspaceName());
    }
}
