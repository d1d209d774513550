package example;

import io.github.paiworkspacefake.junit.FakeLifecycle;
import io.github.paiworkspacefake.junit.WithFakePaiWorkspace;
import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;

/** (b') The other reference: one fake for the class through the extension, reset before each test and injected. */
@WithFakePaiWorkspace(lifecycle = FakeLifecycle.PER_CLASS)
class FakePerClassTest {

    @RepeatedTest(BodyTimes.TESTS)
    void getWorkspace(PaiWorkspaceFake fake) {
        BodyTimes.bodyStarts();
        Requests.addAndGet(fake, "100001");
        BodyTimes.bodyEnds();
    }

    @AfterAll
    static void writeBodyTimes() {
        BodyTimes.write(FakePerClassTest.class);
    }
}
