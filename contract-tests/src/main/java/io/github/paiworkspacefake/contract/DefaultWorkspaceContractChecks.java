package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks of the account's default workspace. With one (found, or created with {@code --allow-create-default}) they read
 * it every documented way; without one they check the documented no-default error. The checks that do not apply to
 * the account are reported skipped, with the reason. None of them creates anything on a conforming implementation,
 * except the one-time setup that {@code --allow-create-default} allows.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@DisplayName("default workspace")
@Order(4)
public class DefaultWorkspaceContractChecks {

    /** The creation stages Conditions report, in the order they happen. */
    static final List<String> STAGES = List.of("CREATING", "WORKSPACE_CREATED", "MEMBERS_ADDED", "ENABLED");

    /** GetDefaultWorkspace's code when the account has none: the service's not-found code, as this project documents. */
    static final String NO_DEFAULT_WORKSPACE = "100400027";
    /** CreateDefaultWorkspace's code when the account has one (the code Alibaba's Terraform provider expects). */
    static final String DEFAULT_WORKSPACE_EXISTS = "100400009";

    @Test
    @WhenDefaultWorkspace(WhenDefaultWorkspace.Situation.CREATED_BY_RUN)
    @DisplayName("CreateDefaultWorkspace answers RequestId and WorkspaceId strings")
    void createDefaultWorkspaceAnswersItsId(ContractRun run) {
        ApiResponse creation = run.defaultWorkspace().creation();

        assertThat(creation.status()).as("%s", creation).isEqualTo(200);
        ResponseSchemas.CREATE_DEFAULT_WORKSPACE.assertValid(creation);
    }

    @Test
    @WhenDefaultWorkspace(WhenDefaultWorkspace.Situation.PRESENT)
    @DisplayName("GetDefaultWorkspace without Verbose: the documented shape, Owner present, no Conditions")
    void getDefaultWorkspaceWithoutVerbose(ContractRun run) {
        String id = run.defaultWorkspace().requireWorkspaceId();

        for (Boolean verbose : new Boolean[] {null, false}) {
            ApiResponse answer = run.api().getDefaultWorkspace(verbose);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            ResponseSchemas.GET_DEFAULT_WORKSPACE.assertValid(answer);
            assertThat(answer.json().get("WorkspaceId").asText())
                    .as("%s: WorkspaceId", answer)
                    .isEqualTo(id);
        }
    }

    @Test
    @WhenDefaultWorkspace(WhenDefaultWorkspace.Situation.PRESENT)
    @DisplayName(
            "GetDefaultWorkspace with Verbose=true: the documented shape, Owner, Conditions in stage order with integer codes")
    void getDefaultWorkspaceWithVerbose(ContractRun run) {
        String id = run.defaultWorkspace().requireWorkspaceId();

        ApiResponse answer = run.api().getDefaultWorkspace(true);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        ResponseSchemas.GET_DEFAULT_WORKSPACE_VERBOSE.assertValid(answer);
        assertThat(answer.json().get("WorkspaceId").asText())
                .as("%s: WorkspaceId", answer)
                .isEqualTo(id);
        int previous = -1;
        for (JsonNode condition : answer.json().get("Conditions")) {
            int stage = STAGES.indexOf(condition.get("Type").asText().strip());
            assertThat(stage)
                    .as(
                            "%s: Conditions in stage order %s, no stage twice; %s comes after %s",
                            answer, STAGES, condition.get("Type"), previous < 0 ? "nothing" : STAGES.get(previous))
                    .isGreaterThan(previous);
            previous = stage;
        }
    }

    @Test
    @WhenDefaultWorkspace(WhenDefaultWorkspace.Situation.PRESENT)
    @DisplayName("GetWorkspace of the default workspace says IsDefault: true")
    void getWorkspaceSaysIsDefault(ContractRun run) {
        String id = run.defaultWorkspace().requireWorkspaceId();

        ApiResponse answer = run.api().getWorkspace(id, null);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        ResponseSchemas.GET_WORKSPACE.assertValid(answer);
        assertThat(answer.json().get("IsDefault").asBoolean())
                .as("%s: IsDefault", answer)
                .isTrue();
    }

    @Test
    @WhenDefaultWorkspace(WhenDefaultWorkspace.Situation.PRESENT)
    @DisplayName("GetDefaultWorkspace refuses a bad Verbose value with 400 in the error format")
    void getDefaultWorkspaceRefusesABadVerbose(ContractRun run) {
        run.defaultWorkspace().requireWorkspaceId();

        assertRefused(
                run.api().send("GetDefaultWorkspace", "GET", "/api/v1/defaultWorkspaces", "Verbose=maybe", null), 400);
    }

    @Test
    @WhenDefaultWorkspace(WhenDefaultWorkspace.Situation.PRESENT)
    @DisplayName(
            "A second CreateDefaultWorkspace is refused with 409 " + DEFAULT_WORKSPACE_EXISTS + " in the error format")
    void aSecondCreateDefaultWorkspaceIsRefused(ContractRun run) {
        run.defaultWorkspace().requireWorkspaceId();

        ApiResponse second = run.api()
                .createDefaultWorkspace(
                        "{\"Description\":\"" + DefaultWorkspaceSetup.DESCRIPTION + "\",\"EnvTypes\":[\"prod\"]}");
        run.recordIfCreated(
                second,
                CreatedResource.Kind.DEFAULT_WORKSPACE,
                "",
                "default workspace > A second CreateDefaultWorkspace is refused");

        assertRefused(second, 409, DEFAULT_WORKSPACE_EXISTS);
    }

    @Test
    @WhenDefaultWorkspace(WhenDefaultWorkspace.Situation.ABSENT)
    @DisplayName(
            "GetDefaultWorkspace without a default workspace is 404 " + NO_DEFAULT_WORKSPACE + " in the error format")
    void noDefaultWorkspaceIsTheDocumentedError(PaiWorkspaceApi api) {
        assertRefused(api.getDefaultWorkspace(null), 404, NO_DEFAULT_WORKSPACE);
        assertRefused(api.getDefaultWorkspace(true), 404, NO_DEFAULT_WORKSPACE);
    }
}
