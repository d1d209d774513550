package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertClientError;
import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;

import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that create nothing on a conforming implementation: reads, not-found errors, malformed requests, and
 * CreateWorkspace requests that the reference's rules require to be refused.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@DisplayName("read-only")
@Order(1)
public class ReadOnlyContractChecks {

    /** Where an invalid-create body takes a fresh name of this run, so that a wrongly accepted one never collides. */
    private static final String NAME = "{name}";

    static String unknownId() {
        return "9" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    @Test
    @DisplayName("GetWorkspace: an unknown WorkspaceId is 404 100400027 in the error format")
    void unknownWorkspaceIsNotFound(PaiWorkspaceApi api) {
        assertRefused(api.getWorkspace(unknownId(), null), 404, "100400027");
    }

    @Test
    @DisplayName("GetWorkspace: an unknown WorkspaceId with Verbose=true is not found too")
    void unknownWorkspaceWithVerboseIsNotFound(PaiWorkspaceApi api) {
        assertRefused(api.getWorkspace(unknownId(), true), 404);
    }

    @ParameterizedTest(name = "GetWorkspace and GetDefaultWorkspace refuse Verbose={0} with a 4xx in the error format")
    @ValueSource(strings = {"maybe", "tru"})
    void badVerboseIsRefused(String verbose, PaiWorkspaceApi api) {
        assertClientError(api.send("GetWorkspace", "GET", "/api/v1/workspaces/" + unknownId(), "Verbose=" + verbose, null));
        assertClientError(api.send("GetDefaultWorkspace", "GET", "/api/v1/defaultWorkspaces", "Verbose=" + verbose, null));
    }

    @Test
    @DisplayName("An unknown API answers a 4xx in the error format")
    void unknownApiAnswersInTheErrorFormat(PaiWorkspaceApi api) {
        assertClientError(api.send("GetNothing", "GET", "/api/v1/noSuchResource", null, null));
    }

    static Stream<Arguments> unknownMethods() {
        String unknownWorkspace = "/api/v1/workspaces/" + unknownId();
        return Stream.of(
                Arguments.of("PATCH", "/api/v1/workspaces"),
                Arguments.of("PATCH", unknownWorkspace),
                Arguments.of("POST", unknownWorkspace),
                Arguments.of("PATCH", "/api/v1/defaultWorkspaces"));
    }

    @ParameterizedTest(name = "An unknown method on a known path, {0} {1}, answers a 4xx in the error format")
    @MethodSource("unknownMethods")
    void unknownMethodOnAKnownPathAnswersInTheErrorFormat(String method, String path, PaiWorkspaceApi api) {
        assertClientError(api.send("NoSuchOperation", method, path, null, null));
    }

    static Stream<Arguments> invalidCreates() {
        String ok = "\"Description\":\"d\",\"EnvTypes\":[\"prod\"]";
        String named = "{\"WorkspaceName\":\"" + NAME + "\",";
        return Stream.of(
                Arguments.of("WorkspaceName of 2 characters", "{\"WorkspaceName\":\"ab\"," + ok + "}"),
                Arguments.of("WorkspaceName of 24 characters", "{\"WorkspaceName\":\"a" + "b".repeat(23) + "\"," + ok + "}"),
                Arguments.of("WorkspaceName starting with a digit", "{\"WorkspaceName\":\"1abc\"," + ok + "}"),
                Arguments.of("WorkspaceName starting with an underscore", "{\"WorkspaceName\":\"_abc\"," + ok + "}"),
                Arguments.of("WorkspaceName with a hyphen", "{\"WorkspaceName\":\"ab-cd\"," + ok + "}"),
                Arguments.of("WorkspaceName with a space", "{\"WorkspaceName\":\"ab cd\"," + ok + "}"),
                Arguments.of("WorkspaceName with a non-ASCII letter", "{\"WorkspaceName\":\"abé\"," + ok + "}"),
                Arguments.of("Description of 81 characters (multi-byte)",
                        named + "\"Description\":\"" + "描".repeat(81) + "\",\"EnvTypes\":[\"prod\"]}"),
                Arguments.of("EnvTypes with an unknown value", named + "\"Description\":\"d\",\"EnvTypes\":[\"test\"]}"),
                Arguments.of("EnvTypes empty", named + "\"Description\":\"d\",\"EnvTypes\":[]}"),
                Arguments.of("EnvTypes as a string", named + "\"Description\":\"d\",\"EnvTypes\":\"prod\"}"),
                Arguments.of("WorkspaceName missing", "{" + ok + "}"),
                Arguments.of("Description missing", named + "\"EnvTypes\":[\"prod\"]}"),
                Arguments.of("EnvTypes missing", named + "\"Description\":\"d\"}"),
                Arguments.of("WorkspaceName as a number", "{\"WorkspaceName\":12345," + ok + "}"),
                Arguments.of("Description as an array", named + "\"Description\":[\"d\"],\"EnvTypes\":[\"prod\"]}"),
                Arguments.of("EnvTypes item as a number", named + "\"Description\":\"d\",\"EnvTypes\":[1]}"),
                Arguments.of("malformed JSON", "{\"WorkspaceName\":"));
    }

    @ParameterizedTest(name = "CreateWorkspace refuses {0} with 400 in the error format")
    @MethodSource("invalidCreates")
    void createWorkspaceRefusesInvalidRequests(String rule, String body, ContractRun run) {
        String name = body.contains(NAME) ? run.names().next() : "";
        ApiResponse response = run.api().createWorkspace(body.replace(NAME, name));
        run.recordIfCreated(response, CreatedResource.Kind.WORKSPACE, name, "read-only > CreateWorkspace refuses " + rule);

        assertRefused(response, 400);
    }
}
