package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.Operation;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.User;
import io.github.paiworkspacefake.server.Workspace;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The whole suite, creating checks included, against this project's fake; or against the implementation named by
 * {@code -Dpai.contract.endpoint=URL} (creating checks then only with {@code -Dpai.contract.allowCreate=true}, the
 * default workspace's creation only with {@code -Dpai.contract.allowCreateDefault=true}).
 */
class ContractSuiteAgainstFakeTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** A resource group of the fake's account other than the default one; the fake takes any id. */
    static final String SECOND_RESOURCE_GROUP = "rg-acfmcontractsecond";

    private static final Set<Operation> CHANGES_MEMBERS_OR_WORKSPACES = EnumSet.of(
            Operation.CreateWorkspace,
            Operation.CreateDefaultWorkspace,
            Operation.CreateMember,
            Operation.DeleteMembers,
            Operation.AddMemberRole,
            Operation.RemoveMemberRole,
            Operation.UpdateWorkspace,
            Operation.DeleteWorkspace,
            Operation.CreateDataset,
            Operation.UpdateDataset,
            Operation.DeleteDataset,
            Operation.PublishDataset,
            Operation.CreateDatasetLabels,
            Operation.DeleteDatasetLabels);

    /** A RAM user the tests give the fake's account, so that the member checks have someone to add. */
    static final String ALICE = "210000000000000001";

    private static ContractConfig against(PaiWorkspaceFake fake, boolean allowCreate) {
        return new ContractConfig(URI.create(fake.baseUrl()), "cn-hangzhou", "ak", "sk", allowCreate);
    }

    /** The workspaces of a run that no check deleted. */
    private static List<String> notDeletedByChecks(ContractResult result) {
        return result.cleanup().stream()
                .filter(cleanup -> !cleanup.detail().startsWith("deleted by the check"))
                .map(ContractResult.Cleanup::workspaceId)
                .toList();
    }

    @Test
    void theImplementationPassesEveryCheck() {
        String endpoint = System.getProperty(ContractConfig.ENDPOINT);
        ContractResult result;
        if (endpoint != null && !endpoint.isBlank()) {
            result = ContractSuite.run(ContractConfig.from(System::getProperty), null, System.out);
        } else {
            try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
                fake.addUser(ALICE, "alice");
                result = ContractSuite.run(
                        against(fake, true)
                                .withAllowCreateDefault(true)
                                .withCleanup(false)
                                .withResourceGroup(SECOND_RESOURCE_GROUP)
                                .withAllowProductOrders(true),
                        null,
                        System.out);

                assertThat(fake.workspaces())
                        .extracting(Workspace::workspaceId)
                        .containsExactlyInAnyOrderElementsOf(notDeletedByChecks(result));
                assertThat(result.cleanup())
                        .filteredOn(cleanup -> cleanup.detail().startsWith("deleted by the check"))
                        .singleElement()
                        .satisfies(cleanup -> {
                            assertThat(cleanup.state()).isEqualTo(ContractResult.CleanupState.DELETED);
                            assertThat(fake.workspace(cleanup.workspaceId())).isEmpty();
                        });
                assertThat(fake.workspaces())
                        .extracting(Workspace::resourceGroupId)
                        .contains(SECOND_RESOURCE_GROUP);
                assertThat(fake.defaultWorkspace())
                        .map(Workspace::workspaceId)
                        .hasValueSatisfying(id -> assertThat(result.resources())
                                .contains(new CreatedResource(
                                        CreatedResource.Kind.DEFAULT_WORKSPACE, id, "", "default workspace setup")));
                assertThat(result.skipped())
                        .extracting(ContractResult.Check::name)
                        .isNotEmpty()
                        .allSatisfy(name -> assertThat(name).contains("without a default workspace"));
            }
        }

        assertThat(result.failures()).as("failed checks").isEmpty();
        assertThat(result.checks()).hasSizeGreaterThan(80);
    }

    @Test
    void aRunWithAllowCreateLeavesNoWorkspaceBehindAndSaysSo() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            fake.addUser(ALICE, "alice");
            List<User> users = fake.users(fake.account());

            ContractResult result =
                    ContractSuite.run(against(fake, true).withResourceGroup(SECOND_RESOURCE_GROUP), null, QUIET);

            assertThat(result.failures()).isEmpty();
            assertThat(result.skipped())
                    .extracting(ContractResult.Check::name)
                    .noneMatch(name -> name.startsWith("member"));
            assertThat(result.created()).hasSizeGreaterThan(10);
            assertThat(result.cleanup())
                    .hasSameSizeAs(result.resources())
                    .extracting(ContractResult.Cleanup::state)
                    .containsOnly(ContractResult.CleanupState.DELETED);
            assertThat(result.notDeleted()).isEmpty();
            assertThat(fake.workspaces()).isEmpty();
            assertThat(fake.snapshot()).as("no workspace, so no member either").doesNotContain("\"Members\"");
            assertThat(fake.users(fake.account()))
                    .as("the account's users, which the run only reads")
                    .isEqualTo(users);
            assertThat(fake.requests(Operation.CreateMember))
                    .as("members the run added")
                    .isNotEmpty();
            assertThat(fake.requests(Operation.DeleteWorkspace))
                    .hasSizeGreaterThanOrEqualTo(result.created().size());
        }
    }

    @Test
    void anAccountWithoutAUserToAddHasTheChecksThatNeedOneSkippedWithTheReason() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ContractResult result = ContractSuite.run(against(fake, true), null, QUIET);

            assertThat(result.failures()).isEmpty();
            assertThat(result.checks())
                    .filteredOn(check -> check.name().startsWith("member lifecycle > ")
                            && (check.name().contains("then")
                                    || check.name().contains("filters")
                                    || check.name().contains("already")))
                    .hasSize(5)
                    .allSatisfy(check -> {
                        assertThat(check.outcome()).isEqualTo(ContractResult.Outcome.SKIPPED);
                        assertThat(check.message())
                                .contains(
                                        "ListWorkspaceUsers of workspace",
                                        "lists none but its owner",
                                        "fake.addUser(userId, userName)");
                    });
            assertThat(result.checks())
                    .filteredOn(check -> check.name().startsWith("member lifecycle > "))
                    .hasSize(9)
                    .filteredOn(ContractResult.Check::passed)
                    .hasSize(4);
            assertThat(result.checks())
                    .filteredOn(check -> check.name().startsWith("members > "))
                    .isNotEmpty()
                    .allMatch(ContractResult.Check::passed);
            assertThat(result.resources())
                    .as("the member checks' workspace, read through the run's own workspace")
                    .anyMatch(resource -> resource.check().equals(MemberSetup.CHECK));
            assertThat(fake.workspaces()).isEmpty();
        }
    }

    @Test
    void waitsForADeletionThatTakesEffectOnlyAfterSomeReads() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            fake.deleteAfterReads(3);

            ContractResult result = ContractSuite.run(against(fake, true).withCleanup(false), null, QUIET);

            assertThat(result.failures()).isEmpty();
            assertThat(result.checks())
                    .filteredOn(check -> check.name().contains("DeleteWorkspace then GetWorkspace"))
                    .extracting(ContractResult.Check::outcome)
                    .containsExactly(ContractResult.Outcome.PASSED);
            assertThat(fake.requests(Operation.GetWorkspace)).hasSizeGreaterThan(3);
        }
    }

    @Test
    void aDeletionThatNeverTakesEffectFailsTheDeleteCheckOnceTheTimeoutIsOver() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            fake.deleteAfter(Duration.ofDays(1));

            ContractResult result =
                    ContractSuite.run(against(fake, true).withDeletionTimeout(Duration.ofMillis(300)), null, QUIET);

            assertThat(result.failures())
                    .extracting(ContractResult.Check::name)
                    .singleElement()
                    .asString()
                    .contains("DeleteWorkspace then GetWorkspace");
            assertThat(result.failures().get(0).message())
                    .contains("after DeleteWorkspace answered, waiting up to PT0.3S");
        }
    }

    @Test
    void anAccountWithADefaultWorkspaceIsCheckedWithoutCreatingOne() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            String defaultId = fake.makeDefault(fake.addWorkspace(Workspace.builder("team_default")
                                    .description("d")
                                    .build())
                            .workspaceId())
                    .workspaceId();

            ContractResult result = ContractSuite.run(against(fake, false).withAllowCreateDefault(true), null, QUIET);

            assertThat(result.failures()).isEmpty();
            assertThat(result.checks())
                    .filteredOn(check -> check.name().startsWith("default workspace"))
                    .extracting(ContractResult.Check::name)
                    .filteredOn(name -> name.contains("GetDefaultWorkspace with Verbose=true")
                            || name.contains("IsDefault: true")
                            || name.contains("A second CreateDefaultWorkspace is refused"))
                    .hasSize(3);
            assertThat(result.skipped())
                    .extracting(ContractResult.Check::name)
                    .anyMatch(name -> name.contains("CreateDefaultWorkspace answers RequestId and WorkspaceId"));
            assertThat(fake.workspaces()).extracting(Workspace::workspaceId).containsExactly(defaultId);
            assertThat(result.resources()).isEmpty();
            assertThat(result.checks())
                    .filteredOn(check -> check.name().startsWith("members > "))
                    .hasSizeGreaterThan(10)
                    .allMatch(ContractResult.Check::passed);
            assertThat(fake.members(defaultId))
                    .as("the default workspace's members, read only")
                    .singleElement()
                    .extracting(member -> member.user().userId())
                    .isEqualTo(fake.account().accountId());
            assertThat(fake.requests())
                    .as("requests that would change something were all refused")
                    .filteredOn(request -> CHANGES_MEMBERS_OR_WORKSPACES.contains(request.operation()))
                    .isNotEmpty()
                    .allSatisfy(request -> assertThat(request.status())
                            .as("%s %s", request.method(), request.path())
                            .isBetween(400, 499));
        }
    }

    @Test
    void passesAgainstAStrictFakeWithTheSuitesOwnSignatures() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .accessKey("LTAI5tSuiteKey", "SuiteSecret")
                .build()
                .start()) {
            fake.addUser(ALICE, "alice");
            ContractResult result = ContractSuite.run(
                    new ContractConfig(
                            URI.create(fake.baseUrl()),
                            "cn-hangzhou",
                            "LTAI5tSuiteKey",
                            "SuiteSecret",
                            true,
                            true,
                            false,
                            SECOND_RESOURCE_GROUP,
                            null,
                            true),
                    null,
                    System.out);

            assertThat(result.failures()).isEmpty();
            assertThat(result.skipped())
                    .extracting(ContractResult.Check::name)
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(name).contains("without a default workspace"));
            assertThat(fake.workspaces()).isNotEmpty();
        }
    }

    @Test
    void aWrongSecretFailsAgainstAStrictFake() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder()
                .accessKey("LTAI5tSuiteKey", "SuiteSecret")
                .build()
                .start()) {
            ContractResult result = ContractSuite.run(
                    new ContractConfig(
                            URI.create(fake.baseUrl()), "cn-hangzhou", "LTAI5tSuiteKey", "wrong", true, true, true),
                    null,
                    QUIET);

            assertThat(result.passed()).isFalse();
            assertThat(fake.workspaces()).isEmpty();
        }
    }

    @Test
    void readOnlyRunsCreateNothingAndReportTheCreatingChecksSkipped() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ContractResult result = ContractSuite.run(against(fake, false), null, System.out);

            assertThat(result.passed()).isTrue();
            assertThat(result.checks())
                    .filteredOn(check -> check.name().startsWith("creating"))
                    .isNotEmpty()
                    .allSatisfy(check -> {
                        assertThat(check.outcome()).isEqualTo(ContractResult.Outcome.SKIPPED);
                        assertThat(check.message()).contains("--allow-create");
                    });
            assertThat(result.checks())
                    .filteredOn(check -> check.name().contains("without a default workspace is 404"))
                    .extracting(ContractResult.Check::outcome)
                    .containsExactly(ContractResult.Outcome.PASSED);
            assertThat(result.skipped())
                    .extracting(ContractResult.Check::message)
                    .anyMatch(reason -> reason.contains("--allow-create-default"));
            assertThat(result.checks())
                    .filteredOn(check -> check.name().startsWith("members > ") && !check.passed())
                    .isNotEmpty()
                    .allSatisfy(check -> {
                        assertThat(check.outcome()).isEqualTo(ContractResult.Outcome.SKIPPED);
                        assertThat(check.message()).contains("needs a workspace the run can read", "--allow-create");
                    });
            assertThat(result.checks())
                    .filteredOn(check -> check.name().contains("of an unknown WorkspaceId is 404"))
                    .hasSize(7)
                    .allMatch(ContractResult.Check::passed);
            assertThat(fake.workspaces()).isEmpty();
            assertThat(fake.defaultWorkspace()).isEmpty();
            assertThat(result.resources()).isEmpty();
            assertThat(result.cleanup()).isEmpty();
        }
    }

    @Test
    void twoRunsAtOnceInOneJvmKeepTheirResultsApart() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        AtomicInteger firstIds = new AtomicInteger(100_000);
        AtomicInteger secondIds = new AtomicInteger(200_000);
        try (PaiWorkspaceFake first = PaiWorkspaceFake.builder()
                        .idGenerator(() -> Integer.toString(firstIds.incrementAndGet()))
                        .build()
                        .start();
                PaiWorkspaceFake second = PaiWorkspaceFake.builder()
                        .idGenerator(() -> Integer.toString(secondIds.incrementAndGet()))
                        .build()
                        .start()) {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<ContractResult>> runs = List.of(first, second).stream()
                    .map(fake -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return ContractSuite.run(against(fake, true).withCleanup(false), null, QUIET);
                            },
                            threads))
                    .toList();
            start.countDown();
            ContractResult firstResult = runs.get(0).get(2, TimeUnit.MINUTES);
            ContractResult secondResult = runs.get(1).get(2, TimeUnit.MINUTES);

            assertThat(firstResult.failures()).isEmpty();
            assertThat(secondResult.failures()).isEmpty();
            assertThat(first.workspaces())
                    .extracting(Workspace::workspaceId)
                    .containsExactlyInAnyOrderElementsOf(notDeletedByChecks(firstResult));
            assertThat(second.workspaces())
                    .extracting(Workspace::workspaceId)
                    .containsExactlyInAnyOrderElementsOf(notDeletedByChecks(secondResult));
            assertThat(firstResult.checks()).hasSameSizeAs(secondResult.checks());
            assertThat(first.workspaces())
                    .extracting(Workspace::workspaceName)
                    .filteredOn(name -> name.startsWith(WorkspaceNames.PREFIX))
                    .isNotEmpty()
                    .doesNotContainAnyElementsOf(second.workspaces().stream()
                            .map(Workspace::workspaceName)
                            .toList());
        } finally {
            threads.shutdownNow();
        }
    }
}
