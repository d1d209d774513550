package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.internal.domain.CreateMemberRequest;
import io.github.paiworkspacefake.server.internal.domain.ListMembersRequest;
import io.github.paiworkspacefake.server.internal.domain.MemberService;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceService;
import io.github.paiworkspacefake.server.internal.pipeline.Answer;
import io.github.paiworkspacefake.server.internal.pipeline.Binder;
import io.github.paiworkspacefake.server.internal.pipeline.Call;
import io.github.paiworkspacefake.server.internal.pipeline.OperationFamily;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Member family: a workspace's members, their roles, and the users who may join. */
final class MemberOperations implements OperationFamily {

    @Override
    public String family() {
        return "Member";
    }

    @Override
    public void bind(Binder binder) {
        binder.serve(Operation.CreateMember, MemberOperations::create);
        binder.serve(Operation.GetMember, MemberOperations::get);
        binder.serve(Operation.ListMembers, MemberOperations::list);
        binder.serve(Operation.DeleteMembers, MemberOperations::delete);
        binder.serve(Operation.AddMemberRole, MemberOperations::addRole);
        binder.serve(Operation.RemoveMemberRole, MemberOperations::removeRole);
        binder.serve(Operation.ListWorkspaceUsers, MemberOperations::users);
    }

    private static Answer create(Call call) {
        List<CreateMemberRequest.NewMember> wanted = call.objects("Members").orElseThrow().stream()
                .map(member ->
                        new CreateMemberRequest.NewMember((String) member.get("UserId"), strings(member.get("Roles"))))
                .toList();
        List<Member> created =
                members(call).create(call.caller(), call.path("WorkspaceId"), new CreateMemberRequest(wanted));
        return Answer.empty()
                .put(
                        "Members",
                        created.stream()
                                .map(member -> Maps.ordered(
                                        "MemberId", member.memberId(),
                                        "UserId", member.user().userId(),
                                        "DisplayName", member.user().displayName(),
                                        "Roles", member.roles()))
                                .toList());
    }

    private static Answer get(Call call) {
        Member member = members(call)
                .get(call.caller(), call.path("WorkspaceId"), call.string("MemberId"), call.string("UserId"));
        return Answer.of(details(member));
    }

    private static Answer list(Call call) {
        ListMembersRequest request = new ListMembersRequest(
                call.string("MemberName"),
                call.strings("Roles").map(Set::copyOf),
                call.string("UserId"),
                call.number("PageNumber", 1),
                (int) call.number("PageSize", 20));
        WorkspaceService.Page<Member> page = members(call).list(call.caller(), call.path("WorkspaceId"), request);
        return Answer.empty()
                .put("TotalCount", page.totalCount())
                .put(
                        "Members",
                        page.items().stream()
                                .map(member -> {
                                    Map<String, Object> item = Maps.ordered(
                                            "AccountName", member.user().userName());
                                    item.putAll(details(member));
                                    return item;
                                })
                                .toList());
    }

    private static Answer delete(Call call) {
        members(call)
                .delete(
                        call.caller(),
                        call.path("WorkspaceId"),
                        Set.copyOf(call.strings("MemberIds").orElseThrow()));
        return Answer.empty();
    }

    private static Answer addRole(Call call) {
        members(call).addRole(call.caller(), call.path("WorkspaceId"), call.path("MemberId"), call.path("RoleName"));
        return Answer.empty();
    }

    private static Answer removeRole(Call call) {
        members(call).removeRole(call.caller(), call.path("WorkspaceId"), call.path("MemberId"), call.path("RoleName"));
        return Answer.empty();
    }

    private static Answer users(Call call) {
        List<User> users = members(call)
                .availableUsers(
                        call.caller(), call.path("WorkspaceId"), call.string("UserId"), call.string("UserName"));
        return Answer.empty()
                .put("TotalCount", users.size())
                .put(
                        "Users",
                        users.stream()
                                .map(user -> Maps.ordered("UserId", user.userId(), "UserName", user.userName()))
                                .toList());
    }

    static Map<String, Object> details(Member member) {
        return Maps.ordered(
                "MemberId", member.memberId(),
                "UserId", member.user().userId(),
                "MemberName", member.user().userName(),
                "DisplayName", member.user().displayName(),
                "AccountType", member.user().accountType(),
                "GmtCreateTime", member.gmtCreateTime(),
                "Roles", member.roles());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    private static MemberService members(Call call) {
        return call.fake().members();
    }
}
