package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paiworkspacefake.server.AccessKeySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.utility.DockerImageName;

/** How the container is configured; needs no Docker engine. The container tests prove the image honours it. */
class PaiWorkspaceFakeContainerTest {

    @Test
    void refusesAnImageThatIsNotTheFake() {
        assertThatThrownBy(() -> new PaiWorkspaceFakeContainer("nginx:1.27"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pai-workspace-fake");
    }

    @Test
    void acceptsAnImageDeclaredCompatible() {
        DockerImageName mirrored = DockerImageName.parse("registry.example.com/tools/pai-fake:1.0")
                .asCompatibleSubstituteFor("pai-workspace-fake");

        assertThatCode(() -> new PaiWorkspaceFakeContainer(mirrored).close()).doesNotThrowAnyException();
    }

    @Test
    void exposesThePortTheFakeListensOn() {
        try (PaiWorkspaceFakeContainer container = new PaiWorkspaceFakeContainer()) {
            assertThat(container.getExposedPorts()).containsExactly(PaiWorkspaceFakeContainer.PORT);
            assertThat(container.getEnvMap()).containsEntry("PAI_FAKE_PORT", "8080");
        }
    }

    @Test
    void aDataVolumeKeepsTheStateBelowTheImagesVolumeDirectory() {
        try (PaiWorkspaceFakeContainer container = new PaiWorkspaceFakeContainer().withDataVolume("pai-fake-state")) {
            assertThat(container.getEnvMap())
                    .containsEntry("PAI_FAKE_DATA_DIR", PaiWorkspaceFakeContainer.VOLUME_DIRECTORY + "/state");
        }
        assertThatThrownBy(() -> new PaiWorkspaceFakeContainer().withDataVolume("/home/me/state"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a named volume, not a path");
        assertThatThrownBy(() -> new PaiWorkspaceFakeContainer().withDataVolume(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void regionIsPassedToTheFake() {
        try (PaiWorkspaceFakeContainer container = new PaiWorkspaceFakeContainer().withRegion("cn-shanghai")) {
            assertThat(container.getEnvMap()).containsEntry("PAI_FAKE_REGION", "cn-shanghai");
        }
    }

    @Test
    void everyAccessKeyIsPassedToTheFakeAsTheFakeReadsItBack() {
        try (PaiWorkspaceFakeContainer container = new PaiWorkspaceFakeContainer()
                .withAccessKey("LTAI-one", "secret-1")
                .withAccessKey("LTAI-two", "secret:2")
                .withAccessKey("LTAI-three", "secret-3", "1999000000000009")) {
            String variable = container.getEnvMap().get("PAI_FAKE_ACCESS_KEYS");

            // a secret with a ':' gets a trailing ':', so "secret:2" is not read as the account "2"
            assertThat(variable).isEqualTo("LTAI-one:secret-1,LTAI-two:secret:2:,LTAI-three:secret-3:1999000000000009");
            assertThat(Arrays.stream(variable.split(",")).map(AccessKeySpec::parse))
                    .containsExactly(
                            AccessKeySpec.of("LTAI-one", "secret-1"),
                            AccessKeySpec.of("LTAI-two", "secret:2"),
                            new AccessKeySpec("LTAI-three", "secret-3", "1999000000000009"));
        }
    }

    @Test
    void refusesAnAccessKeyTheFlagCannotCarry() {
        try (PaiWorkspaceFakeContainer container = new PaiWorkspaceFakeContainer()) {
            assertThatThrownBy(() -> container.withAccessKey("id:colon", "secret"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AccessKeyId");
            assertThatThrownBy(() -> container.withAccessKey("id", "with space"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("whitespace");
            assertThatThrownBy(() -> container.withAccessKey("id", "a,b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("','");
            assertThatThrownBy(() -> container.withAccessKey("id", "secret", "acct-b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("digits");
        }
    }

    @Test
    void adminApiIsOpenedToDockerNetworksOrTheNamedBlocks() {
        try (PaiWorkspaceFakeContainer all = new PaiWorkspaceFakeContainer().withAdminApi();
                PaiWorkspaceFakeContainer named =
                        new PaiWorkspaceFakeContainer().withAdminApi("172.17.0.0/16", "fd00::/8")) {
            assertThat(all.getEnvMap())
                    .containsEntry("PAI_FAKE_ADMIN_ALLOW", "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7");
            assertThat(named.getEnvMap()).containsEntry("PAI_FAKE_ADMIN_ALLOW", "172.17.0.0/16,fd00::/8");
            assertThatThrownBy(() -> named.withAdminApi("10.0.0.0/8,10.1.0.0/16"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void seedFileIsCopiedIntoTheContainerAndPassedToTheFake(@TempDir Path directory) throws IOException {
        Path seed = Files.writeString(directory.resolve("workspaces.json"), "{}");

        try (PaiWorkspaceFakeContainer container = new PaiWorkspaceFakeContainer().withSeedFile(seed)) {
            assertThat(container.getEnvMap()).containsEntry("PAI_FAKE_SEED", "/etc/pai-workspace-fake/workspaces.json");
            assertThat(container.getCopyToFileContainerPathMap().values())
                    .containsExactly("/etc/pai-workspace-fake/workspaces.json");
        }
    }
}
