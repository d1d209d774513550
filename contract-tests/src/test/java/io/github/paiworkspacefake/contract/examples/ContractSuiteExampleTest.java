package io.github.paiworkspacefake.contract.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.contract.ContractConfig;
import io.github.paiworkspacefake.contract.ContractResult;
import io.github.paiworkspacefake.contract.ContractSuite;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/contract-suite.md's example of running the suite from Java, run against a fake. */
class ContractSuiteExampleTest {

    @Test
    void runsTheSuiteFromJava() {
        try (PaiWorkspaceFake fake = PaiWorkspaceFake.builder().build().start()) {
            String url = fake.baseUrl();
            String region = fake.regionId();
            String accessKeyId = fake.accessKeyId();
            String secret = fake.accessKeySecret();
            Path reportDirOrNull = null;
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                ContractConfig config = new ContractConfig(
                                URI.create(url), region, accessKeyId, secret, /* allowCreate */ true)
                        .withAllowCreateDefault(
                                false) // the default; true only where setting up the default workspace is wanted
                        .withResourceGroup(
                                "rg-...") // optional: a second resource group for the ChangeResourceGroup check
                        .withDeletionTimeout(Duration.ofMinutes(2)) // the default
                        .withCleanup(true); // the default
                ContractResult result = ContractSuite.run(config, reportDirOrNull, System.out);
                result.passed(); // no check failed
                result.skipped(); // checks that did not apply, with the reason
                result.resources(); // every workspace the run created; result.notDeleted(): those cleanup could not
                // delete
                assertThat(result.passed()).as("%s", result.failures()).isTrue();
                assertThat(result.notDeleted()).isEmpty();
            } finally {
                System.setOut(out);
            }
        }
    }
}
