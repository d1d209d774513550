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
 * before the workspace is stored, so racing creates neither share a name nor overshoot the capacity. A default
 * workspace is stored inside the atomic claim of its owner's default mark, so only one of racing creates stores one.
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
    public InsertResult insertDefault(Workspace workspace) {
        InsertResult[] result = new InsertResult[1];
        defaultIdByAccount.compute(workspace.owner().accountId(), (accountId, current) -> {
            if (current != null) {
                result[0] = InsertResult.DEFAULT_TAKEN;
                return current;
            }
            result[0] = insert(workspace);
            return result[0] == InsertResult.INSERTED ? workspace.workspaceId() : null;
        });
        return result[0];
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
        return Optional.ofNullable(byId.computeIfPresent(workspaceId, (id, current) -> {
            Workspace changed = change.apply(current);
            if (!changed.workspaceId().equals(id) || !nameKey(changed).equals(nameKey(current))) {
                throw new IllegalArgumentException("an update must keep the workspace's id, name and owner");
            }
            return changed;
        }));
    }

    @Override
    public Optional<Workspace> remove(String workspaceId) {
        Workspace removed = byId.remove(workspaceId);
        if (removed == null) {
            return Optional.empty();
        }
        defaultIdByAccount.remove(removed.owner().accountId(), workspaceId);
        idByName.remove(nameKey(removed), workspaceId);
        count.decrementAndGet();
        return Optional.of(removed);
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
    public int size() {
        return byId.size();
    }

    @Override
    public int capacity() {
        return capacity;
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
