package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerAvailableConditionTest {

    private static final Map<String, String> REQUIRED =
            Map.of(DockerAvailableCondition.REQUIRE_DOCKER_VARIABLE, "true");

    @Test
    void runsContainerTestsWhenDockerIsAvailable() {
        DockerAvailableCondition condition =
                new DockerAvailableCondition(() -> DockerProbe.Result.ready("Docker at unix:///x"), name -> "true");

        assertThat(condition.evaluateExecutionCondition(null).isDisabled()).isFalse();
    }

    @Test
    void skipsContainerTestsWithoutDocker() {
        DockerAvailableCondition condition = new DockerAvailableCondition(
                () -> DockerProbe.Result.noEngine("No Docker engine answers"), name -> null);

        assertThat(condition.evaluateExecutionCondition(null).isDisabled()).isTrue();
        assertThat(condition.evaluateExecutionCondition(null).getReason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("No Docker engine answers")
                        .contains("PAI_FAKE_REQUIRE_DOCKER=true"));
    }

    @Test
    void failsInsteadOfSkippingWhenDockerIsRequired() {
        DockerAvailableCondition condition = new DockerAvailableCondition(
                () -> DockerProbe.Result.noEngine("No Docker engine answers"), REQUIRED::get);

        assertThatThrownBy(() -> condition.evaluateExecutionCondition(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No Docker engine answers")
                .hasMessageContaining("PAI_FAKE_REQUIRE_DOCKER=true");
    }

    @Test
    void failsAtOnceWithTheReasonWhenAnEngineAnswersButCannotServeTheTests() {
        DockerProbe.Result unusable = DockerProbe.Result.unusable(
                "Testcontainers cannot learn the Docker host's address: set" + " TESTCONTAINERS_HOST_OVERRIDE");

        // required or not: an engine that answers is not a reason to skip
        for (Map<String, String> environment : java.util.List.of(Map.<String, String>of(), REQUIRED)) {
            DockerAvailableCondition condition = new DockerAvailableCondition(() -> unusable, environment::get);

            assertThatThrownBy(() -> condition.evaluateExecutionCondition(null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TESTCONTAINERS_HOST_OVERRIDE");
        }
    }
}
