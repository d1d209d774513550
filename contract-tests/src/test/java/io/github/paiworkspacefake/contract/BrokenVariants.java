package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The harness of the broken variants: the whole suite run against the fake behind a {@link MutatingProxy} that breaks
 * one rule, and the assertion that the suite caught it with the check named.
 */
final class BrokenVariants {

    /** Where a broken variant's run prints: nowhere. */
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private BrokenVariants() {}

    /** The account the suite meets, and whether it may create the default workspace. */
    enum Account {
        /** The account has a default workspace. */
        WITH_DEFAULT(true, false),
        /** The account has none, and the suite may create it. */
        FRESH_CREATING_DEFAULT(false, true),
        /** The account has none, and the suite may not create it. */
        FRESH(false, false),
        /** The account has one, and the suite may create one (it need not). */
        WITH_DEFAULT_CREATING_DEFAULT(true, true);

        final boolean hasDefault;
        final boolean allowCreateDefault;

        Account(boolean hasDefault, boolean allowCreateDefault) {
            this.hasDefault = hasDefault;
            this.allowCreateDefault = allowCreateDefault;
        }
    }

    /** A run against a broken variant: the suite's result and how many exchanges the proxy altered. */
    record Broken(ContractResult result, int alterations) {}

    static Broken run(
            Account account,
            UnaryOperator<MutatingProxy.Exchange> onRequest,
            UnaryOperator<MutatingProxy.Exchange> onResponse)
            throws IOException {
        return run(account, onRequest, request -> null, onResponse);
    }

    /**
     * A run with every check included (the resource-group move too) against a broken variant; a deletion may take
     * half a second to show, so that a variant that never deletes fails the delete check quickly.
     */
    static Broken run(
            Account account,
            UnaryOperator<MutatingProxy.Exchange> onRequest,
            MutatingProxy.LocalAnswer local,
            UnaryOperator<MutatingProxy.Exchange> onResponse)
            throws IOException {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start();
                MutatingProxy proxy = new MutatingProxy(fake.baseUrl(), onRequest, local, onResponse)) {
            fake.addUser(ContractSuiteAgainstFakeTest.ALICE, "alice");
            if (account.hasDefault) {
                fake.makeDefault(fake.addWorkspace(
                                Workspace.builder("default_ws").description("d").build())
                        .workspaceId());
            }
            ContractConfig config = new ContractConfig(URI.create(proxy.baseUrl()), "cn-hangzhou", "ak", "sk", true)
                    .withAllowCreateDefault(account.allowCreateDefault)
                    .withResourceGroup(ContractSuiteAgainstFakeTest.SECOND_RESOURCE_GROUP)
                    .withDeletionTimeout(Duration.ofMillis(500));
            ContractResult result = ContractSuite.run(config, null, QUIET);
            return new Broken(result, proxy.alterations());
        }
    }

    static Broken responsesAltered(UnaryOperator<MutatingProxy.Exchange> onResponse) throws IOException {
        return run(Account.WITH_DEFAULT, UnaryOperator.identity(), onResponse);
    }

    static void assertCaught(Broken broken, String failingCheck) {
        assertThat(broken.alterations())
                .as("exchanges the broken variant altered")
                .isPositive();
        assertThat(broken.result().passed()).as("the run passed").isFalse();
        assertThat(broken.result().failures())
                .extracting(ContractResult.Check::name)
                .as("failed checks")
                .anyMatch(name -> name.contains(failingCheck));
    }
}
