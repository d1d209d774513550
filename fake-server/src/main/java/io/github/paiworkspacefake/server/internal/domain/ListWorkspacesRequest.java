package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A validated ListWorkspaces query (see docs/operations.md, "ListWorkspaces").
 *
 * @param pageNumber      the page, from 1
 * @param pageSize        workspaces per page
 * @param sortBy          {@code GmtCreateTime} or {@code GmtModifiedTime}
 * @param descending      {@code Order=DESC}
 * @param workspaceName   the name filter: part of the name in any case (GetWorkspaces) or the exact name (CheckWorkspaceExists)
 * @param status          the status filter
 * @param workspaceIds    the ids filter; unknown ids are simply absent from the answer
 * @param resourceGroupId the resource group filter
 * @param memberUserId    {@code UserId}: only workspaces this user of the caller's account is a member of
 * @param paiModule       whether {@code ModuleList} names the PAI module (the default); every workspace of the fake
 *                        is a PAI workspace, so a list without it matches none
 * @param idsOnly         {@code Fields=Id}: list items carry their WorkspaceId only
 * @param option          what to answer
 */
public record ListWorkspacesRequest(
        long pageNumber,
        int pageSize,
        SortBy sortBy,
        boolean descending,
        Optional<String> workspaceName,
        Optional<WorkspaceStatus> status,
        Optional<Set<String>> workspaceIds,
        Optional<String> resourceGroupId,
        Optional<String> memberUserId,
        boolean paiModule,
        boolean idsOnly,
        Option option) {

    public static final int DEFAULT_PAGE_SIZE = 20;

    /** {@code SortBy}. */
    public enum SortBy {
        GmtCreateTime,
        GmtModifiedTime
    }

    /** {@code Option}: what the answer holds. */
    public enum Option {
        GetWorkspaces,
        GetResourceLimits,
        CheckWorkspaceExists
    }

    public ListWorkspacesRequest {
        if (option == Option.CheckWorkspaceExists && workspaceName.isEmpty()) {
            throw ApiException.missing("WorkspaceName");
        }
    }

    /** Whether a workspace passes every filter of this query; {@code isMember} tells a workspace's members. */
    public boolean matches(Workspace workspace, BiPredicate<String, String> isMember) {
        boolean nameMatches = workspaceName
                .map(name -> option == Option.CheckWorkspaceExists
                        ? workspace.workspaceName().equals(name)
                        : workspace.workspaceName().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                .orElse(true);
        return paiModule
                && nameMatches
                && status.map(wanted -> workspace.status() == wanted).orElse(true)
                && workspaceIds
                        .map(ids -> ids.contains(workspace.workspaceId()))
                        .orElse(true)
                && resourceGroupId
                        .map(id -> id.equals(workspace.resourceGroupId()))
                        .orElse(true)
                && memberUserId
                        .map(userId -> isMember.test(workspace.workspaceId(), userId))
                        .orElse(true);
    }

    /** Whether every workspace passes this query's filters (it names none). */
    boolean filtersNothing() {
        return paiModule
                && workspaceName.isEmpty()
                && status.isEmpty()
                && workspaceIds.isEmpty()
                && resourceGroupId.isEmpty()
                && memberUserId.isEmpty();
    }
}
