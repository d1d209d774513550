package example;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The user's own JUnit version is the one that runs: our artifacts impose none. */
class JUnitVersionTest {

    @Test
    void theProjectsJupiterVersionRuns() {
        assertThat(Test.class.getPackage().getImplementationVersion())
                .isEqualTo(System.getProperty("expected.jupiter.version"));
    }

    @Test
    void theProjectsPlatformVersionRuns() {
        assertThat(org.junit.platform.engine.TestEngine.class.getPackage().getImplementationVersion())
                .isEqualTo(System.getProperty("expected.platform.version"));
    }
}
