package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertClientError;
import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;

import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that create nothing on a conforming implementation: reads, not-found errors, malformed requests, and
 * CreateWorkspace requests that the reference's rules require to be refused.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@DisplayName("read-only")
@Order(1)
public class ReadOnlyContractChecks {

    /** The service's published code for a WorkspaceId it does not know: GetWorkspace's, and Terraform's not-found code. */
    static final String WORKSPACE_NOT_FOUND = "100400027";

    /** Where an invalid-create body takes a fresh name of this run, so that a wrongly accepted one never collides. */
    private static final String NAME = "{name}";

    static String unknownId() {
        return "9" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    /**
     * A random WorkspaceId that GetWorkspace does not find: what the checks that send UpdateWorkspace, DeleteWorkspace,
     * ChangeResourceGroup or UpdateDefaultWorkspace to an unknown id use, so that on a real account such a request can
     * never reach a workspace that happens to have that id.
     */
    static String absentWorkspaceId(PaiWorkspaceApi api) {
        ApiResponse last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            String id = unknownId();
            last = api.getWorkspace(id, null);
            if (last.status() == 404) {
                return id;
            }
        }
        throw new AssertionError(
                "No random WorkspaceId was unknown to GetWorkspace, so no request was sent to one; last: " + last);
    }

    @Test
    @DisplayName("GetWorkspace: an unknown WorkspaceId is 404 100400027 in the error format")
    void unknownWorkspaceIsNotFound(PaiWorkspaceApi api) {
        assertRefused(api.getWorkspace(unknownId(), null), 404, WORKSPACE_NOT_FOUND);
    }

    @Test
    @DisplayName("GetWorkspace: an unknown WorkspaceId with Verbose=true is not found too")
    void unknownWorkspaceWithVerboseIsNotFound(PaiWorkspaceApi api) {
        assertRefused(api.getWorkspace(unknownId(), true), 404);
    }

    @Test
    @DisplayName("UpdateWorkspace: an unknown WorkspaceId is 404 100400027 in the error format")
    void updateOfAnUnknownWorkspaceIsNotFound(PaiWorkspaceApi api) {
        assertRefused(
                api.updateWorkspace(absentWorkspaceId(api), "{\"Description\":\"nobody's\"}"),
                404,
                WORKSPACE_NOT_FOUND);
    }

    @Test
    @DisplayName("DeleteWorkspace: an unknown WorkspaceId is 404 in the error format")
    void deleteOfAnUnknownWorkspaceIsNotFound(PaiWorkspaceApi api) {
        assertRefused(api.deleteWorkspace(absentWorkspaceId(api)), 404);
    }

    @Test
    @DisplayName("ChangeResourceGroup of an unknown workspace answers a 4xx in the error format")
    void changeResourceGroupOfAnUnknownWorkspaceIsRefused(PaiWorkspaceApi api) {
        assertClientError(api.changeResourceGroup("{\"ResourceId\":\"" + absentWorkspaceId(api)
                + "\",\"NewResourceGroupId\":\"rg-acfmnosuchgroup\",\"ResourceType\":\"workspace\"}"));
    }

    @ParameterizedTest(name = "GetWorkspace and GetDefaultWorkspace refuse Verbose={0} with a 4xx in the error format")
    @DisplayName("A bad Verbose value")
    @MethodSource("badVerboseValues")
    void badVerboseIsRefused(String verbose, PaiWorkspaceApi api) {
        assertClientError(
                api.send("GetWorkspace", "GET", "/api/v1/workspaces/" + unknownId(), "Verbose=" + verbose, null));
        assertClientError(
                api.send("GetDefaultWorkspace", "GET", "/api/v1/defaultWorkspaces", "Verbose=" + verbose, null));
    }

    static Stream<Named<String>> badVerboseValues() {
        return Stream.of("maybe", "tru").map(value -> Named.of(value, value));
    }

    @Test
    @DisplayName("An unknown API answers a 4xx in the error format")
    void unknownApiAnswersInTheErrorFormat(PaiWorkspaceApi api) {
        assertClientError(api.send("GetNothing", "GET", "/api/v1/noSuchResource", null, null));
    }

