package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that create nothing on a conforming implementation: reads, not-found errors, and CreateWorkspace requests
 * that the reference's rules require to be refused.
 */
@ExtendWith(ContractParameters.class)
@DisplayName("read-only")
public class ReadOnlyContractChecks {

    private static String unknownId() {
        return "9" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
    }

    private static void assertRefused(ApiResponse response, int status) {
        assertThat(response.status()).as("%s: HTTP status", response).isEqualTo(status);
        ResponseSchemas.ERROR.assertValid(response);
    }

    @Test
    @DisplayName("GetWorkspace: an unknown WorkspaceId is 404 100400027 in the error format")
    void unknownWorkspaceIsNotFound(PaiWorkspaceApi api) {
        ApiResponse response = api.getWorkspace(unknownId(), null);

        assertRefused(response, 404);
        assertThat(response.json().get("Code").asText()).as("Code").isEqualTo("100400027");
    }

    @Test
    @DisplayName("GetWorkspace: an unknown WorkspaceId with Verbose=true is not found too")
    void unknownWorkspaceWithVerboseIsNotFound(PaiWorkspaceApi api) {
        assertRefused(api.getWorkspace(unknownId(), true), 404);
    }

    @Test
    @DisplayName("GetDefaultWorkspace: the documented shape without Verbose, or a documented error")
    void defaultWorkspaceHasTheDocumentedShape(PaiWorkspaceApi api) {
        ApiResponse response = api.getDefaultWorkspace(null);

        if (response.status() == 200) {
            ResponseSchemas.GET_DEFAULT_WORKSPACE.assertValid(response);
        } else {
            assertThat(response.status()).as("%s: a 4xx when there is no default workspace", response).isBetween(400, 499);
            ResponseSchemas.ERROR.assertValid(response);
        }
    }

    @Test
    @DisplayName("GetDefaultWorkspace: Verbose=true adds Conditions, Verbose=false leaves them out")
    void defaultWorkspaceVerboseAddsConditions(PaiWorkspaceApi api) {
        ApiResponse verbose = api.getDefaultWorkspace(true);
        ApiResponse quiet = api.getDefaultWorkspace(false);

        assertThat(verbose.status()).as("same status with and without Verbose").isEqualTo(quiet.status());
        if (verbose.status() == 200) {
            ResponseSchemas.GET_DEFAULT_WORKSPACE_VERBOSE.assertValid(verbose);
            ResponseSchemas.GET_DEFAULT_WORKSPACE.assertValid(quiet);
        } else {
            ResponseSchemas.ERROR.assertValid(verbose);
        }
    }

    @Test
    @DisplayName("Every answer carries a RequestId, errors included")
    void everyAnswerCarriesARequestId(PaiWorkspaceApi api) {
        for (ApiResponse response : new ApiResponse[] {api.getWorkspace(unknownId(), false), api.getDefaultWorkspace(false),
            api.createWorkspace("{\"WorkspaceName\":\"1\"}")}) {
            JsonNode requestId = response.json().get("RequestId");
            assertThat(requestId).as("%s: RequestId", response).isNotNull();
            assertThat(requestId.isTextual() && !requestId.asText().isBlank()).as("%s: RequestId is a non-empty string", response).isTrue();
        }
    }

    @Test
    @DisplayName("An unknown API answers a 4xx in the error format")
    void unknownApiAnswersInTheErrorFormat(PaiWorkspaceApi api) {
        ApiResponse response = api.send("GetNothing", "GET", "/api/v1/noSuchResource", null, null);

        assertThat(response.status()).as("%s", response).isBetween(400, 499);
        ResponseSchemas.ERROR.assertValid(response);
    }

    static Stream<Arguments> invalidCreates() {
        String ok = "\"Description\":\"d\",\"EnvTypes\":[\"prod\"]";
        return Stream.of(
                Arguments.of("WorkspaceName of 2 characters", "{\"WorkspaceName\":\"ab\"," + ok + "}"),
                Arguments.of("WorkspaceName of 24 characters", "{\"WorkspaceName\":\"a" + "b".repeat(23) + "\"," + ok + "}"),
                Arguments.of("WorkspaceName starting with a digit", "{\"WorkspaceName\":\"1abc\"," + ok + "}"),
                Arguments.of("WorkspaceName starting with an underscore", "{\"WorkspaceName\":\"_abc\"," + ok + "}"),
                Arguments.of("WorkspaceName with a hyphen", "{\"WorkspaceName\":\"ab-cd\"," + ok + "}"),
                Arguments.of("WorkspaceName with a space", "{\"WorkspaceName\":\"ab cd\"," + ok + "}"),
                Arguments.of("WorkspaceName with a non-ASCII letter", "{\"WorkspaceName\":\"abé\"," + ok + "}"),
                Arguments.of("Description of 81 characters (multi-byte)",
                        "{\"WorkspaceName\":\"pfct_desc81\",\"Description\":\"" + "描".repeat(81) + "\",\"EnvTypes\":[\"prod\"]}"),
                Arguments.of("EnvTypes with an unknown value", "{\"WorkspaceName\":\"pfct_env\",\"Description\":\"d\",\"EnvTypes\":[\"test\"]}"),
                Arguments.of("EnvTypes empty", "{\"WorkspaceName\":\"pfct_env\",\"Description\":\"d\",\"EnvTypes\":[]}"),
                Arguments.of("EnvTypes as a string", "{\"WorkspaceName\":\"pfct_env\",\"Description\":\"d\",\"EnvTypes\":\"prod\"}"),
                Arguments.of("WorkspaceName missing", "{" + ok + "}"),
                Arguments.of("Description missing", "{\"WorkspaceName\":\"pfct_nodesc\",\"EnvTypes\":[\"prod\"]}"),
                Arguments.of("EnvTypes missing", "{\"WorkspaceName\":\"pfct_noenv\",\"Description\":\"d\"}"),
                Arguments.of("WorkspaceName as a number", "{\"WorkspaceName\":12345," + ok + "}"),
                Arguments.of("Description as an array", "{\"WorkspaceName\":\"pfct_type\",\"Description\":[\"d\"],\"EnvTypes\":[\"prod\"]}"),
                Arguments.of("EnvTypes item as a number", "{\"WorkspaceName\":\"pfct_type\",\"Description\":\"d\",\"EnvTypes\":[1]}"),
                Arguments.of("malformed JSON", "{\"WorkspaceName\":"));
    }

    @ParameterizedTest(name = "CreateWorkspace refuses {0} with 400 in the error format")
    @MethodSource("invalidCreates")
    void createWorkspaceRefusesInvalidRequests(String rule, String body, PaiWorkspaceApi api) {
        ApiResponse response = api.createWorkspace(body);
        if (response.status() == 200) {
            ContractParameters.CREATED.add(response.json().path("WorkspaceId").asText());
        }

        assertRefused(response, 400);
    }
}
