package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminHttpApiTest {

    private final PaiWorkspaceFake fake =
            PaiWorkspaceFake.builder().adminApi(true).build().start();
    private final ApiClient api = new ApiClient(fake.baseUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void isOffUnlessAskedFor() {
        try (PaiWorkspaceFake plain = PaiWorkspaceFake.builder().build().start()) {
            assertError(new ApiClient(plain.baseUrl()).post("/__admin/reset", "{}"), 404, "InvalidApi.NotFound");
        }
    }

    @Test
    void anUnknownAdminPathIsAnUnknownApiWithARequestId() {
        ApiClient.Reply reply = api.get("/__admin/nothing-here");

        assertError(reply, 404, "InvalidApi.NotFound");
        assertThat(reply.requestIdHeader())
                .isEqualTo(reply.body().get("RequestId").asText());
    }

    @Test
    void injectsFaults() {
        api.post("/__admin/faults", "{\"operation\":\"GetDefaultWorkspace\",\"failNext\":1,\"error\":\"THROTTLING\"}");

        assertError(api.get("/api/v1/defaultWorkspaces"), 400, "Throttling.User");
        assertError(api.get("/api/v1/defaultWorkspaces"), 404, "100400027");
    }

    @Test
    void clearsFaults() {
        api.post("/__admin/faults", "{\"operation\":\"GetDefaultWorkspace\",\"failNext\":3}");
        api.delete("/__admin/faults");

        assertError(api.get("/api/v1/defaultWorkspaces"), 404, "100400027");
    }

    @Test
    void refusesBadFaultRequestsInTheErrorFormat() {
        assertError(
                api.post("/__admin/faults", "{\"operation\":\"DeleteEverything\",\"failNext\":1}"),
                400,
                "InvalidParameter");
        assertError(api.post("/__admin/faults", "{\"operation\":\"GetWorkspace\"}"), 400, "InvalidParameter");
        assertError(
                api.post("/__admin/faults", "{\"operation\":\"GetWorkspace\",\"failNext\":1,\"error\":\"NOPE\"}"),
                400,
                "InvalidParameter");
    }

    @Test
    void drivesLifecycle() {
        String id = api.createWorkspace("admin_driven");

        JsonNode answer = api.post("/__admin/workspaces/" + id + "/lifecycle", "{\"enableAfterReads\":1}")
                .body();

        assertThat(answer.get("Status").asText()).isEqualTo("INITIALIZING");
        assertThat(api.get("/api/v1/workspaces/" + id).body().get("Status").asText())
                .isEqualTo("ENABLED");
        api.post("/__admin/workspaces/" + id + "/lifecycle", "{\"status\":\"FAILURE\"}");
        assertThat(api.get("/api/v1/workspaces/" + id).body().get("Status").asText())
                .isEqualTo("FAILURE");
        assertError(api.post("/__admin/workspaces/404404/lifecycle", "{\"status\":\"FAILURE\"}"), 404, "100400027");
    }

    @Test
    void listsAndClearsTheJournalWithoutJournalingItself() {
        api.createWorkspace("seen");
        api.get("/api/v1/defaultWorkspaces");

        JsonNode all = api.get("/__admin/requests").body().get("requests");
        JsonNode creates =
                api.get("/__admin/requests?operation=CreateWorkspace").body().get("requests");

        assertThat(all).hasSize(2);
        assertThat(creates).hasSize(1);
        assertThat(creates.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(creates.get(0).get("body").asText()).contains("seen");
        api.delete("/__admin/requests");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void resets() {
        api.createWorkspace("to_forget");

        api.post("/__admin/reset", "{}");

        assertThat(fake.workspaces()).isEmpty();
    }
}