    static Stream<Arguments> unknownMethods() {
        String unknownWorkspace = "/api/v1/workspaces/{unknown WorkspaceId}";
        return Stream.of(
                        new String[] {"PATCH", "/api/v1/workspaces"},
                        new String[] {"PATCH", unknownWorkspace},
                        new String[] {"POST", unknownWorkspace},
                        new String[] {"PATCH", "/api/v1/defaultWorkspaces"},
                        new String[] {"GET", "/resourcegroups/action/changeresourcegroup"})
                .map(request -> Arguments.of(Named.of(request[0] + " " + request[1], request[0]), request[1]));
    }

    @ParameterizedTest(name = "An unknown method on a known path, {0}, answers a 4xx in the error format")
    @DisplayName("Unknown methods on known paths")
    @MethodSource("unknownMethods")
    void unknownMethodOnAKnownPathAnswersInTheErrorFormat(String method, String path, PaiWorkspaceApi api) {
        assertClientError(
                api.send("NoSuchOperation", method, path.replace("{unknown WorkspaceId}", unknownId()), null, null));
    }

    private static Arguments invalid(String rule, String body) {
        return Arguments.of(Named.of(rule, rule), body);
    }

    static Stream<Arguments> invalidCreates() {
        String ok = "\"Description\":\"d\",\"EnvTypes\":[\"prod\"]";
        String named = "{\"WorkspaceName\":\"" + NAME + "\",";
        return Stream.of(
                invalid("WorkspaceName of 2 characters", "{\"WorkspaceName\":\"ab\"," + ok + "}"),
                invalid("WorkspaceName of 24 characters", "{\"WorkspaceName\":\"a" + "b".repeat(23) + "\"," + ok + "}"),
                invalid("WorkspaceName starting with a digit", "{\"WorkspaceName\":\"1abc\"," + ok + "}"),
                invalid("WorkspaceName starting with an underscore", "{\"WorkspaceName\":\"_abc\"," + ok + "}"),
                invalid("WorkspaceName with a hyphen", "{\"WorkspaceName\":\"ab-cd\"," + ok + "}"),
                invalid("WorkspaceName with a space", "{\"WorkspaceName\":\"ab cd\"," + ok + "}"),
                invalid("WorkspaceName with a non-ASCII letter", "{\"WorkspaceName\":\"abé\"," + ok + "}"),
                invalid(
                        "Description of 81 characters (multi-byte)",
                        named + "\"Description\":\"" + "描".repeat(81) + "\",\"EnvTypes\":[\"prod\"]}"),
                invalid("EnvTypes with an unknown value", named + "\"Description\":\"d\",\"EnvTypes\":[\"test\"]}"),
                invalid("EnvTypes empty", named + "\"Description\":\"d\",\"EnvTypes\":[]}"),
                invalid("EnvTypes as a string", named + "\"Description\":\"d\",\"EnvTypes\":\"prod\"}"),
                invalid("WorkspaceName missing", "{" + ok + "}"),
                invalid("Description missing", named + "\"EnvTypes\":[\"prod\"]}"),
                invalid("EnvTypes missing", named + "\"Description\":\"d\"}"),
                invalid("WorkspaceName as a number", "{\"WorkspaceName\":12345," + ok + "}"),
                invalid("Description as an array", named + "\"Description\":[\"d\"],\"EnvTypes\":[\"prod\"]}"),
                invalid("EnvTypes item as a number", named + "\"Description\":\"d\",\"EnvTypes\":[1]}"),
                invalid("malformed JSON", "{\"WorkspaceName\":"));
    }

    @ParameterizedTest(name = "CreateWorkspace refuses {0} with 400 in the error format")
    @DisplayName("Invalid CreateWorkspace requests")
    @MethodSource("invalidCreates")
    void createWorkspaceRefusesInvalidRequests(String rule, String body, ContractRun run) {
        String name = body.contains(NAME) ? run.names().next() : "";
        ApiResponse response = run.api().createWorkspace(body.replace(NAME, name));
        run.recordIfCreated(
                response, CreatedResource.Kind.WORKSPACE, name, "read-only > CreateWorkspace refuses " + rule);

        assertRefused(response, 400);
    }
}
