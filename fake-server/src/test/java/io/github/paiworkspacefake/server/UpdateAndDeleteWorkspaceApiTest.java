package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * UpdateWorkspace, DeleteWorkspace, UpdateDefaultWorkspace and ChangeResourceGroup through HTTP, with the bodies the
 * official SDK and Terraform send.
 */
class UpdateAndDeleteWorkspaceApiTest {

    private static final String CHANGE_RESOURCE_GROUP = "/resourcegroups/action/changeresourcegroup";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().clock(clock).adminApi(true).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    // --- UpdateWorkspace -----------------------------------------------------------------------------------------

    @Test
    void updateChangesDisplayNameAndDescriptionAndAdvancesGmtModifiedTime() {
        String id = api.createWorkspace("update_ws");
        clock.now = clock.now.plusSeconds(5);

        ApiClient.Reply reply = api.put(
                "/api/v1/workspaces/" + id,
                "{\"WorkspaceId\":\"" + id + "\",\"DisplayName\":\"新名字\",\"Description\":\"new words\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("RequestId").asText()).isEqualTo(reply.requestIdHeader());
        var read = api.get("/api/v1/workspaces/" + id).body();
        assertThat(read.get("DisplayName").asText()).isEqualTo("新名字");
        assertThat(read.get("Description").asText()).isEqualTo("new words");
        assertThat(read.get("WorkspaceName").asText()).isEqualTo("update_ws");
        assertThat(read.get("GmtCreateTime").asText()).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(read.get("GmtModifiedTime").asText()).isEqualTo("2026-01-01T00:00:05.000Z");
    }

    @Test
    void gmtModifiedTimeAdvancesEvenWhenTheClockStandsStill() {
        String id = api.createWorkspace("still_ws");

        api.put("/api/v1/workspaces/" + id, "{\"Description\":\"again\"}");

        Workspace updated = fake.workspace(id).orElseThrow();
        assertThat(updated.gmtModifiedTime()).isAfter(updated.gmtCreateTime());
    }

    @Test
    void anAbsentMemberIsKeptAndAnEmptyDisplayNameMeansTheWorkspaceName() {
        String id = api.createWorkspace("keep_ws");
        api.put("/api/v1/workspaces/" + id, "{\"DisplayName\":\"shown\"}");
        api.put("/api/v1/workspaces/" + id, "{\"Description\":\"only this\"}");
        assertThat(fake.workspace(id).orElseThrow().displayName()).isEqualTo("shown");

        api.put("/api/v1/workspaces/" + id, "{\"DisplayName\":\"\"}");

        Workspace workspace = fake.workspace(id).orElseThrow();
        assertThat(workspace.displayName()).isEqualTo("keep_ws");
        assertThat(workspace.description()).isEqualTo("only this");
    }

    @Test
    void updateValidatesAsCreateDoesAndChangesNothingWhenRefused() {
        String id = api.createWorkspace("strict_ws");

        assertError(
                api.put("/api/v1/workspaces/" + id, "{\"Description\":\"" + "长".repeat(81) + "\"}"),
                400,
                "InvalidParameter");
        assertError(api.put("/api/v1/workspaces/" + id, "{\"DisplayName\":7}"), 400, "InvalidParameter");
        assertError(api.put("/api/v1/workspaces/" + id, "{\"Description\":"), 400, "InvalidParameter");
        assertError(api.send("PUT", "/api/v1/workspaces/" + id, "text/plain", "x"), 415, "UnsupportedMediaType");
        assertThat(fake.workspace(id).orElseThrow().description()).isEqualTo("created by a test");
    }

    @Test
    void updateOfAnUnknownOrAnotherAccountsWorkspaceIsNotFound() {
        Workspace theirs = fake.addWorkspace(Workspace.builder("theirs_ws")
                .owner(Account.of("2000000000000002", "other"))
                .build());

        assertError(api.put("/api/v1/workspaces/424242", "{\"Description\":\"x\"}"), 404, "100400027");
        assertError(api.put("/api/v1/workspaces/" + theirs.workspaceId(), "{\"Description\":\"x\"}"), 404, "100400027");
        assertThat(fake.workspace(theirs.workspaceId()).orElseThrow().description())
                .isEmpty();
    }

    // --- DeleteWorkspace -----------------------------------------------------------------------------------------

    @Test
    void afterDeleteGetWorkspaceIsNotFoundAndTheNameIsFreeAgain() {
        String id = api.createWorkspace("doomed_ws");

        ApiClient.Reply reply = api.method("DELETE", "/api/v1/workspaces/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("RequestId").asText()).isEqualTo(reply.requestIdHeader());
        assertError(api.get("/api/v1/workspaces/" + id), 404, "100400027");
        assertThat(api.get("/api/v1/workspaces").body().get("TotalCount").asLong())
                .isZero();
        String again = api.createWorkspace("doomed_ws");
        assertThat(again).isNotEqualTo(id);
    }

    @Test
    void deletingTheDefaultWorkspaceLeavesTheAccountWithoutOne() {
        String id = api.post("/api/v1/defaultWorkspaces", "{}")
                .body()
                .get("WorkspaceId")
                .asText();

        api.method("DELETE", "/api/v1/workspaces/" + id);

        assertError(api.get("/api/v1/defaultWorkspaces"), 404, "100400027");
        assertThat(api.post("/api/v1/defaultWorkspaces", "{}").status()).isEqualTo(200);
    }

    @Test
    void deleteOfAnUnknownOrAnotherAccountsWorkspaceIsNotFoundAndChangesNothing() {
        Workspace theirs = fake.addWorkspace(Workspace.builder("theirs_ws")
                .owner(Account.of("2000000000000002", "other"))
                .build());

        assertError(api.method("DELETE", "/api/v1/workspaces/424242"), 404, "100400027");
        assertError(api.method("DELETE", "/api/v1/workspaces/" + theirs.workspaceId()), 404, "100400027");
        assertThat(fake.workspace(theirs.workspaceId())).isPresent();
    }

    @Test
    void aDelayedDeletionTakesEffectAfterTheChosenNumberOfReads() {
        String id = api.createWorkspace("slow_delete");
        fake.deleteAfterReads(2);

        assertThat(api.method("DELETE", "/api/v1/workspaces/" + id).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/workspaces/" + id).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/workspaces/" + id).status()).isEqualTo(200);
        assertError(api.get("/api/v1/workspaces/" + id), 404, "100400027");
        assertThat(fake.workspace(id)).isEmpty();
    }

    @Test
    void aDelayedDeletionTakesEffectOnceTheClockHasMovedOn() {
        String id = api.createWorkspace("timed_delete");
        fake.deleteAfter(Duration.ofSeconds(30));
        api.method("DELETE", "/api/v1/workspaces/" + id);

        assertThat(api.get("/api/v1/workspaces/" + id).status()).isEqualTo(200);
        assertThat(fake.workspaces()).hasSize(1);
        clock.now = clock.now.plusSeconds(30);

        assertThat(fake.workspaces()).isEmpty();
        assertError(api.get("/api/v1/workspaces/" + id), 404, "100400027");
    }

    @Test
    void theAdminApiDelaysDeletionsAndResetUndoesTheDelay() {
        String id = api.createWorkspace("admin_delete");
        assertThat(api.post("/__admin/deletions", "{\"afterReads\":1}").status())
                .isEqualTo(200);
        api.method("DELETE", "/api/v1/workspaces/" + id);
        assertThat(api.get("/api/v1/workspaces/" + id).status()).isEqualTo(200);
        assertError(api.get("/api/v1/workspaces/" + id), 404, "100400027");
        assertError(api.post("/__admin/deletions", "{\"afterReads\":-1}"), 400, "InvalidParameter");

        fake.reset();
        String next = api.createWorkspace("after_reset");
        api.method("DELETE", "/api/v1/workspaces/" + next);
        assertError(api.get("/api/v1/workspaces/" + next), 404, "100400027");
    }

    // --- UpdateDefaultWorkspace ----------------------------------------------------------------------------------

    @Test
    void updateDefaultWorkspaceMakesAnotherWorkspaceTheDefault() {
        String first = api.createWorkspace("first_ws");
        String second = api.createWorkspace("second_ws");
        fake.makeDefault(first);

        ApiClient.Reply reply = api.put("/api/v1/defaultWorkspaces", "{\"WorkspaceId\":\"" + second + "\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("RequestId").asText()).isNotBlank();
        assertThat(api.get("/api/v1/defaultWorkspaces")
                        .body()
                        .get("WorkspaceId")
                        .asText())
                .isEqualTo(second);
        assertThat(api.get("/api/v1/workspaces/" + second)
                        .body()
                        .get("IsDefault")
                        .asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/workspaces/" + first)
                        .body()
                        .get("IsDefault")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void updateDefaultWorkspaceRefusesUnknownAndMissingIds() {
        Workspace theirs = fake.addWorkspace(Workspace.builder("theirs_ws")
                .owner(Account.of("2000000000000002", "other"))
                .build());

        assertError(api.put("/api/v1/defaultWorkspaces", "{\"WorkspaceId\":\"424242\"}"), 404, "100400027");
        assertError(
                api.put("/api/v1/defaultWorkspaces", "{\"WorkspaceId\":\"" + theirs.workspaceId() + "\"}"),
                404,
                "100400027");
        assertError(api.put("/api/v1/defaultWorkspaces", "{}"), 400, "MissingParameter");
        assertError(api.put("/api/v1/defaultWorkspaces", "{\"WorkspaceId\":12}"), 400, "InvalidParameter");
        assertThat(fake.defaultWorkspace()).isEmpty();
    }

    // --- ChangeResourceGroup -------------------------------------------------------------------------------------

    @Test
    void changeResourceGroupMovesTheWorkspaceAndAnswersALowerCamelRequestId() {
        String id = api.createWorkspace("moving_ws");

        ApiClient.Reply reply = api.put(
                CHANGE_RESOURCE_GROUP,
                "{\"ResourceId\":\"" + id + "\",\"NewResourceGroupId\":\"rg-aek2new\",\"ResourceType\":\"workspace\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("requestId").asText()).isEqualTo(reply.requestIdHeader());
        assertThat(reply.body().has("RequestId")).isFalse();
        assertThat(api.get("/api/v1/workspaces/" + id)
                        .body()
                        .get("ResourceGroupId")
                        .asText())
                .isEqualTo("rg-aek2new");
        assertThat(api.get("/api/v1/workspaces")
                        .body()
                        .get("Workspaces")
                        .get(0)
                        .get("resourceGroupId")
                        .asText())
                .isEqualTo("rg-aek2new");
    }

    @Test
    void changeResourceGroupValidatesItsBody() {
        String id = api.createWorkspace("fixed_ws");

        assertError(
                api.put(
                        CHANGE_RESOURCE_GROUP,
                        "{\"ResourceId\":\"" + id + "\",\"NewResourceGroupId\":\"rg-x\","
                                + "\"ResourceType\":\"dataset\"}"),
                400,
                "InvalidParameter");
        assertError(
                api.put(CHANGE_RESOURCE_GROUP, "{\"ResourceId\":\"" + id + "\",\"ResourceType\":\"workspace\"}"),
                400,
                "MissingParameter");
        assertError(
                api.put(CHANGE_RESOURCE_GROUP, "{\"NewResourceGroupId\":\"rg-x\",\"ResourceType\":\"workspace\"}"),
                400,
                "MissingParameter");
        assertError(
                api.put(
                        CHANGE_RESOURCE_GROUP,
                        "{\"ResourceId\":\"424242\",\"NewResourceGroupId\":\"rg-x\","
                                + "\"ResourceType\":\"workspace\"}"),
                404,
                "100400027");
        assertThat(fake.workspace(id).orElseThrow().resourceGroupId())
                .isEqualTo("rg-acfm" + Account.DEFAULT.accountId());
    }
}
