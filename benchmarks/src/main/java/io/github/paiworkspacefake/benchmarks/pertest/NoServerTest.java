package io.github.paiworkspacefake.benchmarks.pertest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;

/** The baseline: tests that start no server, so the gap between their bodies is JUnit's own. */
class NoServerTest {

    @RepeatedTest(BodyTimes.TESTS)
    void noServer() {
        BodyTimes.bodyStarts();
        assertThat(TestRequests.ANSWER).isNotEmpty();
        BodyTimes.bodyEnds();
    }
}
