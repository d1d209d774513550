package io.github.paiworkspacefake.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The whole suite, creating checks included, against this project's fake; or against the implementation named by
 * {@code -Dpai.contract.endpoint=URL} (creating checks then only with {@code -Dpai.contract.allowCreate=true}).
 */
class ContractSuiteAgainstFakeTest {

    @Test
    void theImplementationPassesEveryCheck() {
        String endpoint = System.getProperty(ContractConfig.ENDPOINT);
        ContractResult result;
        if (endpoint != null && !endpoint.isBlank()) {
            result = ContractSuite.run(ContractConfig.from(System::getProperty), null, System.out);
        } else {
            try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
                result = ContractSuite.run(new ContractConfig(URI.create(fake.baseUrl()), "cn-hangzhou", "ak", "sk", true),
                        null, System.out);
                assertThat(fake.workspaces()).extracting(w -> w.workspaceId()).containsExactlyInAnyOrderElementsOf(result.created());
            }
        }

        assertThat(result.failures()).as("failed checks").isEmpty();
        assertThat(result.checks()).hasSizeGreaterThan(20);
    }

    @Test
    void passesAgainstAStrictFakeWithTheSuitesOwnSignatures() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().accessKey("LTAI5tSuiteKey", "SuiteSecret").build().start()) {
            ContractResult result = ContractSuite.run(
                    new ContractConfig(URI.create(fake.baseUrl()), "cn-hangzhou", "LTAI5tSuiteKey", "SuiteSecret", true), null, System.out);

            assertThat(result.failures()).isEmpty();
            assertThat(fake.workspaces()).isNotEmpty();
        }
    }

    @Test
    void aWrongSecretFailsAgainstAStrictFake() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().accessKey("LTAI5tSuiteKey", "SuiteSecret").build().start()) {
            ContractResult result = ContractSuite.run(
                    new ContractConfig(URI.create(fake.baseUrl()), "cn-hangzhou", "LTAI5tSuiteKey", "wrong", true), null,
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

            assertThat(result.passed()).isFalse();
            assertThat(fake.workspaces()).isEmpty();
        }
    }

    @Test
    void readOnlyRunsCreateNothing() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            ContractResult result = ContractSuite.run(
                    new ContractConfig(URI.create(fake.baseUrl()), "cn-hangzhou", "ak", "sk", false), null, System.out);

            assertThat(result.passed()).isTrue();
            assertThat(result.checks()).noneMatch(check -> check.name().startsWith("creating"));
            assertThat(fake.workspaces()).isEmpty();
            assertThat(result.created()).isEmpty();
        }
    }
}
