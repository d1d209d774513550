package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What the creating checks do again and again: create a workspace (recorded for cleanup) and read it back. */
final class RunWorkspaces {

    private RunWorkspaces() {}

    /** CreateWorkspace with this body, which must succeed; the new workspace is recorded as created by {@code check}. */
    static String create(ContractRun run, String check, String name, String json) {
        ApiResponse response = run.api().createWorkspace(json);
        run.recordIfCreated(response, CreatedResource.Kind.WORKSPACE, name, check);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        ResponseSchemas.CREATE_WORKSPACE.assertValid(response);
        return response.json().get("WorkspaceId").asText();
    }

    /** CreateWorkspace of a fresh name of this run, with a description and {@code ["prod"]}. */
    static String create(ContractRun run, String check, String description) {
        String name = run.names().next();
        return create(run, check, name, body(name, description, "[\"prod\"]"));
    }

    /** A CreateWorkspace body; {@code envTypes} is the JSON array. */
    static String body(String name, String description, String envTypes) {
        return "{\"WorkspaceName\":\"" + name + "\",\"Description\":\"" + description + "\",\"EnvTypes\":" + envTypes
                + "}";
    }

    /** GetWorkspace, which must answer 200 valid against the schema for this {@code Verbose}. */
    static JsonNode read(PaiWorkspaceApi api, String workspaceId, Boolean verbose) {
        ApiResponse got = api.getWorkspace(workspaceId, verbose);
        assertThat(got.status()).as("%s", got).isEqualTo(200);
        (Boolean.TRUE.equals(verbose) ? ResponseSchemas.GET_WORKSPACE_VERBOSE : ResponseSchemas.GET_WORKSPACE)
                .assertValid(got);
        return got.json();
    }

    /** The texts of a JSON array. */
    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /**
     * Waits a little, so that the next change gets a later millisecond timestamp than the last one, which lets the
     * checks tell the order of changes from the timestamps.
     */
    static void pause() {
        try {
            Thread.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
