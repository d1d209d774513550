package io.github.paiworkspacefake.server;

import static io.github.paiworkspacefake.testsupport.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.internal.http.FakeHttpApi;
import io.github.paiworkspacefake.testsupport.ApiClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LimitsApiTest {

    @Test
    void bodyOverTheSizeLimitIsRefusedInTheErrorFormat() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            String huge =
                    "{\"WorkspaceName\":\"big\",\"Description\":\"" + "x".repeat(FakeHttpApi.MAX_BODY_BYTES) + "\"}";

            ApiClient.Reply reply = new ApiClient(fake.baseUrl())
                    .post("/api/v1/workspaces", "application/json", huge.getBytes(StandardCharsets.UTF_8));

            assertError(reply, 413, "RequestEntityTooLarge");
            assertThat(fake.workspaces()).isEmpty();
        }
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            String deep = "{\"WorkspaceName\":" + "[".repeat(2000) + "]".repeat(2000) + "}";

            assertError(new ApiClient(fake.baseUrl()).post("/api/v1/workspaces", deep), 400, "InvalidParameter");
        }
    }

    @Test
    void aFullFakeRefusesMoreWorkspacesClearly() {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().maxWorkspaces(2).build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            api.createWorkspace("first");
            api.createWorkspace("second");

            ApiClient.Reply third = api.post(
                    "/api/v1/workspaces",
                    "{\"WorkspaceName\":\"third\",\"Description\":\"d\",\"EnvTypes\":[\"prod\"]}");

            assertError(third, 400, "QuotaExceeded.Workspace");
            assertThat(fake.workspaces()).hasSize(2);
            fake.reset();
            assertThat(api.createWorkspace("third")).isNotBlank();
        }
    }
}
