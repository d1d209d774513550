package io.github.paiworkspacefake.benchmarks.pertest;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.junit.WithFakePaiWorkspace;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import org.junit.jupiter.api.RepeatedTest;

/**
 * For the notes, not the table: {@code @WithFakePaiWorkspace} whose tests send no request, so no connection is
 * opened and reset; what is left between bodies is the fake's start and close through the extension.
 */
@WithFakePaiWorkspace
class FakeWithoutRequestTest {

    @RepeatedTest(BodyTimes.TESTS)
    void noRequest(PaiWorkspaceFake fake) {
        BodyTimes.bodyStarts();
        assertThat(fake.baseUrl()).startsWith("http://127.0.0.1:");
        BodyTimes.bodyEnds();
    }
}
