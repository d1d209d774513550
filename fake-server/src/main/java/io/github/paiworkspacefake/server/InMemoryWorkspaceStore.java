package io.github.paiworkspacefake.server;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * {@link WorkspaceStore} over concurrent maps; a place under the capacity and then the name are claimed atomically
 * before the workspace is stored, so racing creates neither share a name nor overshoot the capacity.
 */
final class InMemoryWorkspaceStore implements WorkspaceStore {

    private final int capacity;
    private final AtomicInteger count = new AtomicInteger();

    InMemoryWorkspaceStore(int capacity) {
        this.capacity = capacity;
    }

    private record NameKey(String accountId, String workspaceName) {
    }

    private final Map<String, Workspace> byId = new ConcurrentHashMap<>();
    private final Map<NameKey, String> idByName = new ConcurrentHashMap<>();
    private final Map<String, String> defaultIdByAccount = new ConcurrentHashMap<>();

    @Override
    public InsertResult insert(Workspace workspace) {
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
        return InsertResult.INSERTED;
    }

    @Override
    public Optional<Workspace> find(String workspaceId) {
        return Optional.ofNullable(byId.get(workspaceId));
    }

    @Override
    public Optional<Workspace> update(String workspaceId, UnaryOperator<Workspace> change) {
        return Optional.ofNullable(byId.computeIfPresent(workspaceId, (id, current) -> {
            Workspace changed = change.apply(current);
            if (!changed.workspaceId().equals(id) || !nameKey(changed).equals(nameKey(current))) {
                throw new IllegalArgumentException("an update must keep the workspace's id, name and owner");
            }
            return changed;
        }));
    }

    @Override
    public void remove(String workspaceId) {
        Workspace removed = byId.remove(workspaceId);
        if (removed != null) {
            count.decrementAndGet();
            idByName.remove(nameKey(removed), workspaceId);
            defaultIdByAccount.remove(removed.owner().accountId(), workspaceId);
        }
    }

    @Override
    public List<Workspace> all() {
        return byId.values().stream()
                .sorted(Comparator.comparing(Workspace::gmtCreateTime).thenComparing(Workspace::workspaceId))
                .toList();
    }

    @Override
    public Optional<String> defaultWorkspaceId(String accountId) {
        return Optional.ofNullable(defaultIdByAccount.get(accountId));
    }

    @Override
    public void setDefault(String accountId, String workspaceId) {
        defaultIdByAccount.put(accountId, workspaceId);
    }

    @Override
    public boolean setDefaultIfAbsent(String accountId, String workspaceId) {
        return defaultIdByAccount.putIfAbsent(accountId, workspaceId) == null;
    }

    @Override
    public int size() {
        return byId.size();
    }

    @Override
    public void clear() {
        defaultIdByAccount.clear();
        idByName.clear();
        byId.clear();
        count.set(0);
    }

    private static NameKey nameKey(Workspace workspace) {
        return new NameKey(workspace.owner().accountId(), workspace.workspaceName());
    }
}
