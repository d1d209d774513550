package io.github.paiworkspacefake.contract;

import static io.github.paiworkspacefake.contract.ErrorAnswers.assertClientError;
import static io.github.paiworkspacefake.contract.ErrorAnswers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What happens to a workspace after it is created: UpdateWorkspace, DeleteWorkspace, ChangeResourceGroup and
 * UpdateDefaultWorkspace, each followed by reads. Every check creates the workspace it changes (so they run only with
 * {@code --allow-create}); moving a workspace to another resource group needs {@code --resource-group}, and switching
 * the account's default workspace needs {@code --allow-create-default} and switches it back afterwards.
 */
@ExtendWith({ContractParameters.class, ContractPreconditions.class})
@Tag(CreatingContractChecks.TAG)
@DisplayName("lifecycle")
@Order(5)
public class LifecycleContractChecks {

    /** Marks the check that switches the account's default workspace (and back). */
    public static final String CHANGES_DEFAULT_TAG = "changes-default";
    /** Marks the check that moves a workspace to the resource group given with {@code --resource-group}. */
    public static final String MOVES_RESOURCE_GROUP_TAG = "moves-resource-group";

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final ContractRun run;
    private final PaiWorkspaceApi api;
    private final String check;

    LifecycleContractChecks(ContractRun run, TestInfo info) {
        this.run = run;
        this.api = run.api();
        this.check = "lifecycle > " + info.getDisplayName();
    }

    private String create(String name, String description) {
        return RunWorkspaces.create(run, check, name, RunWorkspaces.body(name, description, "[\"prod\"]"));
    }

    private JsonNode read(String id) {
        return RunWorkspaces.read(api, id, null);
    }

    private static Instant modified(JsonNode workspace) {
        return Instant.parse(workspace.get("GmtModifiedTime").asText());
    }

