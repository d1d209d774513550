package io.github.paiworkspacefake.server;

import io.github.paiworkspacefake.testsupport.browser.ConsoleScenario;
import io.github.paiworkspacefake.testsupport.browser.HeadlessChromium;
import io.github.paiworkspacefake.testsupport.browser.RequiresBrowser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin console of the standalone jar ({@code java -jar ... --admin}, strict signatures) in headless Chromium,
 * while the official SDK's runtime works on the fake: what the SDK makes appears without a reload, faults injected
 * in the console reach the SDK, reset and snapshots work from the console. Screenshots of the three views are kept in
 * {@code target/console-screenshots}.
 */
@RequiresBrowser
class ConsoleInBrowserIT {

    private static final String KEY_ID = "LTAI5tConsoleJarKey";
    private static final String SECRET = "ConsoleJarSecret0123456789";

    @TempDir
    static Path downloads;

    private static RunningJar jar;
    private static HeadlessChromium browser;
    private static ConsoleScenario scenario;

    @BeforeAll
    static void start() throws Exception {
        jar = new RunningJar("--port", "0", "--admin", "--access-key", KEY_ID + ":" + SECRET);
        String baseUrl = jar.awaitLine(RunningJar.LISTENING).group(1);
        browser = HeadlessChromium.start(downloads);
        scenario = new ConsoleScenario(
                browser,
                baseUrl,
                baseUrl.substring("http://".length()),
                KEY_ID,
                SECRET,
                Path.of("target", "console-screenshots"),
                "standalone");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            jar.close();
        }
    }

    @Test
    void whatTheSdkMakesAppearsWithoutAReload() throws Exception {
        scenario.clientChangesAppearWithoutReload();
    }

    @Test
    void faultsInjectedInTheConsoleReachTheSdk() throws Exception {
        scenario.faultsInjectedInTheConsoleReachTheClient();
    }

    @Test
    void statusAndDefaultSetInTheConsoleAreWhatTheSdkReads() throws Exception {
        scenario.workspacesSteeredInTheConsole();
    }

    @Test
    void resetAndSnapshotsWorkFromTheConsole() throws Exception {
        scenario.snapshotsAndResetFromTheConsole(downloads);
    }

    @Test
    void markupClientsSendIsShownAsTextAndNeverRun() throws Exception {
        scenario.whatClientsSendIsShownAsTextNeverRun();
    }

    @Test
    void requestsThatReachNoOperationAreListedWithWhy() {
        scenario.requestsThatReachNoOperationShowWhy();
    }
}
