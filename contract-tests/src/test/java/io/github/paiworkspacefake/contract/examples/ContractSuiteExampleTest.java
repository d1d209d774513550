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
                // docs:begin java-api
                // allowCreate: the checks that create workspaces run too (the run deletes them afterwards)
                ContractConfig config = new ContractConfig(URI.create(url), region, accessKeyId, secret, true)
                        // the default; true only where setting up the default workspace is wanted
                        .withAllowCreateDefault(false)
                        // optional: a second resource group for the ChangeResourceGroup check
                        .withResourceGroup("rg-...")
                        .withDeletionTimeout(Duration.ofMinutes(2))
                        .withCleanup(true);
                ContractResult result = ContractSuite.run(config, reportDirOrNull, System.out);
                // passed(): no check failed; skipped(): checks that did not apply, with the reason;
                // resources(): every workspace the run created; notDeleted(): those cleanup could not delete
                // docs:end java-api
                assertThat(result.passed()).as("%s", result.failures()).isTrue();
                assertThat(result.notDeleted()).isEmpty();
            } finally {
                System.setOut(out);
            }
        }
    }
}
