package io.github.paiworkspacefake.server.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.internal.domain.Json;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceService;
import java.io.IOException;
import java.util.List;

/** The success bodies of the member operations, member for member as the SDK's models name them, as UTF-8 JSON. */
public final class MemberResponses {

    private MemberResponses() {}

    /** CreateMember: the new members with their MemberIds. */
    public static byte[] created(String requestId, List<Member> members) {
        return Json.document(json -> {
            json.writeStringField("RequestId", requestId);
            json.writeArrayFieldStart("Members");
            for (Member member : members) {
                json.writeStartObject();
                json.writeStringField("MemberId", member.memberId());
                json.writeStringField("UserId", member.user().userId());
                json.writeStringField("DisplayName", member.user().displayName());
                roles(json, member);
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** ListMembers: one page and the number of all matches. */
    public static byte[] list(String requestId, WorkspaceService.Page<Member> page) {
        return Json.document(json -> {
            json.writeStringField("RequestId", requestId);
            json.writeNumberField("TotalCount", page.totalCount());
            json.writeArrayFieldStart("Members");
            for (Member member : page.items()) {
                json.writeStartObject();
                json.writeStringField("AccountName", member.user().userName());
                details(json, member);
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    /** GetMember. */
    public static byte[] member(String requestId, Member member) {
        return Json.document(json -> {
            json.writeStringField("RequestId", requestId);
            details(json, member);
        });
    }

    /** ListWorkspaceUsers: the users who can be added. */
    public static byte[] users(String requestId, List<User> users) {
        return Json.document(json -> {
            json.writeStringField("RequestId", requestId);
            json.writeNumberField("TotalCount", users.size());
            json.writeArrayFieldStart("Users");
            for (User user : users) {
                json.writeStartObject();
                json.writeStringField("UserId", user.userId());
                json.writeStringField("UserName", user.userName());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    private static void details(JsonGenerator json, Member member) throws IOException {
        json.writeStringField("MemberId", member.memberId());
        json.writeStringField("UserId", member.user().userId());
        json.writeStringField("MemberName", member.user().userName());
        json.writeStringField("DisplayName", member.user().displayName());
        json.writeStringField("AccountType", member.user().accountType());
        json.writeStringField("GmtCreateTime", Json.timestamp(member.gmtCreateTime()));
        roles(json, member);
    }

    private static void roles(JsonGenerator json, Member member) throws IOException {
        json.writeArrayFieldStart("Roles");
        for (String role : member.roles()) {
            json.writeString(role);
        }
        json.writeEndArray();
    }
}
