package io.github.paiworkspacefake.server.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The published coverage table cannot lie: this test makes it anew from the catalogue, the behaviour registry and the
 * tests, and fails when the committed docs/coverage.md or docs/coverage.json differ. With
 * {@code -Dcoverage.write=true} it writes them instead.
 */
class CoverageReportTest {

    /** The repository's root, from the module's directory where Maven runs the tests. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theCommittedCoverageTableIsCurrent() throws IOException {
        CoverageReport report = new CoverageReport(ROOT);
        Path markdown = ROOT.resolve("docs/coverage.md");
        Path json = ROOT.resolve("docs/coverage.json");
        if (Boolean.getBoolean("coverage.write")) {
            Files.writeString(markdown, report.markdown(), StandardCharsets.UTF_8);
            Files.writeString(json, report.json(), StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(markdown, StandardCharsets.UTF_8))
                .as("docs/coverage.md is stale: rerun this test with -Dcoverage.write=true")
                .isEqualTo(report.markdown());
        assertThat(Files.readString(json, StandardCharsets.UTF_8))
                .as("docs/coverage.json is stale: rerun this test with -Dcoverage.write=true")
                .isEqualTo(report.json());
    }
}
