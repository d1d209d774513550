package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GetWorkspaceApiTest {

    private static final Instant CREATED = Instant.parse("2021-01-21T17:12:35.232Z");

    private final PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
            .clock(Clock.fixed(CREATED, ZoneOffset.UTC))
            .build()
            .start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    private String createDocumentedExample() {
        return api.post(
                        "/api/v1/workspaces",
                        "{\"WorkspaceName\":\"workspace_example\",\"Description\":"
                                + "\"workspace description example\",\"EnvTypes\":[\"prod\"],\"DisplayName\":\"workspace-example\"}")
                .body()
                .get("WorkspaceId")
                .asText();
    }

    @Test
    void returnsEveryDocumentedFieldWithItsType() {
        String id = createDocumentedExample();

        ApiClient.Reply reply = api.get("/api/v1/workspaces/" + id);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.get("RequestId").asText()).isEqualTo(reply.requestIdHeader());
        assertThat(body.get("WorkspaceId").textValue()).isEqualTo(id);
        assertThat(body.get("WorkspaceName").textValue()).isEqualTo("workspace_example");
        assertThat(body.get("GmtCreateTime").textValue()).isEqualTo("2021-01-21T17:12:35.232Z");
        assertThat(body.get("GmtModifiedTime").textValue()).isEqualTo("2021-01-21T17:12:35.232Z");
        assertThat(body.get("DisplayName").textValue()).isEqualTo("workspace-example");
        assertThat(body.get("Description").textValue()).isEqualTo("workspace description example");
        assertThat(body.get("EnvTypes")).extracting(JsonNode::textValue).containsExactly("prod");
        assertThat(body.get("Creator").textValue()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(body.get("Status").textValue()).isEqualTo("ENABLED");
        assertThat(body.get("IsDefault").isBoolean()).isTrue();
        assertThat(body.get("IsDefault").booleanValue()).isFalse();
        assertThat(body.get("ExtraInfos").get("TenantId").textValue()).isEqualTo(Account.DEFAULT.tenantId());
        assertThat(body.get("ResourceGroupId").textValue()).startsWith("rg-");
    }

    @Test
    void leavesOutOwnerAndAdminNamesWithoutVerbose() {
        String id = createDocumentedExample();

        assertThat(api.get("/api/v1/workspaces/" + id).body().has("Owner")).isFalse();
        assertThat(api.get("/api/v1/workspaces/" + id).body().has("AdminNames")).isFalse();
        assertThat(api.get("/api/v1/workspaces/" + id + "?Verbose=false").body().has("Owner"))
                .isFalse();
        assertThat(api.get("/api/v1/workspaces/" + id + "?Verbose=false").body().has("AdminNames"))
                .isFalse();
    }

    @Test
    void verboseAddsOwnerAndAdminNames() {
        String id = createDocumentedExample();

        JsonNode body = api.get("/api/v1/workspaces/" + id + "?Verbose=true").body();

        assertThat(body.get("AdminNames")).extracting(JsonNode::textValue).containsExactly(Account.DEFAULT.userName());
        JsonNode owner = body.get("Owner");
        assertThat(owner.get("UserKp").textValue()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(owner.get("UserId").textValue()).isEqualTo(Account.DEFAULT.accountId());
        assertThat(owner.get("UserName").textValue()).isEqualTo(Account.DEFAULT.userName());
        assertThat(owner.get("DisplayName").textValue()).isEqualTo(Account.DEFAULT.displayName());
    }

    @Test
    void verboseIsCaseInsensitive() {
        String id = createDocumentedExample();

        assertThat(api.get("/api/v1/workspaces/" + id + "?Verbose=TRUE").body().has("Owner"))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Verbose=yes", "Verbose=1", "Verbose=", "Verbose=true&Verbose=false"})
    void rejectsVerboseThatIsNotOneBoolean(String query) {
        String id = createDocumentedExample();

        assertError(api.get("/api/v1/workspaces/" + id + "?" + query), 400, "InvalidParameter");
    }

    @Test
    void unknownWorkspaceIsNotFound() {
        ApiClient.Reply reply = api.get("/api/v1/workspaces/424242");

        assertError(reply, 404, "100400027");
        assertThat(reply.body().get("Message").asText()).isEqualTo("Workspace not exists");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%20", "%E4%B8%AD", "abc%3Bdef", "0", "-1"})
    void oddWorkspaceIdsAreNotFound(String id) {
        assertError(api.get("/api/v1/workspaces/" + id), 404, "100400027");
    }

    @Test
    void veryLongWorkspaceIdIsNotFound() {
        assertError(api.get("/api/v1/workspaces/" + "9".repeat(2000)), 404, "100400027");
    }

    @Test
    void anotherAccountsWorkspaceIsNotFound() {
        Workspace foreign = fake.addWorkspace(Workspace.builder("foreign_ws")
                .owner(Account.of("1999000000000009", "someone_else"))
                .build());

        assertError(api.get("/api/v1/workspaces/" + foreign.workspaceId()), 404, "100400027");
    }

    @Test
    void reportsIsDefaultForTheDefaultWorkspace() {
        String id = createDocumentedExample();
        fake.makeDefault(id);

        assertThat(api.get("/api/v1/workspaces/" + id).body().get("IsDefault").booleanValue())
                .isTrue();
    }

    @Test
    void reportsSeededStatusAndTimes() {
        Instant modified = Instant.parse("2022-02-02T02:02:02.002Z");
        Workspace seeded = fake.addWorkspace(Workspace.builder("seeded_ws")
                .envTypes("dev", "prod")
                .status(WorkspaceStatus.FROZEN)
                .gmtModifiedTime(modified)
                .build());

        JsonNode body = api.get("/api/v1/workspaces/" + seeded.workspaceId()).body();

        assertThat(body.get("Status").textValue()).isEqualTo("FROZEN");
        assertThat(body.get("GmtModifiedTime").textValue()).isEqualTo("2022-02-02T02:02:02.002Z");
        assertThat(body.get("EnvTypes")).extracting(JsonNode::textValue).isEqualTo(List.of("dev", "prod"));
    }

    @Test
    void timestampsAreUtcWithMillisecondsEvenOnWholeSeconds() {
        try (PaiWorkspaceFake wholeSecond = PaiWorkspaceFake.builder()
                .clock(Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.ofHours(8)))
                .build()
                .start()) {
            ApiClient client = new ApiClient(wholeSecond.baseUrl());
            String id = client.createWorkspace("whole_second");

            assertThat(client.get("/api/v1/workspaces/" + id)
                            .body()
                            .get("GmtCreateTime")
                            .textValue())
                    .isEqualTo("2024-05-06T07:08:09.000Z");
        }
    }
}
