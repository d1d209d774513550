package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.testsupport.ApiClient;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PaiWorkspaceFakeTest {

    @Test
    void listensOnLoopbackOnAnEphemeralPortByDefault() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            assertThat(fake.port()).isPositive();
            assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + fake.port());
            assertThat(fake.endpoint()).isEqualTo("127.0.0.1:" + fake.port());
            assertThat(fake.regionId()).isEqualTo("cn-hangzhou");
        }
    }

    @Test
    void regionAppearsInErrorHostId() {
        try (PaiWorkspaceFake fake =
                PaiWorkspaceFake.builder().regionId("ap-southeast-1").build().start()) {
            ApiClient.Reply reply = new ApiClient(fake.baseUrl()).get("/api/v1/workspaces/1");

            assertThat(reply.body().get("HostId").asText()).isEqualTo("aiworkspace.ap-southeast-1.aliyuncs.com");
        }
    }

    @Test
    void usesTheConfiguredIdGeneratorAndAccount() {
        AtomicInteger next = new AtomicInteger();
        Account account = Account.of("1888000000000008", "owner_name");
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .idGenerator(() -> "ws-" + next.incrementAndGet())
                .account(account)
                .build()
                .start()) {
            ApiClient api = new ApiClient(fake.baseUrl());

            String id = api.createWorkspace("custom_ids");

            assertThat(id).isEqualTo("ws-1");
            assertThat(api.get("/api/v1/workspaces/ws-1").body().get("Creator").asText())
                    .isEqualTo("1888000000000008");
        }
    }

    @Test
    void seededWorkspacesAreServedAndFilledWithDefaults() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            Workspace seeded = fake.addWorkspace(
                    Workspace.builder("seeded").description("from test code").build());

            assertThat(seeded.workspaceId()).isNotBlank();
            assertThat(seeded.displayName()).isEqualTo("seeded");
            assertThat(seeded.owner()).isEqualTo(fake.account());
            assertThat(seeded.status()).isEqualTo(WorkspaceStatus.ENABLED);
            assertThat(seeded.gmtModifiedTime()).isEqualTo(seeded.gmtCreateTime());
            assertThat(new ApiClient(fake.baseUrl())
                            .get("/api/v1/workspaces/" + seeded.workspaceId())
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void seedingATakenNameFails() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            fake.addWorkspace(Workspace.builder("twice").build());

            assertThatThrownBy(
                            () -> fake.addWorkspace(Workspace.builder("twice").build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("twice");
            assertThat(fake.workspaces()).hasSize(1);
        }
    }

    @Test
    void setStatusChangesStatusAndModificationTime() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            Workspace seeded = fake.addWorkspace(Workspace.builder("status_ws")
                    .gmtCreateTime(Instant.parse("2020-01-01T00:00:00Z"))
                    .build());

            Workspace changed = fake.setStatus(seeded.workspaceId(), WorkspaceStatus.DISABLED);

            assertThat(changed.status()).isEqualTo(WorkspaceStatus.DISABLED);
            assertThat(changed.gmtModifiedTime()).isAfter(seeded.gmtModifiedTime());
            assertThat(fake.workspace(seeded.workspaceId())).contains(changed);
        }
    }

    @Test
    void resetForgetsEverythingButKeepsServing() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ApiClient api = new ApiClient(fake.baseUrl());
            String id = api.createWorkspace("before_reset");
            fake.makeDefault(id);

            fake.reset();

            assertThat(fake.workspaces()).isEmpty();
            assertThat(fake.defaultWorkspace()).isEmpty();
            assertThat(api.get("/api/v1/workspaces/" + id).status()).isEqualTo(404);
            assertThat(api.createWorkspace("before_reset")).isNotBlank();
        }
    }

    @Test
    void closeReleasesThePortAndAFakeStartsOnce() {
        PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
        fake.close();
        fake.close();

        assertThatThrownBy(fake::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsPortsOutOfRange() {
        assertThatThrownBy(() -> PaiWorkspaceFake.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
    }
}
