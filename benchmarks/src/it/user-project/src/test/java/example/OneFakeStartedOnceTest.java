package example;

import io.github.paiworkspacefake.server.PaiWorkspaceFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/** (b) The reference: one fake started once for the class, without the extension; each test adds its own workspace. */
class OneFakeStartedOnceTest {

    private static PaiWorkspaceFake fake;
    private static int next = 100001;

    @BeforeAll
    static void start() {
        fake = PaiWorkspaceFake.builder().build().start();
    }

    @RepeatedTest(BodyTimes.TESTS)
    void getWorkspace() {
        BodyTimes.bodyStarts();
        Requests.addAndGet(fake, String.valueOf(next++));
        BodyTimes.bodyEnds();
    }

    @AfterAll
    static void stop() {
        fake.close();
        BodyTimes.write(OneFakeStartedOnceTest.class);
    }
}
