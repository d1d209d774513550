package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultWorkspaceApiTest {

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    private String createDefault() {
        ApiClient.Reply reply = api.post(
                "/api/v1/defaultWorkspaces",
                "{\"Description\":\"默认工作空间\",\"EnvTypes\":[\"dev\",\"prod\"],\"Resources\":[{\"ProductType\":\"PAI\"}]}");
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().get("WorkspaceId").textValue();
    }

    @Test
    void noDefaultWorkspaceIsADocumentedNotFound() {
        ApiClient.Reply reply = api.get("/api/v1/defaultWorkspaces");

        assertError(reply, 404, "100400027");
        assertThat(reply.body().get("Message").asText()).startsWith("Default workspace not exists");
    }

    @Test
    void createDefaultWorkspaceThenGetIt() {
        String id = createDefault();

        JsonNode body = api.get("/api/v1/defaultWorkspaces").body();

        assertThat(body.get("WorkspaceId").textValue()).isEqualTo(id);
        assertThat(body.get("Description").textValue()).isEqualTo("默认工作空间");
        assertThat(body.get("EnvTypes")).extracting(JsonNode::textValue).containsExactly("dev", "prod");
        assertThat(body.get("Status").textValue()).isEqualTo("ENABLED");
        assertThat(body.get("Creator").textValue()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(body.get("WorkspaceName").textValue()).isNotBlank();
        assertThat(body.get("DisplayName").textValue())
                .isEqualTo(body.get("WorkspaceName").textValue());
        assertThat(body.get("GmtCreateTime").textValue())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void returnsOwnerWithItsThreeDocumentedFields() {
        createDefault();

        JsonNode owner = api.get("/api/v1/defaultWorkspaces").body().get("Owner");

        assertThat(owner.get("UserId").textValue()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(owner.get("UserKp").textValue()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(owner.get("UserName").textValue()).isEqualTo(Account.DEFAULT.userName());
    }

    @Test
    void leavesOutConditionsWithoutVerbose() {
        createDefault();

        assertThat(api.get("/api/v1/defaultWorkspaces").body().has("Conditions"))
                .isFalse();
        assertThat(api.get("/api/v1/defaultWorkspaces?Verbose=false").body().has("Conditions"))
                .isFalse();
    }

    @Test
    void verboseAddsConditionsForEveryStage() {
        createDefault();

        JsonNode conditions =
                api.get("/api/v1/defaultWorkspaces?Verbose=true").body().get("Conditions");

        assertThat(conditions)
                .extracting(condition -> condition.get("Type").textValue())
                .containsExactly("CREATING", "WORKSPACE_CREATED", "MEMBERS_ADDED", "ENABLED");
        assertThat(conditions).allSatisfy(condition -> {
            assertThat(condition.get("Code").isIntegralNumber()).isTrue();
            assertThat(condition.get("Code").intValue()).isEqualTo(200);
            assertThat(condition.get("Message").isTextual()).isTrue();
        });
    }

    @Test
    void conditionsShowAFailedCreation() {
        String id = createDefault();
        fake.setStatus(id, WorkspaceStatus.FAILURE);

        JsonNode conditions =
                api.get("/api/v1/defaultWorkspaces?Verbose=true").body().get("Conditions");

        assertThat(conditions.get(conditions.size() - 1).get("Code").intValue()).isNotEqualTo(200);
        assertThat(conditions.get(conditions.size() - 1).get("Message").textValue())
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Verbose=maybe", "Verbose="})
    void rejectsBadVerbose(String query) {
        createDefault();

        assertError(api.get("/api/v1/defaultWorkspaces?" + query), 400, "InvalidParameter");
    }

    @Test
    void theDefaultWorkspaceIsAlsoAnOrdinaryWorkspace() {
        String id = createDefault();

        JsonNode body = api.get("/api/v1/workspaces/" + id).body();

        assertThat(body.get("IsDefault").booleanValue()).isTrue();
    }

    @Test
    void anAccountHasAtMostOneDefaultWorkspace() {
        createDefault();

        assertError(api.post("/api/v1/defaultWorkspaces", "{}"), 409, "100400009");
        assertThat(fake.workspaces()).hasSize(1);
    }

    @Test
    void createDefaultWorkspaceWithEmptyBodyObjectUsesBasicMode() {
        String id = api.post("/api/v1/defaultWorkspaces", "{}")
                .body()
                .get("WorkspaceId")
                .textValue();

        assertThat(fake.workspace(id))
                .get()
                .extracting(Workspace::envTypes)
                .asList()
                .containsExactly("prod");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"EnvTypes\":[\"qa\"]}",
                "{\"Description\":7}",
                "{\"Resources\":[\"PAI\"]}",
                "{\"Resources\":{}}",
                "[]"
            })
    void createDefaultWorkspaceValidatesItsBody(String json) {
        assertError(api.post("/api/v1/defaultWorkspaces", json), 400, "InvalidParameter");
        assertThat(fake.workspaces()).isEmpty();
    }

    @Test
    void createDefaultWorkspaceRejectsLongDescription() {
        assertError(
                api.post("/api/v1/defaultWorkspaces", "{\"Description\":\"" + "描".repeat(81) + "\"}"),
                400,
                "InvalidParameter");
    }

    @Test
    void testCodeCanMakeAnyWorkspaceTheDefault() {
        String id = api.createWorkspace("picked_default");
        fake.makeDefault(id);

        assertThat(api.get("/api/v1/defaultWorkspaces")
                        .body()
                        .get("WorkspaceName")
                        .textValue())
                .isEqualTo("picked_default");
        assertThat(fake.defaultWorkspace())
                .get()
                .extracting(Workspace::workspaceId)
                .isEqualTo(id);
    }
}
