package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Checks that create workspaces; they run only when creating is allowed, since on a real account they cost quota, and
 * are reported skipped otherwise. Every workspace they create is recorded for the end-of-run list and cleanup.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@Tag(CreatingContractChecks.TAG)
@DisplayName("creating")
@Order(2)
public class CreatingContractChecks {

    /** The tag that marks these checks. */
    public static final String TAG = "creates";

    /**
     * The statuses a workspace may have right after CreateWorkspace: usable at once, or still being set up. FAILURE,
     * DISABLED, FROZEN and UPDATING describe a failed creation, an action someone took or an account problem.
     */
    static final Set<String> FRESH_STATUSES = Set.of("ENABLED", "INITIALIZING");

    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);

    private final ContractRun run;
    private final PaiWorkspaceApi api;
    private final String check;

    CreatingContractChecks(ContractRun run, TestInfo info) {
        this.run = run;
        this.api = run.api();
        this.check = "creating > " + info.getDisplayName();
    }

    private String create(String name, String json) {
        return RunWorkspaces.create(run, check, name, json);
    }

    private String create(String name, String description, String envTypes) {
        return create(name, RunWorkspaces.body(name, description, envTypes));
    }

    private static String body(String name, String description, String envTypes) {
        return RunWorkspaces.body(name, description, envTypes);
    }

    private JsonNode read(String id) {
        return RunWorkspaces.read(api, id, null);
    }

    private static List<String> strings(JsonNode array) {
        return RunWorkspaces.strings(array);
    }

    @Test
    @DisplayName("CreateWorkspace then GetWorkspace returns what was stored")
    void createThenGetReturnsWhatWasStored() {
        String name = run.names().next();
        String description = "契约测试 contract ✓";
        Instant before = Instant.now();
        String id = create(name, description, "[\"dev\",\"prod\"]");

        JsonNode body = read(id);

        assertThat(body.get("WorkspaceId").asText()).as("WorkspaceId").isEqualTo(id);
        assertThat(body.get("WorkspaceName").asText()).as("WorkspaceName").isEqualTo(name);
        assertThat(body.get("Description").asText()).as("Description").isEqualTo(description);
        assertThat(body.get("DisplayName").asText())
                .as("DisplayName defaults to WorkspaceName when absent")
                .isEqualTo(name);
        assertThat(strings(body.get("EnvTypes")))
                .as("EnvTypes as sent (standard mode)")
                .containsExactlyInAnyOrder("dev", "prod");
        assertThat(body.get("IsDefault").asBoolean())
                .as("IsDefault of a workspace made by CreateWorkspace")
                .isFalse();
        assertThat(body.get("Status").asText())
                .as("Status of a fresh workspace")
                .isIn(FRESH_STATUSES);
        assertThat(body.get("Creator").asText()).as("Creator").isNotBlank();
        Instant created = Instant.parse(body.get("GmtCreateTime").asText());
        assertThat(created)
                .as("GmtCreateTime is UTC now")
                .isBetween(before.minus(CLOCK_TOLERANCE), Instant.now().plus(CLOCK_TOLERANCE));
        assertThat(Instant.parse(body.get("GmtModifiedTime").asText()))
                .as("GmtModifiedTime")
                .isAfterOrEqualTo(created);
    }

    @Test
    @DisplayName("CreateWorkspace in basic mode: EnvTypes [\"prod\"] reads back as [\"prod\"]")
    void basicModeReadsBackAsSent() {
        String id = create(run.names().next(), "basic mode", "[\"prod\"]");

        JsonNode body = read(id);

        assertThat(strings(body.get("EnvTypes")))
                .as("EnvTypes as sent (basic mode)")
                .containsExactly("prod");
        assertThat(body.get("IsDefault").asBoolean()).as("IsDefault").isFalse();
        assertThat(body.get("Status").asText())
                .as("Status of a fresh workspace")
                .isIn(FRESH_STATUSES);
    }

    @Test
    @DisplayName("CreateWorkspace keeps a given DisplayName")
    void keepsAGivenDisplayName() {
        String name = run.names().next();
        String id = create(
                name,
                "{\"WorkspaceName\":\"" + name
                        + "\",\"Description\":\"d\",\"DisplayName\":\"演示 display\",\"EnvTypes\":[\"prod\"]}");

        assertThat(read(id).get("DisplayName").asText()).isEqualTo("演示 display");
    }

    @Test
    @DisplayName("CreateWorkspace: an empty DisplayName defaults to the WorkspaceName")
    void emptyDisplayNameDefaultsToTheName() {
        String name = run.names().next();
        String id = create(
                name,
                "{\"WorkspaceName\":\"" + name
                        + "\",\"Description\":\"d\",\"DisplayName\":\"\",\"EnvTypes\":[\"prod\"]}");

        assertThat(read(id).get("DisplayName").asText()).as("DisplayName").isEqualTo(name);
    }

    @Test
    @DisplayName("GetWorkspace: Verbose=true adds Owner and AdminNames, Verbose=false leaves them out")
    void verboseAddsOwnerAndAdminNames() {
        String id = create(run.names().next(), "d", "[\"prod\"]");

        ResponseSchemas.GET_WORKSPACE_VERBOSE.assertValid(api.getWorkspace(id, true));
        ResponseSchemas.GET_WORKSPACE.assertValid(api.getWorkspace(id, false));
    }

    @Test
    @DisplayName("GetWorkspace refuses a bad Verbose value with 400 in the error format")
    void refusesABadVerboseValue() {
        String id = create(run.names().next(), "d", "[\"prod\"]");

        assertRefused(
                api.send(
                        "GetWorkspace",
                        "GET",
                        "/api/v1/workspaces/" + AcsV3Signer.percentEncode(id),
                        "Verbose=maybe",
                        null),
                400);
    }

    @Test
    @DisplayName("CreateWorkspace accepts names of 3 and 23 characters")
    void acceptsNamesAtTheLengthBoundaries() {
        String shortest = run.names().next(3);
        String longest = run.names().next(23);

        assertThat(read(create(shortest, "d", "[\"prod\"]"))
                        .get("WorkspaceName")
                        .asText())
                .isEqualTo(shortest);
        assertThat(read(create(longest, "d", "[\"prod\"]")).get("WorkspaceName").asText())
                .isEqualTo(longest);
    }

    @Test
    @DisplayName("CreateWorkspace accepts a Description of 80 multi-byte characters")
    void acceptsEightyCharacterDescription() {
        String description = "描".repeat(80);
        String id = create(run.names().next(), description, "[\"prod\"]");

        assertThat(read(id).get("Description").asText()).isEqualTo(description);
    }

    @Test
    @DisplayName("CreateWorkspace refuses a name already taken, in the error format")
    void refusesATakenName() {
        String name = run.names().next();
        create(name, "first", "[\"prod\"]");

        ApiResponse second = api.createWorkspace(body(name, "second", "[\"prod\"]"));
        run.recordIfCreated(second, CreatedResource.Kind.WORKSPACE, name, check);

        assertThat(second.status()).as("%s: 400 or 409", second).isIn(400, 409);
        ResponseSchemas.ERROR.assertValid(second);
    }
}
