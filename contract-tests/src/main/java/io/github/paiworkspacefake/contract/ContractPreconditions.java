package io.github.paiworkspacefake.contract;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips, with the reason, the checks a run may not or cannot do: checks that create workspaces without
 * {@code --allow-create}, the resource-group move without {@code --resource-group}, the default-workspace switch
 * without {@code --allow-create-default}, checks about a default workspace the account does not have (or has), and member
 * checks without a workspace to read or a user to add (see {@link MemberSetup}). Skipped checks
 * stay in the summary and the JUnit XML; nothing is filtered out silently.
 */
final class ContractPreconditions implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("conditions apply to checks, not to their classes");
        }
        ContractRun run = ContractRun.of(context);
        if (context.getTags().contains(CreatingContractChecks.TAG)
                && !run.config().allowCreate()) {
            return ConditionEvaluationResult.disabled("creates workspaces: run with --allow-create (-D"
                    + ContractConfig.ALLOW_CREATE + "=true) to include it");
        }
        if (context.getTags().contains(LifecycleContractChecks.MOVES_RESOURCE_GROUP_TAG)
                && !run.config().hasResourceGroup()) {
            return ConditionEvaluationResult.disabled(
                    "needs a second resource group of the account to move a workspace to: run with "
                            + "--resource-group RG (-D" + ContractConfig.RESOURCE_GROUP
                            + "=RG); a real account refuses an arbitrary id");
        }
        if (context.getTags().contains(LifecycleContractChecks.CHANGES_DEFAULT_TAG)
                && !run.config().allowCreateDefault()) {
            return ConditionEvaluationResult.disabled(
                    "switches the account's default workspace (an account setting) and back: run "
                            + "with --allow-create-default (-D" + ContractConfig.ALLOW_CREATE_DEFAULT
                            + "=true) to include it");
        }
        Optional<WhenDefaultWorkspace> needed =
                AnnotationSupport.findAnnotation(context.getTestMethod(), WhenDefaultWorkspace.class);
        if (needed.isPresent()) {
            ConditionEvaluationResult result = defaultWorkspace(needed.get().value(), run.defaultWorkspace());
            if (result.isDisabled()) {
                return result;
            }
        }
        return AnnotationSupport.findAnnotation(context.getTestMethod(), WhenMemberSetup.class)
                .map(annotation -> members(annotation.value(), run.members()))
                .orElse(ConditionEvaluationResult.enabled("no precondition"));
    }

    private static ConditionEvaluationResult members(WhenMemberSetup.Requirement needed, MemberSetup setup) {
        MemberSetup.Lookup<?> lookup = switch (needed) {
            case READABLE_WORKSPACE -> setup.readableWorkspace();
            case ADDABLE_USER -> setup.addableUser();
        };
        return lookup.skips()
                ? ConditionEvaluationResult.disabled(lookup.unavailable())
                : ConditionEvaluationResult.enabled(
                        "the run has what the check needs (or finding it failed, and the check says why)");
    }

    private static ConditionEvaluationResult defaultWorkspace(
            WhenDefaultWorkspace.Situation needed, DefaultWorkspaceSetup setup) {
        String noDefault = "the account has no default workspace; --allow-create-default (-D"
                + ContractConfig.ALLOW_CREATE_DEFAULT + "=true) creates one, an account setup that cannot be undone";
        return switch (needed) {
            case PRESENT ->
                setup.state() == DefaultWorkspaceSetup.State.ABSENT
                        ? ConditionEvaluationResult.disabled(noDefault)
                        : ConditionEvaluationResult.enabled(
                                "the account has a default workspace (or setting it up failed)");
            case ABSENT ->
                switch (setup.state()) {
                    case ABSENT -> ConditionEvaluationResult.enabled("the account has no default workspace");
                    case FAILED ->
                        ConditionEvaluationResult.disabled(
                                "setting up the default workspace failed; the checks that need it say why");
                    default -> ConditionEvaluationResult.disabled("the account has a default workspace");
                };
            case CREATED_BY_RUN ->
                setup.creation() != null
                        ? ConditionEvaluationResult.enabled("this run called CreateDefaultWorkspace")
                        : ConditionEvaluationResult.disabled(
                                setup.state() == DefaultWorkspaceSetup.State.ABSENT
                                        ? noDefault
                                        : "the account already had a default workspace, so this run did not create one");
        };
    }
}
