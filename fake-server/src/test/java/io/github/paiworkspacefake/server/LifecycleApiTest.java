package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleApiTest {

    @Test
    void initializingTurnsEnabledAfterTheGivenNumberOfReads() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String id = api.createWorkspace("polled");
            fake.enableAfterReads(id, 3);

            assertThat(status(api, id)).isEqualTo("INITIALIZING");
            assertThat(status(api, id)).isEqualTo("INITIALIZING");
            assertThat(status(api, id)).isEqualTo("ENABLED");
            assertThat(status(api, id)).isEqualTo("ENABLED");
        }
    }

    @Test
    void initializingTurnsEnabledOnceTheClockHasMovedOn() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().clock(clock).build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String id = api.createWorkspace("timed");
            fake.enableAfter(id, Duration.ofMinutes(5));

            assertThat(status(api, id)).isEqualTo("INITIALIZING");
            clock.now = clock.now.plus(Duration.ofMinutes(5));
            assertThat(status(api, id)).isEqualTo("ENABLED");
        }
    }

    @Test
    void aDueTimeDrivenTransitionIsVisibleThroughEveryReadPathWithoutAnHttpRead() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().clock(clock).build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String id = api.post("/api/v1/defaultWorkspaces", "{}")
                    .body()
                    .get("WorkspaceId")
                    .asText();
            fake.enableAfter(id, Duration.ofSeconds(30));
            assertThat(fake.workspace(id)).get().extracting(Workspace::status).isEqualTo(WorkspaceStatus.INITIALIZING);

            clock.now = clock.now.plus(Duration.ofSeconds(31));

            assertThat(fake.workspaces())
                    .singleElement()
                    .extracting(Workspace::status)
                    .isEqualTo(WorkspaceStatus.ENABLED);
            assertThat(fake.workspace(id)).get().extracting(Workspace::status).isEqualTo(WorkspaceStatus.ENABLED);
            assertThat(fake.defaultWorkspace())
                    .get()
                    .extracting(Workspace::status)
                    .isEqualTo(WorkspaceStatus.ENABLED);
            assertThat(ApiClient.JSON
                            .readTree(fake.snapshot())
                            .at("/workspaces/0/Status")
                            .asText())
                    .isEqualTo("ENABLED");
            assertThat(fake.workspace(id).orElseThrow().gmtModifiedTime()).isEqualTo(clock.now);
        }
    }

    @Test
    void aDueTransitionShowsInTheSnapshotFirstReadOfAll() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().clock(clock).build().start()) {
            String id =
                    fake.addWorkspace(Workspace.builder("snapshotted").build()).workspaceId();
            fake.enableAfter(id, Duration.ofMinutes(1));
            clock.now = clock.now.plus(Duration.ofMinutes(2));

            assertThat(ApiClient.JSON
                            .readTree(fake.snapshot())
                            .at("/workspaces/0/Status")
                            .asText())
                    .isEqualTo("ENABLED");
        }
    }

    @Test
    void testCodeReadsDoNotCountTowardsATransitionWaitingForApiReads() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String id = api.createWorkspace("counted");
            fake.enableAfterReads(id, 1);

            assertThat(fake.workspace(id)).get().extracting(Workspace::status).isEqualTo(WorkspaceStatus.INITIALIZING);
            assertThat(fake.workspaces())
                    .singleElement()
                    .extracting(Workspace::status)
                    .isEqualTo(WorkspaceStatus.INITIALIZING);
            assertThat(status(api, id)).isEqualTo("ENABLED");
        }
    }

    @Test
    void defaultWorkspaceBeingCreatedShowsItsStagesAsConditions() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String id = api.post("/api/v1/defaultWorkspaces", "{}")
                    .body()
                    .get("WorkspaceId")
                    .asText();
            fake.enableAfterReads(id, 4);

            assertThat(stages(api)).containsExactly("CREATING", "WORKSPACE_CREATED");
            assertThat(stages(api)).containsExactly("CREATING", "WORKSPACE_CREATED");
            assertThat(stages(api)).containsExactly("CREATING", "WORKSPACE_CREATED", "MEMBERS_ADDED");
            assertThat(stages(api)).containsExactly("CREATING", "WORKSPACE_CREATED", "MEMBERS_ADDED", "ENABLED");
            assertThat(api.get("/api/v1/defaultWorkspaces").body().get("Status").asText())
                    .isEqualTo("ENABLED");
        }
    }

    @Test
    void failureShowsAFailedStage() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String id = api.post("/api/v1/defaultWorkspaces", "{}")
                    .body()
                    .get("WorkspaceId")
                    .asText();
            fake.setStatus(id, WorkspaceStatus.FAILURE);

            JsonNode body = api.get("/api/v1/defaultWorkspaces?Verbose=true").body();

            assertThat(body.get("Status").asText()).isEqualTo("FAILURE");
            JsonNode last = body.get("Conditions").get(body.get("Conditions").size() - 1);
            assertThat(last.get("Code").asInt()).isNotEqualTo(200);
            assertThat(last.get("Message").asText()).isEqualTo("Create Failed");
        }
    }

    private static String status(ApiClient api, String id) {
        return api.get("/api/v1/workspaces/" + id).body().get("Status").asText();
    }

    private static List<String> stages(ApiClient api) {
        List<String> types = new ArrayList<>();
        api.get("/api/v1/defaultWorkspaces?Verbose=true")
                .body()
                .get("Conditions")
                .forEach(c -> types.add(c.get("Type").asText()));
        return types;
    }
}
