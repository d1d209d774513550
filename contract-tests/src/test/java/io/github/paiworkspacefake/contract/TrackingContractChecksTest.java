package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.OfficialImage;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The experiment, run and image checks against this project's fake: they pass, with and without official images,
 * remove what they create inside their workspaces, and the creating ones are skipped, saying why, without
 * {@code --allow-create}.
 */
class TrackingContractChecksTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** The family's check classes, with the run-wide checks and cleanup. */
    static final List<Class<?>> CHECKS = List.of(
            ExperimentContractChecks.class,
            RunContractChecks.class,
            ImageContractChecks.class,
            RunWideContractChecks.class,
            RunCleanup.class);

    static ContractConfig against(String baseUrl, boolean allowCreate) {
        return new ContractConfig(URI.create(baseUrl), "cn-hangzhou", "ak", "sk", allowCreate);
    }

    @Test
    void theChecksPassAndRemoveWhatTheyCreateInsideTheirWorkspaces() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .officialImages(OfficialImage.examples())
                .build()
                .start()) {
            ContractResult result =
                    ContractSuite.run(against(fake.baseUrl(), true).withCleanup(false), null, System.out, CHECKS);

            assertThat(result.failures()).as("failed checks").isEmpty();
            assertThat(result.skipped()).as("skipped checks").isEmpty();
            assertThat(result.checks())
                    .extracting(ContractResult.Check::name)
                    .anyMatch(name -> name.startsWith("experiments >"))
                    .anyMatch(name -> name.startsWith("runs >"))
                    .anyMatch(name -> name.startsWith("images >"));
            List<String> workspaces =
                    fake.workspaces().stream().map(Workspace::workspaceId).toList();
            assertThat(workspaces).as("the run's workspaces, kept").isNotEmpty();
            for (String workspaceId : workspaces) {
                assertThat(fake.experiments().experiments(workspaceId))
                        .as("experiments left")
                        .isEmpty();
                assertThat(fake.images().images(workspaceId)).as("images left").isEmpty();
            }
            assertThat(fake.images().official()).hasSize(9);
        }
    }

    @Test
    void withoutAllowCreateOnlyTheReadOnlyImageChecksRun() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ContractResult result = ContractSuite.run(against(fake.baseUrl(), false), null, QUIET, CHECKS);

            assertThat(result.failures()).isEmpty();
            assertThat(result.checks())
                    .filteredOn(check -> check.outcome() == ContractResult.Outcome.PASSED)
                    .extracting(ContractResult.Check::name)
                    .anyMatch(name -> name.contains("ListImages without a WorkspaceId lists official images"))
                    .anyMatch(name -> name.contains("CreateImageBuild without a BuildConfig"));
            assertThat(result.skipped())
                    .extracting(ContractResult.Check::name)
                    .anyMatch(name -> name.startsWith("experiments >"))
                    .anyMatch(name -> name.startsWith("runs >"))
                    .allSatisfy(name -> assertThat(name).doesNotContain("official images"));
            assertThat(fake.workspaces()).isEmpty();
        }
    }
}
