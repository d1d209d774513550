package io.github.paiworkspacefake.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerAvailableConditionTest {

    @Test
    void runsContainerTestsWhenDockerIsAvailable() {
        DockerAvailableCondition condition = new DockerAvailableCondition(() -> true, name -> "true");

        assertThat(condition.evaluateExecutionCondition(null).isDisabled()).isFalse();
    }

    @Test
    void skipsContainerTestsWithoutDocker() {
        DockerAvailableCondition condition = new DockerAvailableCondition(() -> false, name -> null);

        assertThat(condition.evaluateExecutionCondition(null).isDisabled()).isTrue();
    }

    @Test
    void failsInsteadOfSkippingWhenDockerIsRequired() {
        Map<String, String> environment = Map.of(DockerAvailableCondition.REQUIRE_DOCKER_VARIABLE, "true");
        DockerAvailableCondition condition = new DockerAvailableCondition(() -> false, environment::get);

        assertThatThrownBy(() -> condition.evaluateExecutionCondition(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PAI_FAKE_REQUIRE_DOCKER=true");
    }
}
