package io.github.paiworkspacefake.junit;

import io.github.paiworkspacefake.testsupport.browser.ConsoleScenario;
import io.github.paiworkspacefake.testsupport.browser.HeadlessChromium;
import io.github.paiworkspacefake.testsupport.browser.RequiresBrowser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The admin console of the fake in a container ({@link PaiWorkspaceFakeContainer#withAdminApi()}, strict signatures),
 * opened in headless Chromium on the host at {@link PaiWorkspaceFakeContainer#getConsoleUrl()}, while the official
 * SDK's runtime works on the fake: what the SDK makes appears without a reload, faults injected in the console reach
 * the SDK, reset and snapshots work from the console. Screenshots in {@code target/console-screenshots}.
 */
@RequiresDocker
@RequiresBrowser
@Testcontainers
class ConsoleInBrowserContainerIT {

    private static final String KEY_ID = "LTAI5tConsoleBoxKey";
    private static final String SECRET = "ConsoleBoxSecret0123456789";

    @Container
    static final PaiWorkspaceFakeContainer FAKE =
            new PaiWorkspaceFakeContainer().withAdminApi().withAccessKey(KEY_ID, SECRET);

    @TempDir
    static Path downloads;

    private static HeadlessChromium browser;
    private static ConsoleScenario scenario;

    @BeforeAll
    static void openBrowser() {
        browser = HeadlessChromium.start(downloads);
        scenario = new ConsoleScenario(
                browser,
                FAKE.getBaseUrl(),
                FAKE.getEndpoint(),
                KEY_ID,
                SECRET,
                Path.of("target", "console-screenshots"),
                "container");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theConsoleIsWhereTheContainerSaysItIs() {
        browser.driver().get(FAKE.getConsoleUrl());
        scenario.console().await(d -> d.getTitle().equals("PAI Workspace fake · console") ? true : null);
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
}
