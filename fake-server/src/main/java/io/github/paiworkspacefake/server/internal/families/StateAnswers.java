package io.github.paiworkspacefake.server.internal.families;

import io.github.paiworkspacefake.server.Member;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.WorkspaceService;
import io.github.paiworkspacefake.server.internal.domain.registry.CodeSourceRegistry;
import io.github.paiworkspacefake.server.internal.domain.registry.ModelRegistry;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import java.util.Map;
import java.util.Optional;

/**
 * What the API answers about a stored workspace, member or user, built as the operations build it but without
 * counting as a read (a read could complete a lifecycle waiting for reads): for the admin console's view of the
 * state. Most of the resource engine's items need no such help, as they are stored as the API answers them; a family
 * whose answers add what is not stored (defaults, a model's latest version) says so in {@link #resource}.
 */
public final class StateAnswers {

    private StateAnswers() {}

    /** GetWorkspace's answer with {@code Verbose=true}, without its request id. */
    public static Map<String, Object> workspace(WorkspaceService workspaces, Workspace workspace) {
        return WorkspaceOperations.detail(workspaces, workspace, true).members();
    }

    /** GetMember's answer, without its request id. */
    public static Map<String, Object> member(Member member) {
        return MemberOperations.details(member);
    }

    /** A ListWorkspaceUsers item. */
    public static Map<String, Object> user(User user) {
        return Maps.ordered("UserId", user.userId(), "UserName", user.userName());
    }

    /**
     * What the API answers about an engine resource whose family builds its answer rather than answering what is
     * stored (GetModel, GetModelVersion, GetCodeSource), or empty when it answers the stored members.
     */
    public static Optional<Map<String, Object>> resource(FakeState state, Resource resource) {
        return switch (resource.type()) {
            case ModelRegistry.MODEL ->
                Optional.of(RegistryAnswers.model(
                        resource,
                        new ModelRegistry(state).latestVersion(resource).orElse(null)));
            case ModelRegistry.MODEL_VERSION -> Optional.of(RegistryAnswers.version(resource));
            case CodeSourceRegistry.CODE_SOURCE -> Optional.of(RegistryAnswers.codeSource(resource));
            default -> Optional.empty();
        };
    }
}
