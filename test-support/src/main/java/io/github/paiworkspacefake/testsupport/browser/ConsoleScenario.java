package io.github.paiworkspacefake.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.paiworkspacefake.testsupport.ApiClient;
import io.github.paiworkspacefake.testsupport.OfficialSdk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What a person does with the admin console, end to end, against any running fake whose admin API the browser may
 * use (the standalone jar, the container): a real client (the official SDK's runtime, signing with an AccessKey)
 * works on the fake while the console, open in headless Chromium, shows what it does and steers what it gets. The
 * console is never reloaded. Each step starts from a fake reset through the admin API, and leaves a screenshot of the
 * view it ends on in {@code screenshots} (named {@code <label>-<view>.png}).
 */
public final class ConsoleScenario {

    private final HeadlessChromium browser;
    private final ConsolePage console;
    private final ApiClient http;
    private final OfficialSdk sdk;
    private final String accessKeyId;
    private final String accessKeySecret;
    private final Path screenshots;
    private final String label;

    /**
     * @param baseUrl     the fake's address for plain HTTP, such as {@code http://localhost:32768}
     * @param endpoint    the same for the SDK, such as {@code localhost:32768}
     * @param screenshots where screenshots go
     * @param label       what the screenshots' names start with, such as {@code standalone}
     */
    public ConsoleScenario(
            HeadlessChromium browser,
            String baseUrl,
            String endpoint,
            String accessKeyId,
            String accessKeySecret,
            Path screenshots,
            String label) {
        this.browser = browser;
        this.console = new ConsolePage(browser.driver(), baseUrl + "/__admin/console");
        this.http = new ApiClient(baseUrl);
        this.sdk = new OfficialSdk(endpoint, accessKeyId, accessKeySecret);
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.screenshots = screenshots;
        this.label = label;
    }

    /** The console's page object, for checks of one's own. */
    public ConsolePage console() {
        return console;
    }

    private void fresh(String view) {
        assertThat(http.post("/__admin/reset", "{}").status()).isEqualTo(200);
        console.open(view);
    }

    private String createWorkspace(String name) throws Exception {
        return (String) OfficialSdk.body(sdk.createWorkspace(
                        Map.of("WorkspaceName", name, "Description", "made by the SDK", "EnvTypes", List.of("prod"))))
                .get("WorkspaceId");
    }

    private Map<String, Object> getWorkspace(String workspaceId) throws Exception {
        return OfficialSdk.body(sdk.getWorkspace(workspaceId, true));
    }

    /**
     * Workspaces, a default workspace and a member made with the SDK appear in the State view without a reload, each
     * item with the JSON GetWorkspace answers the SDK; the journal lists the calls newest first, signed with the key,
     * and shows a whole request and answer on a click; the key's secret appears nowhere.
     */
    public void clientChangesAppearWithoutReload() throws Exception {
        fresh("state");
        assertThat(console.count("Workspace")).isEqualTo("0");

        String first = createWorkspace("console_first");
        assertThat(console.awaitItem(first)).contains("console_first", "ENABLED");
        String defaultId = (String) OfficialSdk.body(sdk.createDefaultWorkspace(Map.of("Description", "d")))
                .get("WorkspaceId");
        assertThat(console.awaitItem(defaultId)).contains("default");
        http.post("/__admin/users", "{\"UserId\":\"210000000000000042\",\"UserName\":\"console_alice\"}");
        sdk.call(
                OfficialSdk.params("CreateMember", "POST", "/api/v1/workspaces/" + first + "/members"),
                new OpenApiRequest()
                        .setBody(Map.of(
                                "Members",
                                List.of(Map.of(
                                        "UserId", "210000000000000042", "Roles", List.of("PAI.AlgoDeveloper"))))));
        console.awaitCount("Workspace", "2").awaitCount("Member", "3").awaitCount("User", "2");

        Map<String, Object> answered = getWorkspace(first);
        JsonNode shown = ApiClient.JSON.readTree(console.itemJson(first));
        Map<String, Object> expected = new java.util.LinkedHashMap<>(answered);
        expected.remove("RequestId");
        assertThat(ApiClient.JSON.convertValue(shown, Map.class)).isEqualTo(expected);
        browser.screenshot(screenshots.resolve(label + "-state.png"));

        console.kind("Member");
        assertThat(console.awaitItem(first + "-210000000000000042")).contains("console_alice", "PAI.AlgoDeveloper");
        assertThat(console.reloaded())
                .as("the console updated itself without a reload")
                .isFalse();

        console.show("requests");
        String create = console.awaitRequest("CreateMember");
        assertThat(console.requestRow(create)).contains("POST /api/v1/workspaces/" + first + "/members", "200");
        assertThat(console.requestSequences().get(0))
                .as("newest first")
                .isEqualTo(console.awaitRequest("GetWorkspace"));
        String detail = console.requestDetail(console.awaitRequest("CreateWorkspace"));
        assertThat(detail)
                .contains("POST /api/v1/workspaces", "ACS3-HMAC-SHA256", accessKeyId, "console_first")
                .contains("\"WorkspaceId\": \"" + first + "\"")
                .contains("Signature=****");
        browser.screenshot(screenshots.resolve(label + "-requests.png"));
        assertThat(browser.driver().getPageSource()).doesNotContain(accessKeySecret);
        assertThat(console.reloaded()).isFalse();
    }

    /**
     * An error of one's own and a dropped connection, injected in the Steering view, are what the SDK gets; the
     * pending faults are listed until taken, and the journal marks the faulted calls with why.
     */
    public void faultsInjectedInTheConsoleReachTheClient() throws Exception {
        fresh("steering");
        String id = createWorkspace("console_faults");

        assertThat(console.injectError("GetWorkspace", 2, 503, "ServiceUnavailable.Console", "injected in the console"))
                .contains("GetWorkspace", "503");
        assertThat(console.awaitPendingFaults("GetWorkspace")).contains("next 2", "503 ServiceUnavailable.Console");
        browser.screenshot(screenshots.resolve(label + "-steering.png"));

        for (int call = 0; call < 2; call++) {
            TeaException refused = catchThrowableOfType(TeaException.class, () -> getWorkspace(id));
            assertThat(refused.getStatusCode()).isEqualTo(503);
            assertThat(refused.getCode()).isEqualTo("ServiceUnavailable.Console");
            assertThat(refused.getMessage()).contains("injected in the console");
        }
        assertThat(getWorkspace(id)).containsEntry("WorkspaceName", "console_faults");
        console.await(d -> console.pendingFaults().contains("None.") ? true : null);

        console.injectDrop("GetDefaultWorkspace", 1);
        assertThat(console.awaitPendingFaults("GetDefaultWorkspace")).contains("dropped");
        assertThat(catchThrowable(() -> sdk.getDefaultWorkspace(false))).isNotNull();
        console.injectDelay("ListWorkspaces", 300);
        long started = System.nanoTime();
        sdk.listWorkspaces(Map.of());
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
        console.clearFaults();
        console.await(d -> console.pendingFaults().contains("None.") ? true : null);

        console.show("requests");
        console.filterRequestsByStatus("error");
        String faulted = console.awaitRequest("ServiceUnavailable.Console");
        assertThat(console.requestDetail(faulted)).contains("A fault injected by test code", "503");
        console.filterRequestsByStatus("dropped");
        assertThat(console.requestRow(console.awaitRequest("GetDefaultWorkspace")))
                .contains("dropped");
        console.filterRequestsByStatus("");
        assertThat(console.reloaded()).isFalse();
    }

    /** A status and a default workspace set in the Steering view are what the SDK reads. */
    public void workspacesSteeredInTheConsole() throws Exception {
        fresh("steering");
        String id = createWorkspace("console_steered");

        assertThat(console.setStatus(id, "FAILURE")).contains(id, "FAILURE");
        assertThat(getWorkspace(id)).containsEntry("Status", "FAILURE");
        assertThat(console.makeDefault(id)).contains(id, "default");
        assertThat(OfficialSdk.body(sdk.getDefaultWorkspace(false))).containsEntry("WorkspaceId", id);
        assertThat(console.setStatus("999999", "ENABLED")).contains("refused", "404", "100400027");
        assertThat(console.messageClass()).isEqualTo("error");
    }

    /**
     * A snapshot downloaded from the console restores what reset from the console took away; a file the fake refuses
     * shows why and changes nothing.
     */
    public void snapshotsAndResetFromTheConsole(Path downloads) throws Exception {
        fresh("steering");
        String id = createWorkspace("console_saved");
        Path snapshot = console.downloadSnapshot(downloads);
        assertThat(Files.readString(snapshot)).contains("console_saved");

        assertThat(console.reset()).contains("Reset");
        TeaException gone = catchThrowableOfType(TeaException.class, () -> getWorkspace(id));
        assertThat(gone.getCode()).isEqualTo("100400027");

        Path refused = Files.writeString(
                downloads.resolve("refused-snapshot.json"),
                "{\"workspaces\":[{\"WorkspaceId\":\"7\",\"WorkspaceName\":\"a_ws\"},"
                        + "{\"WorkspaceId\":\"7\",\"WorkspaceName\":\"b_ws\"}]}",
                StandardCharsets.UTF_8);
        assertThat(console.loadSnapshot(refused)).contains("refused", "400", "InvalidParameter", "WorkspaceId");
        assertThat(console.messageClass()).isEqualTo("error");
        assertThat(sdk.listWorkspaces(Map.of()).toString()).contains("TotalCount=0");

        assertThat(console.loadSnapshot(snapshot)).contains("Loaded", "1 workspaces");
        assertThat(getWorkspace(id)).containsEntry("WorkspaceName", "console_saved");
        assertThat(console.reloaded()).isFalse();
    }

    /** Markup that clients send, in a description or a request's body, is shown as text and never run. */
    public void whatClientsSendIsShownAsTextNeverRun() throws Exception {
        fresh("state");
        String markup = "<img src=x onerror=window.consolePwned=1><b>bold</b>";
        String id = (String) OfficialSdk.body(sdk.createWorkspace(
                        Map.of("WorkspaceName", "markup_ws", "Description", markup, "EnvTypes", List.of("prod"))))
                .get("WorkspaceId");
        http.post("/api/v1/workspaces", "{\"WorkspaceName\":\"<script>window.consolePwned=2</script>\"}");

        assertThat(console.itemJson(id)).contains("\"Description\": \"" + markup + "\"");
        console.show("requests");
        console.filterRequestsByStatus("4xx");
        String refused = console.awaitRequest("POST /api/v1/workspaces");
        assertThat(console.requestDetail(refused)).contains("<script>window.consolePwned=2</script>");
        console.filterRequestsByStatus("");
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        assertThat(page.executeScript("return window.consolePwned === undefined"))
                .isEqualTo(true);
        assertThat(browser.driver().findElements(By.cssSelector("main img, main b, main script")))
                .isEmpty();
    }

    /** A request that reached no operation is in the journal, with why. */
    public void requestsThatReachNoOperationShowWhy() {
        fresh("requests");
        http.post("/api/v1/workspaces/", "{}");
        http.method("PATCH", "/api/v1/workspaces/100001");

        console.filterRequestsByOperation("none");
        String slash = console.awaitRequest("POST /api/v1/workspaces/");
        assertThat(console.requestRow(slash)).contains("no operation", "404", "InvalidApi.NotFound");
        assertThat(console.requestDetail(slash))
                .contains("without the slash, POST /api/v1/workspaces is CreateWorkspace");
        String patch = console.awaitRequest("PATCH");
        assertThat(console.requestDetail(patch)).contains("GET GetWorkspace", "PUT UpdateWorkspace");
        console.filterRequestsByOperation("");
    }
}
