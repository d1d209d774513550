package io.github.paiworkspacefake.junit;

import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/** The condition behind {@link RequiresDocker}. */
class DockerAvailableCondition implements ExecutionCondition {

    static final String REQUIRE_DOCKER_VARIABLE = "PAI_FAKE_REQUIRE_DOCKER";

    private final BooleanSupplier dockerAvailable;
    private final UnaryOperator<String> environment;

    DockerAvailableCondition() {
        this(() -> DockerClientFactory.instance().isDockerAvailable(), System::getenv);
    }

    DockerAvailableCondition(BooleanSupplier dockerAvailable, UnaryOperator<String> environment) {
        this.dockerAvailable = dockerAvailable;
        this.environment = environment;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (dockerAvailable.getAsBoolean()) {
            return ConditionEvaluationResult.enabled("a Docker engine is available");
        }
        if ("true".equalsIgnoreCase(environment.apply(REQUIRE_DOCKER_VARIABLE))) {
            throw new IllegalStateException("No Docker engine is available, but " + REQUIRE_DOCKER_VARIABLE
                    + "=true requires the container tests to run");
        }
        return ConditionEvaluationResult.disabled(
                "No Docker engine is available; set " + REQUIRE_DOCKER_VARIABLE + "=true to make this a failure");
    }
}
