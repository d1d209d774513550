package io.github.paiworkspacefake.server.internal.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A CreateMember request, {@code Members: [{UserId, Roles}]}: at least one member, each user once, known roles. */
public record CreateMemberRequest(List<NewMember> members) {

    /** One user to add and its roles. */
    public record NewMember(String userId, List<String> roles) {}

    public CreateMemberRequest {
        if (members.isEmpty()) {
            throw ApiException.invalid("Members", "it must list at least one member.");
        }
        Set<String> users = new HashSet<>();
        List<NewMember> checked = new ArrayList<>();
        for (NewMember member : members) {
            if (!users.add(member.userId())) {
                throw ApiException.invalid("Members", "the user " + member.userId() + " is listed twice.");
            }
            if (member.roles().isEmpty()) {
                throw ApiException.invalid("Roles", "a member needs at least one role.");
            }
            member.roles().forEach(role -> WorkspaceRules.checkRoleName("Roles", role));
            checked.add(new NewMember(member.userId(), List.copyOf(new LinkedHashSet<>(member.roles()))));
        }
        members = List.copyOf(checked);
    }

    /** One member with its roles. */
    public static CreateMemberRequest of(String userId, List<String> roles) {
        return new CreateMemberRequest(List.of(new NewMember(userId, roles)));
    }
}
