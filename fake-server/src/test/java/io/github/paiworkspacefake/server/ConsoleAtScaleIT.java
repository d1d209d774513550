package io.github.paiworkspacefake.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.browser.ConsolePage;
import io.github.paiworkspacefake.testsupport.browser.HeadlessChromium;
import io.github.paiworkspacefake.testsupport.browser.RequiresBrowser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console with 100,000 workspaces, 100,000 datasets and a full journal (10,000 requests) stays usable: each view
 * shows a page, not everything, pages on, filters, and every refresh it makes is answered quickly.
 */
@RequiresBrowser
class ConsoleAtScaleIT {

    private static final int STORED = 100_000;

    @TempDir
    static Path downloads;

    private static PaiWorkspaceFake fake;
    private static HeadlessChromium browser;
    private static ConsolePage console;

    @BeforeAll
    static void fill() {
        fake = PaiWorkspaceFake.builder().adminApi(true).build().start();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < STORED; i++) {
            ids.add(fake.addWorkspace(Workspace.builder("bulk_" + i).build()).workspaceId());
        }
        StringBuilder seed = new StringBuilder("{\"workspaces\":[],\"resources\":[");
        for (int i = 0; i < STORED; i++) {
            seed.append(i == 0 ? "" : ",")
                    .append("{\"Type\":\"Dataset\",\"Id\":\"d-bulk")
                    .append(i)
                    .append("\",\"WorkspaceId\":\"")
                    .append(ids.get(i % 100))
                    .append("\",\"Fields\":{\"Name\":\"data_")
                    .append(i)
                    .append("\",\"DataType\":\"PIC\"}}");
        }
        fake.load(seed.append("]}").toString());
        ApiClient api = new ApiClient(fake.baseUrl());
        for (int i = 0; i < 10_050; i++) {
            api.get("/api/v1/workspaces/" + ids.get(i % ids.size()));
        }
        browser = HeadlessChromium.start(downloads);
        console = new ConsolePage(browser.driver(), fake.baseUrl() + "/__admin/console");
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            fake.close();
        }
    }

    @Test
    void theStateViewShowsAPageOfAHundredThousandAndPagesAndFilters() {
        console.open("state").awaitCount("Workspace", "100,000").awaitCount("Dataset", "100,000");

        console.await(d -> console.statePager().contains("1–50 of 100,000") ? true : null);
        assertThat(console.statePager()).contains("page 1 of 2,000");
        assertThat(console.itemIds())
                .hasSize(50)
                .startsWith(fake.workspaces().get(STORED - 1).workspaceId());
        console.nextItems();
        console.await(d -> console.statePager().contains("51–100 of 100,000") ? true : null);
        console.filterItems("bulk_99999");
        console.await(d -> console.statePager().startsWith("1–1 of 1\n") ? true : null);
        assertThat(console.itemIds()).hasSize(1);

        console.kind("Dataset");
        console.await(d -> console.statePager().contains("1–50 of 100,000") ? true : null);
        assertThat(console.itemIds()).hasSize(50).first().isEqualTo("d-bulk99999");
        browser.screenshot(Path.of("target", "console-screenshots", "at-scale-state.png"));
        assertThat(console.reloaded()).isFalse();
    }

    @Test
    void theRequestsViewShowsTheNewestHundredOfAFullJournalAndPagesBack() {
        console.open("requests");
        console.await(d -> console.pageText().contains("10,000 matching of 10,000 kept") ? true : null);
        assertThat(console.requestSequences()).hasSize(100).first().isEqualTo("10050");

        browser.driver()
                .findElement(org.openqa.selenium.By.xpath("//button[text()='Older ›']"))
                .click();
        console.await(d -> console.requestSequences().get(0).equals("9950") ? true : null);
        assertThat(console.requestSequences()).hasSize(100);
        browser.screenshot(Path.of("target", "console-screenshots", "at-scale-requests.png"));
    }

    @Test
    void everyRefreshTheConsoleMakesIsAnsweredWellWithinItsSecond() {
        ApiClient api = new ApiClient(fake.baseUrl());
        for (String refresh : List.of(
                "/__admin/state",
                "/__admin/state/Workspace?page=1&pageSize=50",
                "/__admin/state/Workspace?page=2000&pageSize=50",
                "/__admin/state/Member?page=1&pageSize=50",
                "/__admin/state/Dataset?page=1&pageSize=50&filter=data_77",
                "/__admin/requests?order=newest&limit=100&summary=true",
                "/__admin/requests?order=newest&limit=100&summary=true&text=100077")) {
            List<Duration> times = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                long started = System.nanoTime();
                ApiClient.Reply reply = api.get(refresh);
                times.add(Duration.ofNanos(System.nanoTime() - started));
                assertThat(reply.status()).as(refresh).isEqualTo(200);
            }
            Duration median = times.stream().sorted().toList().get(2);

            assertThat(median)
                    .as(refresh + ": median of 5 rounds " + median.toMillis() + " ms (" + times + ")")
                    .isLessThan(Duration.ofSeconds(1));
        }
    }
}
