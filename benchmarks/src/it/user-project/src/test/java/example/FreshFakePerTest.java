package example;

import io.github.paiworkspacefake.junit.WithFakePaiWorkspace;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;

/** (a) The default lifecycle: every test gets a fresh fake, injected. */
@WithFakePaiWorkspace
class FreshFakePerTest {

    @RepeatedTest(BodyTimes.TESTS)
    void getWorkspace(PaiWorkspaceFake fake) {
        BodyTimes.bodyStarts();
        Requests.addAndGet(fake, "100001");
        BodyTimes.bodyEnds();
    }

    @AfterAll
    static void writeBodyTimes() {
        BodyTimes.write(FreshFakePerTest.class);
    }
}
