package io.github.paiworkspacefake.server.internal.domain;

import io.github.paiworkspacefake.server.Member;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A ListMembers query: {@code MemberName} (part of the name, any case), {@code Roles} (comma-separated: a
 * member with any of them), {@code UserId}, {@code PageNumber} and {@code PageSize} as ListWorkspaces takes them.
 */
public record ListMembersRequest(
        Optional<String> memberName,
        Optional<Set<String>> roles,
        Optional<String> userId,
        long pageNumber,
        int pageSize) {

    public ListMembersRequest {
        roles.ifPresent(wanted -> wanted.forEach(role -> WorkspaceRules.checkRoleName("Roles", role)));
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
