package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.WorkspaceStatus;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A validated ListWorkspaces query. {@code Fields}, {@code ModuleList} and {@code UserId} are accepted and do not
 * change the answer (see README, "ListWorkspaces").
 *
 * @param pageNumber      the page, from 1
 * @param pageSize        workspaces per page, 1 to {@link #MAX_PAGE_SIZE}
 * @param sortBy          {@code GmtCreateTime} or {@code GmtModifiedTime}
 * @param descending      {@code Order=DESC}
 * @param workspaceName   the name filter: part of the name in any case (GetWorkspaces) or the exact name (CheckWorkspaceExists)
 * @param status          the status filter
 * @param workspaceIds    the ids filter; unknown ids are simply absent from the answer
 * @param resourceGroupId the resource group filter
 * @param verbose         accepted as on GetWorkspace; list items always carry Creator and AdminNames
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
        boolean verbose,
        Option option) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

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

    public static ListWorkspacesRequest from(QueryParameters query) {
        long pageNumber = query.number("PageNumber", 1, Long.MAX_VALUE, 1);
        int pageSize = (int) query.number("PageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        SortBy sortBy = SortBy.valueOf(query.oneOf("SortBy", names(SortBy.values()), SortBy.GmtCreateTime.name()));
        boolean descending = query.oneOf("Order", List.of("ASC", "DESC"), "ASC").equals("DESC");
        Optional<WorkspaceStatus> status = Optional.of(query.oneOf("Status", names(WorkspaceStatus.values()), ""))
                .filter(value -> !value.isEmpty())
                .map(WorkspaceStatus::valueOf);
        Optional<Set<String>> workspaceIds = query.optional("WorkspaceIds").map(ListWorkspacesRequest::ids);
        Option option = Option.valueOf(query.oneOf("Option", names(Option.values()), Option.GetWorkspaces.name()));
        Optional<String> workspaceName = query.optional("WorkspaceName");
        if (option == Option.CheckWorkspaceExists && workspaceName.isEmpty()) {
            throw ApiException.missing("WorkspaceName");
        }
        boolean verbose = query.verbose();
        return new ListWorkspacesRequest(
                pageNumber,
                pageSize,
                sortBy,
                descending,
                workspaceName,
                status,
                workspaceIds,
                query.optional("ResourceGroupId"),
                verbose,
                option);
    }

    /** Whether a workspace passes every filter of this query. */
    public boolean matches(Workspace workspace) {
        boolean nameMatches = workspaceName
                .map(name -> option == Option.CheckWorkspaceExists
                        ? workspace.workspaceName().equals(name)
                        : workspace.workspaceName().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                .orElse(true);
        return nameMatches
                && status.map(wanted -> workspace.status() == wanted).orElse(true)
                && workspaceIds
                        .map(ids -> ids.contains(workspace.workspaceId()))
                        .orElse(true)
                && resourceGroupId
                        .map(id -> id.equals(workspace.resourceGroupId()))
                        .orElse(true);
    }

    /** Whether every workspace passes this query's filters (it names none). */
    boolean filtersNothing() {
        return workspaceName.isEmpty() && status.isEmpty() && workspaceIds.isEmpty() && resourceGroupId.isEmpty();
    }

    private static Set<String> ids(String commaSeparated) {
        Set<String> ids = new LinkedHashSet<>();
        Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .forEach(ids::add);
        return ids;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