    private static void assertSucceeded(ApiResponse answer, ResponseSchemas schema) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        schema.assertValid(answer);
    }

    @Test
    @DisplayName(
            "UpdateWorkspace then GetWorkspace: DisplayName and Description changed, GmtModifiedTime advanced, an unknown "
                    + "body member ignored; updating the Description alone keeps the DisplayName")
    void updateThenRead() {
        String name = run.names().next();
        String id = create(name, "before the update");
        JsonNode before = read(id);
        String displayName = "pfct_renamed_" + run.names().runId();
        String description = "更新后 after ✓";
        RunWorkspaces.pause();

        ApiResponse updated = api.updateWorkspace(
                id,
                "{\"WorkspaceId\":\"" + id + "\",\"DisplayName\":\"" + displayName + "\",\"Description\":\""
                        + description + "\",\"PfctUnknownMember\":{\"ignored\":true}}");

        assertSucceeded(updated, ResponseSchemas.UPDATE_WORKSPACE);
        JsonNode after = read(id);
        assertThat(after.get("DisplayName").asText())
                .as("DisplayName after UpdateWorkspace")
                .isEqualTo(displayName);
        assertThat(after.get("Description").asText())
                .as("Description after UpdateWorkspace")
                .isEqualTo(description);
        assertThat(after.get("WorkspaceName").asText())
                .as("WorkspaceName, which UpdateWorkspace cannot change")
                .isEqualTo(name);
        assertThat(after.get("EnvTypes")).as("EnvTypes").isEqualTo(before.get("EnvTypes"));
        assertThat(after.get("GmtCreateTime")).as("GmtCreateTime").isEqualTo(before.get("GmtCreateTime"));
        assertThat(modified(after)).as("GmtModifiedTime after UpdateWorkspace").isAfter(modified(before));

        RunWorkspaces.pause();
        assertSucceeded(
                api.updateWorkspace(id, "{\"Description\":\"only the description\"}"),
                ResponseSchemas.UPDATE_WORKSPACE);
        JsonNode last = read(id);
        assertThat(last.get("DisplayName").asText())
                .as("DisplayName after an update without it")
                .isEqualTo(displayName);
        assertThat(last.get("Description").asText())
                .as("Description after the second update")
                .isEqualTo("only the description");
        assertThat(modified(last)).as("GmtModifiedTime after the second update").isAfter(modified(after));
    }

    @Test
    @DisplayName(
            "UpdateWorkspace refuses a Description of 81 characters, a DisplayName that is not a string and malformed "
                    + "JSON with 400 in the error format, and changes nothing")
    void updateRefusesInvalidBodies() {
        String id = create(run.names().next(), "unchanged");
        JsonNode before = read(id);

        for (String body :
                List.of("{\"Description\":\"" + "描".repeat(81) + "\"}", "{\"DisplayName\":7}", "{\"Description\":")) {
            assertRefused(api.updateWorkspace(id, body), 400);
        }

        JsonNode after = read(id);
        for (String member : List.of("DisplayName", "Description", "GmtModifiedTime")) {
            assertThat(after.get(member)).as("%s after refused updates", member).isEqualTo(before.get(member));
        }
    }

    @Test
    @DisplayName("DeleteWorkspace then GetWorkspace is 404 " + ReadOnlyContractChecks.WORKSPACE_NOT_FOUND
            + " (at once or within the deletion timeout), the workspace is no longer listed, its members went with it (ListMembers "
            + "is 404), and its name is free again")
    void deleteThenRead() {
        String name = run.names().next();
        String id = create(name, "to be deleted");

        assertSucceeded(api.deleteWorkspace(id), ResponseSchemas.DELETE_WORKSPACE);

        ApiResponse gone = awaitNotFound(id);
        assertThat(gone.status())
                .as(
                        "GetWorkspace %s after DeleteWorkspace answered, waiting up to %s: %s",
                        id, run.config().deletionTimeout(), gone)
                .isNotEqualTo(200);
        assertRefused(gone, 404, ReadOnlyContractChecks.WORKSPACE_NOT_FOUND);
        run.recordDeletedByCheck(id, check);
        ListAnswer listed = ListAnswer.of(api.listWorkspaces("WorkspaceIds", id));
        assertThat(listed.workspaces())
                .as("%s: a deleted workspace is not listed", listed.response())
                .isEmpty();
        ListAnswer exists = ListAnswer.of(
                api.listWorkspaces("Option", "CheckWorkspaceExists", "WorkspaceName", name),
                ResponseSchemas.LIST_WORKSPACES_CHECK_EXISTS);
        assertThat(exists.totalCount())
                .as("%s: CheckWorkspaceExists of the deleted name", exists.response())
                .isZero();
        assertRefused(api.listMembers(id), 404);
        String again = create(name, "the name is free again");
        assertThat(again)
                .as("the WorkspaceId of a new workspace with the deleted one's name")
                .isNotEqualTo(id);
    }

    /** GetWorkspace until it no longer answers 200, or the deletion timeout is over; the last answer. */
    private ApiResponse awaitNotFound(String id) {
        Instant deadline = Instant.now().plus(run.config().deletionTimeout());
        while (true) {
            ApiResponse answer = api.getWorkspace(id, null);
            Duration left = Duration.between(Instant.now(), deadline);
            if (answer.status() != 200 || left.isNegative() || left.isZero()) {
                return answer;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(POLL_INTERVAL.toMillis(), left.toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    @Tag(MOVES_RESOURCE_GROUP_TAG)
    @DisplayName(
            "ChangeResourceGroup then GetWorkspace and ListWorkspaces show the new group; another ResourceType is refused")
    void changeResourceGroupThenRead() {
        String target = run.config().resourceGroupId();
        String id = create(run.names().next(), "to be moved");
        JsonNode before = read(id);
        assertThat(before.get("ResourceGroupId").asText())
                .as("--resource-group names another group than the new workspace's")
                .isNotEqualTo(target);

        assertClientError(api.changeResourceGroup(changeBody(id, target, "cluster")));
        assertThat(read(id).get("ResourceGroupId"))
                .as("ResourceGroupId after a refused move")
                .isEqualTo(before.get("ResourceGroupId"));

        assertSucceeded(
                api.changeResourceGroup(changeBody(id, target, "workspace")), ResponseSchemas.CHANGE_RESOURCE_GROUP);

        assertThat(read(id).get("ResourceGroupId").asText())
                .as("GetWorkspace's ResourceGroupId after the move")
                .isEqualTo(target);
        ListAnswer listed = ListAnswer.of(api.listWorkspaces("WorkspaceIds", id));
        assertThat(listed.values("resourceGroupId"))
                .as("%s: resourceGroupId after the move", listed.response())
                .containsExactly(target);
        ListAnswer inTarget = ListAnswer.of(api.listWorkspaces("WorkspaceIds", id, "ResourceGroupId", target));
        assertThat(inTarget.workspaceIds())
                .as("%s: filtered by the new group", inTarget.response())
                .containsExactly(id);
    }

    private static String changeBody(String id, String group, String resourceType) {
        return "{\"ResourceId\":\"" + id + "\",\"NewResourceGroupId\":\"" + group + "\",\"ResourceType\":\""
                + resourceType + "\"}";
    }

    @Test
    @Tag(CHANGES_DEFAULT_TAG)
    @WhenDefaultWorkspace(WhenDefaultWorkspace.Situation.PRESENT)
    @DisplayName(
            "UpdateDefaultWorkspace makes a workspace of the run the default (GetDefaultWorkspace and IsDefault follow), "
                    + "refuses an unknown one, and the run switches back")
    void updateDefaultWorkspaceSwitchesTheDefault() {
        String previous = run.defaultWorkspace().requireWorkspaceId();
        String id = create(run.names().next(), "default for a moment");

        AssertionError failure = null;
        try {
            String unknown = ReadOnlyContractChecks.absentWorkspaceId(api);
            assertClientError(api.updateDefaultWorkspace("{\"WorkspaceId\":\"" + unknown + "\"}"));
            assertDefaultIs(previous, "after UpdateDefaultWorkspace with an unknown WorkspaceId");

            assertSucceeded(
                    api.updateDefaultWorkspace("{\"WorkspaceId\":\"" + id + "\"}"),
                    ResponseSchemas.UPDATE_DEFAULT_WORKSPACE);

            assertDefaultIs(id, "after UpdateDefaultWorkspace");
            assertThat(read(id).get("IsDefault").asBoolean())
                    .as("IsDefault of the new default")
                    .isTrue();
            assertThat(read(previous).get("IsDefault").asBoolean())
                    .as("IsDefault of the previous default %s", previous)
                    .isFalse();
            ListAnswer listed = ListAnswer.of(api.listWorkspaces("WorkspaceIds", id + "," + previous));
            assertThat(listed.workspaces())
                    .as("%s: IsDefault in the list", listed.response())
                    .hasSize(2)
                    .allSatisfy(item -> assertThat(item.get("IsDefault").asBoolean())
                            .as("IsDefault of %s", item.get("WorkspaceId"))
                            .isEqualTo(item.get("WorkspaceId").asText().equals(id)));
        } catch (AssertionError e) {
            failure = e;
        }
        String notRestored = switchBack(previous);
        if (notRestored != null) {
            run.keep(id, "it may still be the account's default workspace: " + notRestored);
            AssertionError restore = new AssertionError("Switching the default workspace back to " + previous
                    + " failed; set it " + "back by hand (UpdateDefaultWorkspace {\"WorkspaceId\":\"" + previous
                    + "\"}): " + notRestored);
            if (failure != null) {
                restore.addSuppressed(failure);
            }
            throw restore;
        }
        if (failure != null) {
            throw failure;
        }
        assertThat(read(id).get("IsDefault").asBoolean())
                .as("IsDefault once the default is switched back")
                .isFalse();
    }

    private void assertDefaultIs(String expected, String when) {
        ApiResponse answer = api.getDefaultWorkspace(null);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        ResponseSchemas.GET_DEFAULT_WORKSPACE.assertValid(answer);
        assertThat(answer.json().get("WorkspaceId").asText())
                .as("%s: the default workspace %s", answer, when)
                .isEqualTo(expected);
    }

    /** UpdateDefaultWorkspace back to the previous default; null when GetDefaultWorkspace then shows it, else why not. */
    private String switchBack(String previous) {
        try {
            ApiResponse answer = api.updateDefaultWorkspace("{\"WorkspaceId\":\"" + previous + "\"}");
            ApiResponse now = api.getDefaultWorkspace(null);
            if (now.status() == 200
                    && previous.equals(now.json().path("WorkspaceId").asText())) {
                return null;
            }
            return answer + "; then " + now;
        } catch (RuntimeException | AssertionError e) {
            return String.valueOf(e.getMessage());
        }
    }
}
