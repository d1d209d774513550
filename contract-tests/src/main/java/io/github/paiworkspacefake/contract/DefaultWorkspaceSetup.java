package io.github.paiworkspacefake.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What a run knows about the account's default workspace. Found by GetDefaultWorkspace; when there is none and
 * {@link ContractConfig#allowCreateDefault()} is set, created once with CreateDefaultWorkspace (an irreversible account
 * setup on a real account, so never done without that flag).
 *
 * @param state       found, created by this run, absent, or a setup that went wrong
 * @param workspaceId its WorkspaceId when found or created
 * @param lookup      GetDefaultWorkspace's first answer
 * @param creation    CreateDefaultWorkspace's answer when the run called it
 * @param problem     what went wrong, for {@link State#FAILED}
 */
record DefaultWorkspaceSetup(
        State state, String workspaceId, ApiResponse lookup, ApiResponse creation, String problem) {

    /** The account's default workspace as the run found it. */
    enum State {
        /** The account had one. */
        FOUND,
        /** The account had none and this run created it. */
        CREATED,
        /** The account has none and the run may not create one. */
        ABSENT,
        /** The answers contradict each other or creating failed; checks that need a default workspace fail with the problem. */
        FAILED
    }

    /** The description the suite gives a default workspace it creates. */
    static final String DESCRIPTION = "Default workspace set up by the PAI Workspace contract suite";

    static DefaultWorkspaceSetup establish(ContractRun run) {
        PaiWorkspaceApi api = run.api();
        ApiResponse lookup = api.getDefaultWorkspace(null);
        if (lookup.status() == 200) {
            return workspaceId(lookup)
                    .map(id -> new DefaultWorkspaceSetup(State.FOUND, id, lookup, null, null))
                    .orElseGet(() -> new DefaultWorkspaceSetup(
                            State.FAILED,
                            null,
                            lookup,
                            null,
                            "GetDefaultWorkspace answered 200 without a WorkspaceId string: " + lookup));
        }
        if (!run.config().allowCreateDefault()) {
            return new DefaultWorkspaceSetup(State.ABSENT, null, lookup, null, null);
        }
        ApiResponse creation =
                api.createDefaultWorkspace("{\"Description\":\"" + DESCRIPTION + "\",\"EnvTypes\":[\"prod\"]}");
        run.recordIfCreated(creation, CreatedResource.Kind.DEFAULT_WORKSPACE, "", "default workspace setup");
        Optional<String> id = creation.status() == 200 ? workspaceId(creation) : Optional.empty();
        if (id.isPresent()) {
            return new DefaultWorkspaceSetup(State.CREATED, id.get(), lookup, creation, null);
        }
        return new DefaultWorkspaceSetup(
                State.FAILED,
                null,
                lookup,
                creation,
                "GetDefaultWorkspace found no default workspace (" + lookup
                        + "), and CreateDefaultWorkspace did not create one: " + creation);
    }

    private static Optional<String> workspaceId(ApiResponse response) {
        try {
            JsonNode id = response.json().get("WorkspaceId");
            return id != null && id.isTextual() && !id.asText().isEmpty() ? Optional.of(id.asText()) : Optional.empty();
        } catch (AssertionError notJson) {
            return Optional.empty();
        }
    }

    /** The default workspace's id, or an assertion failure saying why the run has none. */
    String requireWorkspaceId() {
        if (workspaceId == null) {
            throw new AssertionError(problem != null ? problem : "the account has no default workspace: " + lookup);
        }
        return workspaceId;
    }
}
