package io.github.paiworkspacefake.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.TestAbortedException;

/**
 * The end of a run: one entry per resource the run created, in the summary and the JUnit XML. With cleanup on, each
 * workspace is deleted with DeleteWorkspace; one that cannot be deleted is reported skipped, with the answer, so the
 * summary can list it for deleting by hand. One a check already deleted (and saw gone) is reported deleted without a
 * second request, and so is one DeleteWorkspace no longer finds ({@code 404 100400027}). The account's default
 * workspace is always kept (an account setup), and so is a workspace a check asked to keep. The outcome of each entry
 * is also published as a report entry, which is how {@link ContractSuite} collects it.
 */
@ExtendWith(ContractParameters.class)
@DisplayName("cleanup")
@Order(Integer.MAX_VALUE)
public class RunCleanup {

    /** Report-entry keys. */
    static final String KIND = "pai.contract.resource.kind";

    static final String WORKSPACE_ID = "pai.contract.resource.workspaceId";
    static final String WORKSPACE_NAME = "pai.contract.resource.workspaceName";
    static final String CHECK = "pai.contract.resource.check";
    static final String STATE = "pai.contract.resource.cleanup";
    static final String DETAIL = "pai.contract.resource.detail";

    @TestFactory
    @DisplayName("resources this run created")
    Stream<DynamicTest> resourcesThisRunCreated(ContractRun run, TestReporter reporter) {
        return run.created().stream().map(resource -> {
            if (resource.kind() == CreatedResource.Kind.DEFAULT_WORKSPACE) {
                return DynamicTest.dynamicTest(
                        "keep " + resource.describe(),
                        () -> publish(
                                reporter,
                                resource,
                                ContractResult.CleanupState.KEPT,
                                "the default workspace is an account setup; the suite never deletes it"));
            }
            Optional<String> deletedBy = run.deletedByCheck(resource.workspaceId());
            if (deletedBy.isPresent()) {
                return DynamicTest.dynamicTest(
                        "deleted " + resource.describe(),
                        () -> publish(
                                reporter,
                                resource,
                                ContractResult.CleanupState.DELETED,
                                "deleted by the check " + deletedBy.get()));
            }
            Optional<String> keptBecause = run.keptBecause(resource.workspaceId());
            if (keptBecause.isPresent()) {
                return DynamicTest.dynamicTest(
                        "keep " + resource.describe(),
                        () -> publish(reporter, resource, ContractResult.CleanupState.KEPT, keptBecause.get()));
            }
            if (!run.config().cleanup()) {
                return DynamicTest.dynamicTest(
                        "keep " + resource.describe(),
                        () -> publish(reporter, resource, ContractResult.CleanupState.KEPT, "cleanup is off"));
            }
            return DynamicTest.dynamicTest(
                    "DeleteWorkspace " + resource.describe(), () -> delete(run.api(), reporter, resource));
        });
    }

    private static void delete(PaiWorkspaceApi api, TestReporter reporter, CreatedResource resource) {
        String failure;
        try {
            ApiResponse answer = api.deleteWorkspace(resource.workspaceId());
            if (answer.status() == 200
                    && ResponseSchemas.DELETE_WORKSPACE
                            .violations(answer.operation(), answer.body())
                            .isEmpty()) {
                publish(reporter, resource, ContractResult.CleanupState.DELETED, "");
                return;
            }
            if (isNotFound(answer)) {
                publish(reporter, resource, ContractResult.CleanupState.DELETED, "already gone: " + answer);
                return;
            }
            failure = answer.toString();
        } catch (RuntimeException e) {
            failure = "DeleteWorkspace failed: " + e.getMessage();
        }
        publish(reporter, resource, ContractResult.CleanupState.NOT_DELETED, failure);
        throw new TestAbortedException("not deleted, delete it by hand: " + failure);
    }

    private static boolean isNotFound(ApiResponse answer) {
        if (answer.status() != 404
                || !ResponseSchemas.ERROR
                        .violations(answer.operation(), answer.body())
                        .isEmpty()) {
            return false;
        }
        return answer.json().path("Code").asText().equals(ReadOnlyContractChecks.WORKSPACE_NOT_FOUND);
    }

    private static void publish(
            TestReporter reporter, CreatedResource resource, ContractResult.CleanupState state, String detail) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(KIND, resource.kind().name());
        entry.put(WORKSPACE_ID, resource.workspaceId());
        entry.put(WORKSPACE_NAME, resource.workspaceName());
        entry.put(CHECK, resource.check());
        entry.put(STATE, state.name());
        entry.put(DETAIL, detail);
        entry.values().removeIf(String::isBlank);
        reporter.publishEntry(entry);
    }
}
