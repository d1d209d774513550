package io.github.paiworkspacefake.server;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** {@link WorkspaceStore} over concurrent maps; a name is claimed atomically before its workspace is stored. */
final class InMemoryWorkspaceStore implements WorkspaceStore {

    private record NameKey(String accountId, String workspaceName) {
    }

    private final Map<String, Workspace> byId = new ConcurrentHashMap<>();
    private final Map<NameKey, String> idByName = new ConcurrentHashMap<>();
    private final Map<String, String> defaultIdByAccount = new ConcurrentHashMap<>();

    @Override
    public InsertResult insert(Workspace workspace) {
        NameKey name = nameKey(workspace);
        if (idByName.putIfAbsent(name, workspace.workspaceId()) != null) {
            return InsertResult.NAME_TAKEN;
        }
        if (byId.putIfAbsent(workspace.workspaceId(), workspace) != null) {
            idByName.remove(name, workspace.workspaceId());
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
    }

    private static NameKey nameKey(Workspace workspace) {
        return new NameKey(workspace.owner().accountId(), workspace.workspaceName());
    }
}
