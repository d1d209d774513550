package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void regionIsPassedToTheFake() {
        try (PaiWorkspaceFakeContainer container = new PaiWorkspaceFakeContainer().withRegion("cn-shanghai")) {
            assertThat(container.getEnvMap()).containsEntry("PAI_FAKE_REGION", "cn-shanghai");
        }
    }

    @Test
    void everyAccessKeyIsPassedToTheFake() {
        try (PaiWorkspaceFakeContainer container = new PaiWorkspaceFakeContainer()
                .withAccessKey("LTAI-one", "secret-1")
                .withAccessKey("LTAI-two", "secret:2")) {
            assertThat(container.getEnvMap())
                    .containsEntry("PAI_FAKE_ACCESS_KEYS", "LTAI-one:secret-1,LTAI-two:secret:2");
        }
    }

    @Test
    void refusesAnAccessKeyTheFlagCannotCarry() {
        try (PaiWorkspaceFakeContainer container = new PaiWorkspaceFakeContainer()) {
            assertThatThrownBy(() -> container.withAccessKey("id:colon", "secret"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> container.withAccessKey("id", "with space"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void seedFileIsCopiedIntoTheContainerAndPassedToTheFake(@TempDir Path directory) throws IOException {
        Path seed = Files.writeString(directory.resolve("workspaces.json"), "{}");

        try (PaiWorkspaceFakeContainer container = new PaiWorkspaceFakeContainer().withSeedFile(seed)) {
            assertThat(container.getEnvMap())
                    .containsEntry("PAI_FAKE_SEED", "/etc/pai-workspace-fake/workspaces.json");
            assertThat(container.getCopyToFileContainerPathMap().values())
                    .containsExactly("/etc/pai-workspace-fake/workspaces.json");
        }
    }
}
