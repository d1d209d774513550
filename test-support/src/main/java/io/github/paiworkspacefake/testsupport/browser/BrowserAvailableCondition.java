package io.github.paiworkspacefake.testsupport.browser;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link RequiresBrowser}. */
public final class BrowserAvailableCondition implements ExecutionCondition {

    private final Supplier<Optional<String>> missing;
    private final UnaryOperator<String> environment;

    public BrowserAvailableCondition() {
        this(HeadlessChromium::missing, System::getenv);
    }

    /** With where the browser is missing from and the environment given, for tests of the condition itself. */
    public BrowserAvailableCondition(Supplier<Optional<String>> missing, UnaryOperator<String> environment) {
        this.missing = missing;
        this.environment = environment;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> reason = missing.get();
        if (reason.isEmpty()) {
            return ConditionEvaluationResult.enabled("headless Chromium is installed");
        }
        if ("true".equalsIgnoreCase(environment.apply(HeadlessChromium.REQUIRE_VARIABLE))) {
            throw new IllegalStateException(reason.get() + ", but " + HeadlessChromium.REQUIRE_VARIABLE
                    + "=true requires the browser tests to run");
        }
        return ConditionEvaluationResult.disabled(
                reason.get() + "; set " + HeadlessChromium.REQUIRE_VARIABLE + "=true to make this a failure");
    }
}
