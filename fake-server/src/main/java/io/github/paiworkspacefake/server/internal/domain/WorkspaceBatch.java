package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.WorkspaceSeed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A seed or snapshot about to be stored as a whole, and the check that it may be: ids unique, names unique per
 * account, at most one default per account, within the capacity, and no clash with what is stored already (unless
 * it replaces everything). Positions are reported as {@code workspaces[i]}, as in the file.
 *
 * @param workspaces the completed workspaces, in file order; a {@code null} id is assigned after the check
 * @param defaults   for each workspace, whether it is its owner's default
 */
public record WorkspaceBatch(List<WorkspaceSeed> workspaces, List<Boolean> defaults) {

    public WorkspaceBatch {
        workspaces = List.copyOf(workspaces);
        defaults = List.copyOf(defaults);
        if (workspaces.size() != defaults.size()) {
            throw new IllegalArgumentException("one default flag per workspace");
        }
    }

    /** What is wrong with storing this batch beside what {@code stored} holds (or instead of it, when replacing). */
    public Optional<String> problem(WorkspaceStore stored, boolean replacing) {
        int total = workspaces.size() + (replacing ? 0 : stored.size());
        if (total > stored.capacity()) {
            return Optional.of("the fake would hold " + total + " workspaces, more than its maximum of "
                    + stored.capacity() + " (PaiWorkspaceFake.Builder#maxWorkspaces)");
        }
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> defaultOwners = new HashMap<>();
        for (int i = 0; i < workspaces.size(); i++) {
            WorkspaceSeed workspace = workspaces.get(i);
            String where = "workspaces[" + i + "]: ";
            String accountId = workspace.owner().accountId();
            String id = workspace.workspaceId();
            if (id != null) {
                Integer earlier = ids.putIfAbsent(id, i);
                if (earlier != null) {
                    return Optional.of(
                            where + "WorkspaceId \"" + id + "\" appears twice (also workspaces[" + earlier + "])");
                }
                if (!replacing && stored.find(id).isPresent()) {
                    return Optional.of(where + "WorkspaceId \"" + id + "\" is already stored");
                }
            }
            Integer earlierName = names.putIfAbsent(accountId + "\u0000" + workspace.workspaceName(), i);
            if (earlierName != null) {
                return Optional.of(where + "WorkspaceName \"" + workspace.workspaceName()
                        + "\" appears twice for account " + accountId + " (also workspaces[" + earlierName + "])");
            }
            Optional<String> sameName =
                    replacing ? Optional.empty() : stored.idOfName(accountId, workspace.workspaceName());
            if (sameName.isPresent()) {
                return Optional.of(where + "WorkspaceName \"" + workspace.workspaceName()
                        + "\" is already used by account " + accountId + "'s workspace " + sameName.get());
            }
            if (defaults.get(i)) {
                Integer earlierDefault = defaultOwners.putIfAbsent(accountId, i);
                if (earlierDefault != null) {
                    return Optional.of(where + "a second IsDefault workspace for account " + accountId
                            + " (also workspaces[" + earlierDefault + "])");
                }
                Optional<String> currentDefault = replacing ? Optional.empty() : stored.defaultWorkspaceId(accountId);
                if (currentDefault.isPresent()) {
                    return Optional.of(where + "IsDefault, but account " + accountId
                            + " already has the default workspace " + currentDefault.get());
                }
            }
        }
        return Optional.empty();
    }
}
