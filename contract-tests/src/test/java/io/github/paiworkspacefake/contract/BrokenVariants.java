package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import io.github.paiworkspacefake.server.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The harness of the broken variants: the whole suite run against the fake behind a {@link MutatingProxy} that breaks
 * one rule, the assertion that the suite caught it with the check named, and what every family's variants use to pick
 * and change exchanges.
 */
final class BrokenVariants {

    /** Where a broken variant's run prints: nowhere. */
    static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Whether the exchange is a request of this method to a path (its query aside) that matches the pattern. */
    static boolean is(MutatingProxy.Exchange exchange, String method, String pathPattern) {
        String path = exchange.pathAndQuery.replaceFirst("\\?.*", "");
        return exchange.method.equals(method) && path.matches(pathPattern);
    }

    /** A JSON object body. */
    static ObjectNode json(String body) {
        try {
            return (ObjectNode) JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers the requests {@code which} selects with 200 and a request id, without passing them to the fake. */
    static MutatingProxy.LocalAnswer acceptedButIgnored(Predicate<MutatingProxy.Exchange> which) {
        return request -> {
            if (!which.test(request)) {
                return null;
            }
            String requestId = UUID.randomUUID().toString();
            request.status = 200;
            request.responseBody = "{\"RequestId\":\"" + requestId + "\"}";
            request.responseHeaders.put("x-acs-request-id", requestId);
            return request;
        };
    }

    /** The request's path and query without the query parameter {@code name}. */
    static String withoutParameter(String pathAndQuery, String name) {
        int question = pathAndQuery.indexOf('?');
        if (question < 0) {
            return pathAndQuery;
        }
        String kept = Arrays.stream(pathAndQuery.substring(question + 1).split("&"))
                .filter(pair -> !pair.startsWith(name + "="))
                .collect(Collectors.joining("&"));
        return pathAndQuery.substring(0, question) + (kept.isEmpty() ? "" : "?" + kept);
    }
}
