package io.github.paiworkspacefake.server.internal.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceService;
import java.util.List;

/** The success bodies of the member operations, member for member as the SDK's models name them. */
public final class MemberResponses {

    private MemberResponses() {}

    /** CreateMember: the new members with their MemberIds. */
    public static ObjectNode created(String requestId, List<Member> members) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        ArrayNode list = body.putArray("Members");
        for (Member member : members) {
            ObjectNode item = list.addObject();
            item.put("MemberId", member.memberId());
            item.put("UserId", member.user().userId());
            item.put("DisplayName", member.user().displayName());
            roles(item, member);
        }
        return body;
    }

    /** ListMembers: one page and the number of all matches. */
    public static ObjectNode list(String requestId, WorkspaceService.Page<Member> page) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.put("TotalCount", page.totalCount());
        ArrayNode list = body.putArray("Members");
        for (Member member : page.items()) {
            ObjectNode item = list.addObject();
            item.put("AccountName", member.user().userName());
            details(item, member);
        }
        return body;
    }

    /** GetMember. */
    public static ObjectNode member(String requestId, Member member) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        details(body, member);
        return body;
    }

    /** ListWorkspaceUsers: the users who can be added. */
    public static ObjectNode users(String requestId, List<User> users) {
        ObjectNode body = Json.object();
        body.put("RequestId", requestId);
        body.put("TotalCount", users.size());
        ArrayNode list = body.putArray("Users");
        users.forEach(user -> list.addObject().put("UserId", user.userId()).put("UserName", user.userName()));
        return body;
    }

    private static void details(ObjectNode node, Member member) {
        node.put("MemberId", member.memberId());
        node.put("UserId", member.user().userId());
        node.put("MemberName", member.user().userName());
        node.put("DisplayName", member.user().displayName());
        node.put("AccountType", member.user().accountType());
        node.put("GmtCreateTime", Json.timestamp(member.gmtCreateTime()));
        roles(node, member);
    }

    private static void roles(ObjectNode node, Member member) {
        ArrayNode roles = node.putArray("Roles");
        member.roles().forEach(roles::add);
    }
}
