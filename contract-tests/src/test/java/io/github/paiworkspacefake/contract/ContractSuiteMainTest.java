package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractSuiteMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ContractSuiteMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void exitsZeroPrintsEveryCheckAndWritesAJUnitReport(@TempDir Path reports) throws Exception {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            int status = run("--endpoint", fake.baseUrl(), "--allow-create", "--report-dir", reports.toString());

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(status).isZero();
            assertThat(printed).contains("PASS  read-only > GetWorkspace: an unknown WorkspaceId is 404")
                    .contains("PASS  creating > CreateWorkspace then GetWorkspace returns what was stored")
                    .contains(" passed, 0 failed").contains("Workspaces created: ");
            try (var files = Files.list(reports)) {
                assertThat(files.map(Path::getFileName).map(Path::toString)).anyMatch(name -> name.endsWith(".xml"));
            }
        }
    }

    @Test
    void exitsOneWhenACheckFails() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().accessKey("LTAI5tOther", "secret").build().start()) {
            assertThat(run("--endpoint", fake.baseUrl())).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAIL  ");
        }
    }

    @Test
    void exitsTwoWithoutAnEndpoint() {
        assertThat(run("--region", "cn-beijing")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--endpoint is required");
    }
}
