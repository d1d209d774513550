package io.github.paiworkspacefake.contract;

import java.util.List;

/**
 * The outcome of a contract run.
 *
 * @param checks  every check that ran, in order
 * @param created the WorkspaceIds that creating checks made
 */
public record ContractResult(List<Check> checks, List<String> created) {

    /**
     * One check.
     *
     * @param name    its readable name, such as {@code read-only > GetWorkspace: an unknown WorkspaceId is 404 ...}
     * @param passed  whether it passed
     * @param failure the failure message, or null
     */
    public record Check(String name, boolean passed, String failure) {
    }

    /** Copies the lists. */
    public ContractResult {
        checks = List.copyOf(checks);
        created = List.copyOf(created);
    }

    /** True when at least one check ran and none failed. */
    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    /** The checks that failed. */
    public List<Check> failures() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }
}
