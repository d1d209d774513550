package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The probe behind {@link RequiresDocker} against the real engine: it answers in seconds, and where Testcontainers
 * would have to wait for its helper image it says so and what to set.
 */
@RequiresDocker
class DockerProbeIT {

    @Test
    void insideAContainerWithoutAHostOverrideItAnswersInSecondsAndNamesTheRemedy() {
        Instant start = Instant.now();

        DockerProbe.Result result = DockerProbe.probe(Map.<String, String>of()::get, true);

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
        if (result.outcome() == DockerProbe.Outcome.UNUSABLE) {
            // this project's machines: an engine whose bridge network names no gateway, and no registry
            assertThat(result.reason())
                    .contains("TESTCONTAINERS_HOST_OVERRIDE")
                    .contains(DockerProbe.HELPER_IMAGE.asCanonicalNameString())
                    .contains("docs/container.md");
        } else {
            assertThat(result.outcome()).isEqualTo(DockerProbe.Outcome.READY);
        }
    }

    @Test
    void aHostOverrideIsTakenAsGiven() {
        DockerProbe.Result result = DockerProbe.probe(Map.of("TESTCONTAINERS_HOST_OVERRIDE", "localhost")::get, true);

        assertThat(result.outcome()).isEqualTo(DockerProbe.Outcome.READY);
        assertThat(result.reason()).contains("localhost");
    }

    @Test
    void outsideAContainerTestcontainersNeedsNoHelper() {
        assertThat(DockerProbe.probe(Map.<String, String>of()::get, false).outcome())
                .isEqualTo(DockerProbe.Outcome.READY);
    }
}
