package io.github.paiworkspacefake.server.internal.domain.registry;

import static io.github.paiworkspacefake.server.internal.domain.registry.StoredFields.text;

import io.github.paiworkspacefake.server.Workspace;
import io.github.paiworkspacefake.server.internal.catalogue.Catalogue;
import io.github.paiworkspacefake.server.internal.catalogue.ResourceSpec;
import io.github.paiworkspacefake.server.internal.domain.ApiException;
import io.github.paiworkspacefake.server.internal.domain.Caller;
import io.github.paiworkspacefake.server.internal.domain.FakeState;
import io.github.paiworkspacefake.server.internal.domain.resources.Resource;
import io.github.paiworkspacefake.server.internal.domain.resources.Resources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Code sources (a Git repository, branch or commit and where to mount it, for DLC jobs) on the resource engine, in a
 * workspace of their account, with the visibility rules of {@link WorkspaceAccess}; PublishCodeSource makes a PRIVATE
 * one PUBLIC, and nothing makes it PRIVATE again.
 */
public final class CodeSourceRegistry {

    /** The code source type of the resource engine. */
    public static final String CODE_SOURCE = "CodeSource";
    /** {@code CloneType} of a code source created without one (the reference: "0 (default)"). */
    public static final long DEFAULT_CLONE_TYPE = 0;

    private final Resources resources;
    private final WorkspaceAccess access;
    private final ResourceSpec type;

    /** The code sources of this fake's state. */
    public CodeSourceRegistry(FakeState state) {
        this.resources = state.resources();
        this.access = new WorkspaceAccess(state);
        this.type = Catalogue.get().resource(CODE_SOURCE).orElseThrow();
    }

    /** CreateCodeSource: a code source in the caller's workspace, made by the caller, PRIVATE unless said otherwise. */
    public Resource create(Caller caller, String workspaceId, Map<String, Object> fields) {
        Workspace workspace = access.workspaceToCreateIn(caller, Optional.of(workspaceId));
        Map<String, Object> members = new LinkedHashMap<>(fields);
        members.putIfAbsent("Accessibility", WorkspaceAccess.PRIVATE);
        members.putIfAbsent("CloneType", DEFAULT_CLONE_TYPE);
        members.put("WorkspaceId", workspace.workspaceId());
        members.put("UserId", caller.userId());
        return resources.create(
                type, Resources.Creation.in(workspace.owner().accountId(), workspace.workspaceId(), members));
    }

    /** The code source the caller sees, or {@code 404 201400002}. */
    public Resource codeSource(Caller caller, String codeSourceId) {
        return resources
                .find(type, caller.account().accountId(), null, codeSourceId)
                .filter(source -> canSee(caller, source))
                .orElseThrow(() -> ApiException.of(type.notFound()));
    }

    /** UpdateCodeSource: changes a code source the caller may change. */
    public Resource update(Caller caller, String codeSourceId, UnaryOperator<Map<String, Object>> change) {
        Resource source = changeable(caller, codeSourceId);
        return resources.update(type, source.accountId(), null, source.id(), change);
    }

    /** PublishCodeSource: makes a code source the caller may change PUBLIC; one that is PUBLIC already stays as it is. */
    public Resource publish(Caller caller, String codeSourceId) {
        Resource source = changeable(caller, codeSourceId);
        if (WorkspaceAccess.PUBLIC.equals(text(source, "Accessibility"))) {
            return source;
        }
        return resources.update(type, source.accountId(), null, source.id(), fields -> {
            fields.put("Accessibility", WorkspaceAccess.PUBLIC);
            return fields;
        });
    }

    /** DeleteCodeSource: removes a code source the caller may change. */
    public void delete(Caller caller, String codeSourceId) {
        Resource source = changeable(caller, codeSourceId);
        resources.remove(type, source.accountId(), null, source.id());
    }

    /** The code sources of the caller's workspace that it sees, in creation order. */
    public List<Resource> list(Caller caller, String workspaceId) {
        access.workspace(caller, workspaceId);
        return resources.list(
                type,
                caller.account().accountId(),
                null,
                source -> workspaceId.equals(workspaceOf(source)) && canSee(caller, source));
    }

    private Resource changeable(Caller caller, String codeSourceId) {
        Resource source = codeSource(caller, codeSourceId);
        if (!access.canChange(caller, workspaceOf(source), ModelRegistry.creatorOf(source))) {
            throw WorkspaceAccess.denied("only the code source's creator and the workspace's administrators change "
                    + "code source " + codeSourceId + ".");
        }
        return source;
    }

    private boolean canSee(Caller caller, Resource source) {
        return access.canSee(
                caller,
                workspaceOf(source),
                Objects.requireNonNullElse(text(source, "Accessibility"), WorkspaceAccess.PRIVATE),
                ModelRegistry.creatorOf(source));
    }

    /** A code source's workspace: where the engine keeps it, or the member a seed gave. */
    public static String workspaceOf(Resource source) {
        return source.workspaceId() != null ? source.workspaceId() : text(source, "WorkspaceId");
    }
}
