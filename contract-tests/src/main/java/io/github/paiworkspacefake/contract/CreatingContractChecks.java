package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Checks that create workspaces; they run only when creating is allowed, since on a real account they cost quota. */
@ExtendWith(ContractParameters.class)
@Tag(CreatingContractChecks.TAG)
@DisplayName("creating")
public class CreatingContractChecks {

    /** The tag that selects these checks. */
    public static final String TAG = "creates";

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);

    private static String uniqueName(int length) {
        StringBuilder name = new StringBuilder("p");
        while (name.length() < length) {
            name.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    private static String create(PaiWorkspaceApi api, String json) {
        ApiResponse response = api.createWorkspace(json);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        ResponseSchemas.CREATE_WORKSPACE.assertValid(response);
        String id = response.json().get("WorkspaceId").asText();
        ContractParameters.CREATED.add(id);
        return id;
    }

    private static String body(String name, String description, String envTypes) {
        return "{\"WorkspaceName\":\"" + name + "\",\"Description\":\"" + description + "\",\"EnvTypes\":" + envTypes + "}";
    }

    @Test
    @DisplayName("CreateWorkspace then GetWorkspace returns what was stored")
    void createThenGetReturnsWhatWasStored(PaiWorkspaceApi api) {
        String name = "pfct_" + uniqueName(12);
        String description = "契约测试 contract ✓";
        Instant before = Instant.now();
        String id = create(api, body(name, description, "[\"dev\",\"prod\"]"));

        ApiResponse got = api.getWorkspace(id, null);

        assertThat(got.status()).as("%s", got).isEqualTo(200);
        ResponseSchemas.GET_WORKSPACE.assertValid(got);
        JsonNode body = got.json();
        assertThat(body.get("WorkspaceId").asText()).as("WorkspaceId").isEqualTo(id);
        assertThat(body.get("WorkspaceName").asText()).as("WorkspaceName").isEqualTo(name);
        assertThat(body.get("Description").asText()).as("Description").isEqualTo(description);
        assertThat(body.get("DisplayName").asText()).as("DisplayName defaults to WorkspaceName").isEqualTo(name);
        List<String> envTypes = new ArrayList<>();
        body.get("EnvTypes").forEach(value -> envTypes.add(value.asText()));
        assertThat(envTypes).as("EnvTypes").containsExactlyInAnyOrder("dev", "prod");
        Instant created = Instant.parse(body.get("GmtCreateTime").asText());
        assertThat(created).as("GmtCreateTime is UTC now").isBetween(before.minus(CLOCK_TOLERANCE), Instant.now().plus(CLOCK_TOLERANCE));
        assertThat(Instant.parse(body.get("GmtModifiedTime").asText())).as("GmtModifiedTime").isAfterOrEqualTo(created);
    }

    @Test
    @DisplayName("CreateWorkspace keeps a given DisplayName")
    void keepsAGivenDisplayName(PaiWorkspaceApi api) {
        String id = create(api, "{\"WorkspaceName\":\"pfct_" + uniqueName(10) + "\",\"Description\":\"d\","
                + "\"DisplayName\":\"演示 display\",\"EnvTypes\":[\"prod\"]}");

        assertThat(api.getWorkspace(id, false).json().get("DisplayName").asText()).isEqualTo("演示 display");
    }

    @Test
    @DisplayName("GetWorkspace: Verbose=true adds Owner and AdminNames, Verbose=false leaves them out")
    void verboseAddsOwnerAndAdminNames(PaiWorkspaceApi api) {
        String id = create(api, body("pfct_" + uniqueName(10), "d", "[\"prod\"]"));

        ResponseSchemas.GET_WORKSPACE_VERBOSE.assertValid(api.getWorkspace(id, true));
        ResponseSchemas.GET_WORKSPACE.assertValid(api.getWorkspace(id, false));
    }

    @Test
    @DisplayName("CreateWorkspace accepts names of 3 and 23 characters")
    void acceptsNamesAtTheLengthBoundaries(PaiWorkspaceApi api) {
        create(api, body(uniqueName(3), "d", "[\"prod\"]"));
        create(api, body(uniqueName(23), "d", "[\"prod\"]"));
    }

    @Test
    @DisplayName("CreateWorkspace accepts a Description of 80 multi-byte characters")
    void acceptsEightyCharacterDescription(PaiWorkspaceApi api) {
        String description = "描".repeat(80);
        String id = create(api, body("pfct_" + uniqueName(10), description, "[\"prod\"]"));

        assertThat(api.getWorkspace(id, false).json().get("Description").asText()).isEqualTo(description);
    }

    @Test
    @DisplayName("CreateWorkspace refuses a name already taken, in the error format")
    void refusesATakenName(PaiWorkspaceApi api) {
        String name = "pfct_" + uniqueName(10);
        create(api, body(name, "first", "[\"prod\"]"));

        ApiResponse second = api.createWorkspace(body(name, "second", "[\"prod\"]"));

        assertThat(second.status()).as("%s: 400 or 409", second).isIn(400, 409);
        ResponseSchemas.ERROR.assertValid(second);
    }
}
