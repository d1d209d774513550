package io.github.paiworkspacefake.junit;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link RequiresDocker}. */
class DockerAvailableCondition implements ExecutionCondition {

    static final String REQUIRE_DOCKER_VARIABLE = "PAI_FAKE_REQUIRE_DOCKER";

    private final Supplier<DockerProbe.Result> docker;
    private final UnaryOperator<String> environment;

    DockerAvailableCondition() {
        this(DockerProbe::result, System::getenv);
    }

    DockerAvailableCondition(Supplier<DockerProbe.Result> docker, UnaryOperator<String> environment) {
        this.docker = docker;
        this.environment = environment;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        DockerProbe.Result docker = this.docker.get();
        switch (docker.outcome()) {
            case READY:
                return ConditionEvaluationResult.enabled(docker.reason());
            case NO_ENGINE:
                if ("true".equalsIgnoreCase(environment.apply(REQUIRE_DOCKER_VARIABLE))) {
                    throw new IllegalStateException(docker.reason() + ", but " + REQUIRE_DOCKER_VARIABLE
                            + "=true requires the container tests to run");
                }
                return ConditionEvaluationResult.disabled(
                        docker.reason() + "; set " + REQUIRE_DOCKER_VARIABLE + "=true to make this a failure");
            case UNUSABLE:
            default:
                // An engine answers but cannot serve these tests: a failure now, not a skip and not a wait.
                throw new IllegalStateException(docker.reason());
        }
    }
}
