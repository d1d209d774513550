package io.github.paiworkspacefake.contract;

import java.util.List;

/**
 * The outcome of a contract run: every check with its outcome, every resource the run created, and what became of
 * each at cleanup.
 *
 * @param checks    every check, in order, passed, failed or skipped
 * @param resources the workspaces the run created, in order
 * @param cleanup   what cleanup did with each created resource (empty when nothing was created)
 */
public record ContractResult(List<Check> checks, List<CreatedResource> resources, List<Cleanup> cleanup) {

    /** How a check ended. */
    public enum Outcome {
        /** It ran and every assertion held. */
        PASSED,
        /** It ran and an assertion failed, or it could not run. */
        FAILED,
        /** It did not apply to this run (the message says why: a flag not given, no default workspace, ...). */
        SKIPPED
    }

    /**
     * One check.
     *
     * @param name    its readable name, such as {@code read-only > GetWorkspace: an unknown WorkspaceId is 404 ...}
     * @param outcome passed, failed or skipped
     * @param message the failure message or the reason it was skipped; null when it passed
     */
    public record Check(String name, Outcome outcome, String message) {

        /** True when the check ran and passed. */
        public boolean passed() {
            return outcome == Outcome.PASSED;
        }

        /** The failure message when the check failed, otherwise null. */
        public String failure() {
            return outcome == Outcome.FAILED ? message : null;
        }
    }

    /** What cleanup did with a created resource. */
    public enum CleanupState {
        /** DeleteWorkspace succeeded. */
        DELETED,
        /** DeleteWorkspace was tried and did not succeed: the resource is probably still there. */
        NOT_DELETED,
        /** Left in place on purpose: cleanup was off, or it is the account's default workspace. */
        KEPT
    }

    /**
     * The cleanup of one created resource.
     *
     * @param workspaceId the resource's WorkspaceId
     * @param state       deleted, not deleted or kept
     * @param detail      why it was kept or why deleting it failed; empty when deleted
     */
    public record Cleanup(String workspaceId, CleanupState state, String detail) {}

    /** Copies the lists. */
    public ContractResult {
        checks = List.copyOf(checks);
        resources = List.copyOf(resources);
        cleanup = List.copyOf(cleanup);
    }

    /** True when at least one check passed and none failed; skipped checks and cleanup do not count. */
    public boolean passed() {
        return checks.stream().anyMatch(Check::passed) && failures().isEmpty();
    }

    /** The checks that failed. */
    public List<Check> failures() {
        return checks.stream()
                .filter(check -> check.outcome() == Outcome.FAILED)
                .toList();
    }

    /** The checks that were skipped, each with its reason. */
    public List<Check> skipped() {
        return checks.stream()
                .filter(check -> check.outcome() == Outcome.SKIPPED)
                .toList();
    }

    /** The WorkspaceIds of every resource the run created. */
    public List<String> created() {
        return resources.stream().map(CreatedResource::workspaceId).toList();
    }

    /** The cleanups that failed: resources the run created, tried to delete and probably left behind. */
    public List<Cleanup> notDeleted() {
        return cleanup.stream()
                .filter(entry -> entry.state() == CleanupState.NOT_DELETED)
                .toList();
    }
}
