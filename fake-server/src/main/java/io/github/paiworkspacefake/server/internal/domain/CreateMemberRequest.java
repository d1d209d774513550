package io.github.paiworkspacefake.server.internal.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A validated CreateMember body: {@code Members: [{UserId, Roles}]}, each member and both of its fields required. */
public record CreateMemberRequest(List<NewMember> members) {

    /** One user to add and its roles. */
    public record NewMember(String userId, List<String> roles) {}

    /** One member, checked as a body's would be. */
    public static CreateMemberRequest of(String userId, List<String> roles) {
        if (roles.isEmpty()) {
            throw ApiException.invalid("Roles", "a member needs at least one role.");
        }
        roles.forEach(role -> WorkspaceRules.checkRole("Roles", role));
        return new CreateMemberRequest(List.of(new NewMember(userId, List.copyOf(new LinkedHashSet<>(roles)))));
    }

    public static CreateMemberRequest from(JsonBody body) {
        List<JsonBody> items = body.optionalObjectList("Members").orElseThrow(() -> ApiException.missing("Members"));
        if (items.isEmpty()) {
            throw ApiException.invalid("Members", "it must list at least one member.");
        }
        List<NewMember> members = new ArrayList<>();
        Set<String> users = new HashSet<>();
        for (JsonBody item : items) {
            String userId = item.requiredString("UserId");
            if (!users.add(userId)) {
                throw ApiException.invalid("Members", "the user " + userId + " is listed twice.");
            }
            List<String> roles = item.optionalStringList("Roles").orElseThrow(() -> ApiException.missing("Roles"));
            if (roles.isEmpty()) {
                throw ApiException.invalid("Roles", "a member needs at least one role.");
            }
            roles.forEach(role -> WorkspaceRules.checkRole("Roles", role));
            members.add(new NewMember(userId, List.copyOf(new LinkedHashSet<>(roles))));
        }
        return new CreateMemberRequest(List.copyOf(members));
    }
}
