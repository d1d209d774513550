package example;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;

/** JUnit and Surefire alone: no server, no extension; the gap between these bodies is theirs. */
class NoServerTest {

    private static int sum;

    @RepeatedTest(BodyTimes.TESTS)
    void noServer() {
        BodyTimes.bodyStarts();
        sum += "100001".length();
        BodyTimes.bodyEnds();
    }

    @AfterAll
    static void writeBodyTimes() {
        if (sum != 6 * BodyTimes.TESTS) {
            throw new AssertionError("not every test ran: " + sum);
        }
        BodyTimes.write(NoServerTest.class);
    }
}
