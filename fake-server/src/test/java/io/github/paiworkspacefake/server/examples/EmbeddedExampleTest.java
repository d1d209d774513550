package io.github.paiworkspacefake.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import org.junit.jupiter.api.Test;

/** The README's and docs/fake-server.md's embedding example, run. */
class EmbeddedExampleTest {

    @Test
    void embedded() {
        // docs:begin embedded
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            Workspace seeded = fake.addWorkspace(
                    Workspace.builder("team_ws").description("seeded").build());
            fake.makeDefault(seeded.workspaceId()); // GetDefaultWorkspace now answers with it
            String baseUrl = fake.baseUrl(); // http://127.0.0.1:<free port>: point your code at it
            assertThat(fake.workspaces()).extracting(Workspace::workspaceName).containsExactly("team_ws");
            assertThat(baseUrl).startsWith("http://127.0.0.1:");
        }
        // docs:end embedded
    }
}
