package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractSuiteMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ContractSuiteMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String report(Path reports) throws Exception {
        try (var files = Files.list(reports)) {
            Path xml = files.filter(file -> file.getFileName().toString().endsWith(".xml"))
                    .findFirst()
                    .orElseThrow();
            return Files.readString(xml);
        }
    }

    @Test
    void exitsZeroPrintsEveryCheckAndTheCreatedWorkspacesAndWritesAJUnitReport(@TempDir Path reports) throws Exception {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            int status = run(
                    "--endpoint", fake.baseUrl(), "--allow-create", "--no-cleanup", "--report-dir", reports.toString());

            assertThat(status).isZero();
            assertThat(printed())
                    .contains("PASS  read-only > GetWorkspace: an unknown WorkspaceId is 404")
                    .contains("PASS  creating > CreateWorkspace then GetWorkspace returns what was stored")
                    .contains("SKIP  default workspace > GetDefaultWorkspace with Verbose=true")
                    .contains(" passed, 0 failed, ")
                    .contains("Created by this run: " + (fake.workspaces().size() + 1) + "\n")
                    .containsPattern(
                            "  workspace \\d+ \\(\\w+\\): deleted \\(deleted by the check lifecycle > DeleteWorkspace");
            fake.workspaces()
                    .forEach(workspace -> assertThat(printed())
                            .contains("workspace " + workspace.workspaceId() + " (" + workspace.workspaceName()
                                    + "): kept (cleanup is off)"));
            assertThat(report(reports))
                    .contains("GetWorkspace: an unknown WorkspaceId is 404")
                    .contains("keep workspace " + fake.workspaces().get(0).workspaceId());
        }
    }

    @Test
    void aRunWithAllowCreateDeletesEverythingItCreatedAndTheSummarySaysSo() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            int status =
                    run("--endpoint", fake.baseUrl(), "--allow-create", "--resource-group", "rg-acfmcontractsecond");

            List<RecordedRequest> creates = fake.requests(Operation.CreateWorkspace).stream()
                    .filter(request -> request.status() == 200)
                    .toList();
            assertThat(status).isZero();
            assertThat(fake.workspaces()).as("workspaces left behind").isEmpty();
            assertThat(creates).hasSizeGreaterThan(10);
            assertThat(printed())
                    .contains("creating checks included, cleanup on")
                    .contains("PASS  lifecycle > ChangeResourceGroup then GetWorkspace")
                    .contains("Created by this run: " + creates.size() + "\n")
                    .doesNotContain("NOT DELETED", "Could not delete", "kept (");
            assertThat(printed().lines().filter(line -> line.matches("  workspace \\d+ \\(\\w+\\): deleted.*")))
                    .hasSize(creates.size());
            assertThat(printed())
                    .containsPattern(
                            "  workspace \\d+ \\(\\w+\\): deleted \\(deleted by the check lifecycle > DeleteWorkspace");
        }
    }

    @Test
    void aReadOnlyRunReportsTheSkippedChecksWithTheirReasonInTheSummaryAndTheJUnitReport(@TempDir Path reports)
            throws Exception {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            int status = run("--endpoint", fake.baseUrl(), "--report-dir", reports.toString());

            String xml = report(reports);
            assertThat(status).isZero();
            assertThat(printed())
                    .contains("SKIP  creating > CreateWorkspace then GetWorkspace returns what was stored")
                    .contains("creates workspaces: run with --allow-create")
                    .containsPattern(" passed, 0 failed, [1-9]\\d* skipped")
                    .contains("Created by this run: nothing");
            assertThat(xml)
                    .containsPattern("skipped=\"[1-9]\\d*\"")
                    .contains("CreateWorkspace then GetWorkspace returns what was stored")
                    .contains("creates workspaces: run with --allow-create");
            assertThat(fake.workspaces()).isEmpty();
        }
    }

    @Test
    void allowCreateDefaultCreatesTheDefaultWorkspaceAndKeepsIt() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            int status = run("--endpoint", fake.baseUrl(), "--allow-create-default");

            assertThat(status).isZero();
            assertThat(fake.defaultWorkspace()).isPresent();
            assertThat(printed())
                    .contains(
                            "PASS  default workspace > CreateDefaultWorkspace answers RequestId and WorkspaceId strings")
                    .contains("default workspace "
                            + fake.defaultWorkspace().orElseThrow().workspaceId() + ": kept (the default workspace");
        }
    }

    @Test
    void exitsOneWhenACheckFails() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .accessKey("LTAI5tOther", "secret")
                .build()
                .start()) {
            assertThat(run("--endpoint", fake.baseUrl())).isEqualTo(1);
            assertThat(printed()).contains("FAIL  ");
        }
    }

    @Test
    void exitsTwoWithoutAnEndpoint() {
        assertThat(run("--region", "cn-beijing")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--endpoint is required");
    }

    @Test
    void helpNamesEveryFlag() {
        assertThat(run("--help")).isZero();
        assertThat(printed())
                .contains(
                        "--allow-create ",
                        "--allow-create-default",
                        "--cleanup",
                        "--no-cleanup",
                        "--report-dir",
                        "--resource-group",
                        "--deletion-timeout");
    }

    @Test
    void exitsTwoForABadDeletionTimeout() {
        assertThat(run("--endpoint", "http://127.0.0.1:1", "--deletion-timeout", "soon"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("a deletion timeout is seconds (30) or an ISO-8601 duration");
    }

    @Test
    void skipsTheResourceGroupMoveWithoutASecondGroupAndSaysHowToIncludeIt() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            int status = run("--endpoint", fake.baseUrl(), "--allow-create", "--deletion-timeout", "PT5S");

            assertThat(status).isZero();
            assertThat(printed())
                    .contains("SKIP  lifecycle > ChangeResourceGroup then GetWorkspace")
                    .contains("run with --resource-group RG")
                    .contains("SKIP  lifecycle > UpdateDefaultWorkspace makes a workspace of the run the default")
                    .contains("run with --allow-create-default");
            assertThat(fake.workspaces()).isEmpty();
        }
    }
}
