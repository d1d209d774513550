package io.github.paiworkspacefake.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs example test classes through JUnit's TestKit, as JUnit tests its own extensions. */
final class ExampleRuns {

    /** Four tests at once, each on its own thread, whatever the machine's core count. */
    static final Map<String, String> FOUR_IN_PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    private ExampleRuns() {}

    /** The test events of running one example class with these configuration parameters. */
    static Events tests(Class<?> example, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .selectors(selectClass(example))
                .execute()
                .testEvents();
    }

    /** The container events (classes, engine) of running one example class. */
    static Events containers(Class<?> example) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(example))
                .execute()
                .containerEvents();
    }
}
