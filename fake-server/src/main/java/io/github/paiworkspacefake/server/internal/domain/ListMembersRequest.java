package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Member;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validated ListMembers query: {@code MemberName} (part of the name, any case), {@code Roles} (comma-separated: a
 * member with any of them), {@code UserId}, {@code PageNumber} and {@code PageSize} as ListWorkspaces takes them.
 */
public record ListMembersRequest(
        Optional<String> memberName,
        Optional<Set<String>> roles,
        Optional<String> userId,
        long pageNumber,
        int pageSize) {

    public static ListMembersRequest from(QueryParameters query) {
        Optional<Set<String>> roles = query.optional("Roles")
                .map(text -> Arrays.stream(text.split(","))
                        .map(String::trim)
                        .filter(role -> !role.isEmpty())
                        .map(role -> WorkspaceRules.checkRole("Roles", role))
                        .collect(Collectors.toUnmodifiableSet()));
        return new ListMembersRequest(
                query.optional("MemberName"),
                roles,
                query.optional("UserId"),
                query.number("PageNumber", 1, Long.MAX_VALUE, 1),
                (int) query.number(
                        "PageSize", 1, ListWorkspacesRequest.MAX_PAGE_SIZE, ListWorkspacesRequest.DEFAULT_PAGE_SIZE));
    }

    /** Every member on one page. */
    public static ListMembersRequest all() {
        return new ListMembersRequest(Optional.empty(), Optional.empty(), Optional.empty(), 1, Integer.MAX_VALUE);
    }

    public boolean matches(Member member) {
        return memberName
                        .map(name -> member.user()
                                .userName()
                                .toLowerCase(Locale.ROOT)
                                .contains(name.toLowerCase(Locale.ROOT)))
                        .orElse(true)
                && roles.map(wanted -> member.roles().stream().anyMatch(wanted::contains))
                        .orElse(true)
                && userId.map(id -> id.equals(member.user().userId())).orElse(true);
    }
}
