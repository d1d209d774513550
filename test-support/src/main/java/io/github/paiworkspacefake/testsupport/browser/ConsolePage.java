package io.github.paiworkspacefake.testsupport.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a browser, as a person uses it: its three views, their tables and forms. Every wait polls the
 * page as it updates itself; nothing here reloads it (which {@link #reloaded()} checks).
 */
public final class ConsolePage {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final String url;

    public ConsolePage(WebDriver driver, String consoleUrl) {
        this.driver = driver;
        this.url = consoleUrl;
    }

    /**
     * Opens the console afresh on a view ({@code state}, {@code requests} or {@code steering}) and marks the page. The
     * page is left first: opening the console's address again with another {@code #view} would only switch views and
     * keep what the page showed until its next refresh.
     */
    public ConsolePage open(String view) {
        driver.get("about:blank");
        driver.get(url + "#" + view);
        await(d -> d.findElement(By.id(view)).isDisplayed() ? true : null);
        await(d -> text("updated").startsWith("updated") ? true : null);
        ((JavascriptExecutor) driver)
                .executeScript(
                        "window.consoleTestMark = 'loaded once'; document.getElementById('message').hidden = true;");
        return this;
    }

    /** Whether the page was loaded again since {@link #open}: a reload forgets the mark. */
    public boolean reloaded() {
        return !"loaded once".equals(((JavascriptExecutor) driver).executeScript("return window.consoleTestMark;"));
    }

    /** Switches views with the tabs, as a person does. */
    public ConsolePage show(String view) {
        driver.findElement(By.cssSelector("#tabs a[data-tab='" + view + "']")).click();
        await(d -> d.findElement(By.id(view)).isDisplayed() ? true : null);
        return this;
    }

    // ------------------------------------------------------------------------------------------------------ State

    /** Lists one kind of item (State view). */
    public ConsolePage kind(String kind) {
        clickWhenThere(By.cssSelector("#kinds a[data-kind='" + kind + "']"));
        await(d -> text("kind-title").startsWith(kind) ? true : null);
        return this;
    }

    /** The count the State view shows beside a kind. */
    public String count(String kind) {
        return driver.findElement(By.cssSelector("#kinds a[data-kind='" + kind + "'] .count"))
                .getText();
    }

    /** Waits until the count beside a kind is this. */
    public ConsolePage awaitCount(String kind, String count) {
        await(d -> count.equals(count(kind)) ? true : null);
        return this;
    }

    /** Waits for the row of an item with this id, and returns its text. */
    public String awaitItem(String id) {
        return await(d -> d.findElement(By.cssSelector("#state-table tr[data-id='" + id + "']"))
                .getText());
    }

    /** Waits until no row has this id. */
    public ConsolePage awaitNoItem(String id) {
        await(d -> d.findElements(By.cssSelector("#state-table tr[data-id='" + id + "']"))
                        .isEmpty()
                ? true
                : null);
        return this;
    }

    /** Opens an item's row and returns its JSON as shown. */
    public String itemJson(String id) {
        clickWhenThere(By.cssSelector("#state-table tr[data-id='" + id + "']"));
        return await(d -> d.findElement(By.cssSelector("#state-table tr.open[data-id='" + id + "'] + tr.detail pre"))
                .getText());
    }

    /** Types into the State view's filter. */
    public ConsolePage filterItems(String text) {
        WebElement filter = driver.findElement(By.id("state-filter"));
        filter.clear();
        filter.sendKeys(text);
        return this;
    }

    /** The State view's pager, such as {@code 1–50 of 100,000 page 1 of 2,000}. */
    public String statePager() {
        return text("state-pager");
    }

    /** Goes to the next page of the State view. */
    public ConsolePage nextItems() {
        clickWhenThere(By.cssSelector("#state-pager button[title='Next page']"));
        return this;
    }

    /** The ids of the rows the State view shows. */
    public List<String> itemIds() {
        return driver.findElements(By.cssSelector("#state-table tr[data-id]")).stream()
                .map(row -> row.getAttribute("data-id"))
                .toList();
    }

    // --------------------------------------------------------------------------------------------------- Requests

    /** Waits for a journal row whose text contains {@code text}, and returns its sequence number. */
    public String awaitRequest(String text) {
        return await(d -> d.findElements(By.cssSelector("#request-table tr[data-seq]")).stream()
                .filter(row -> row.getText().contains(text))
                .findFirst()
                .map(row -> row.getAttribute("data-seq"))
                .orElse(null));
    }

    /** The text of a journal row. */
    public String requestRow(String sequence) {
        return driver.findElement(By.cssSelector("#request-table tr[data-seq='" + sequence + "']"))
                .getText();
    }

    /** Opens a journal row and returns the whole request and answer as shown. */
    public String requestDetail(String sequence) {
        clickWhenThere(By.cssSelector("#request-table tr[data-seq='" + sequence + "']"));
        return await(d -> d.findElement(
                        By.cssSelector("#request-table tr.open[data-seq='" + sequence + "'] + tr.detail .exchange"))
                .getText());
    }

    /** Filters the journal by operation ({@code none} for requests that reached none). */
    public ConsolePage filterRequestsByOperation(String operation) {
        new Select(driver.findElement(By.id("request-operation"))).selectByValue(operation);
        return this;
    }

    /** Filters the journal by status ({@code 2xx}, {@code error}, ...; empty for any). */
    public ConsolePage filterRequestsByStatus(String status) {
        new Select(driver.findElement(By.id("request-status"))).selectByValue(status);
        return this;
    }

    /** The sequence numbers of the journal rows shown, newest first. */
    public List<String> requestSequences() {
        return driver.findElements(By.cssSelector("#request-table tr[data-seq]")).stream()
                .map(row -> row.getAttribute("data-seq"))
                .toList();
    }

    // --------------------------------------------------------------------------------------------------- Steering

    /** Injects an error of one's own on the next {@code times} calls of an operation, with the Steering form. */
    public String injectError(String operation, int times, int status, String code, String message) {
        new Select(driver.findElement(By.id("fault-operation"))).selectByValue(operation);
        new Select(driver.findElement(By.id("fault-kind"))).selectByValue("fail");
        type("fault-times", String.valueOf(times));
        new Select(driver.findElement(By.id("fault-preset"))).selectByValue("");
        type("fault-status", String.valueOf(status));
        type("fault-code", code);
        type("fault-message", message);
        return submit("fault-form");
    }

    /** Makes the next {@code times} calls of an operation have their connection dropped. */
    public String injectDrop(String operation, int times) {
        new Select(driver.findElement(By.id("fault-operation"))).selectByValue(operation);
        new Select(driver.findElement(By.id("fault-kind"))).selectByValue("drop");
        type("fault-times", String.valueOf(times));
        return submit("fault-form");
    }

    /** Makes every call of an operation wait. */
    public String injectDelay(String operation, int millis) {
        new Select(driver.findElement(By.id("fault-operation"))).selectByValue(operation);
        new Select(driver.findElement(By.id("fault-kind"))).selectByValue("delay");
        type("fault-delay", String.valueOf(millis));
        return submit("fault-form");
    }

    /** The pending faults as shown. */
    public String pendingFaults() {
        return text("fault-table");
    }

    /** Waits until the pending faults shown contain {@code text}. */
    public String awaitPendingFaults(String text) {
        return await(d -> pendingFaults().contains(text) ? pendingFaults() : null);
    }

    /** Clears every fault. */
    public String clearFaults() {
        return click(By.id("clear-faults"));
    }

    /** Sets a workspace's status with the Steering form. */
    public String setStatus(String workspaceId, String status) {
        type("workspace-id", workspaceId);
        new Select(driver.findElement(By.id("workspace-status"))).selectByVisibleText(status);
        return submit("workspace-form");
    }

    /** Makes a workspace its owner's default with the Steering form. */
    public String makeDefault(String workspaceId) {
        type("workspace-id", workspaceId);
        return click(By.id("make-default"));
    }

    /** Resets the fake: the button asks for a second click. */
    public String reset() {
        driver.findElement(By.id("reset")).click();
        await(d -> text("reset").startsWith("Click again") ? true : null);
        return click(By.id("reset"));
    }

    /** Downloads a snapshot with the link into {@code downloads}, and returns the file. */
    public Path downloadSnapshot(Path downloads) {
        driver.findElement(By.id("download-snapshot")).click();
        Path file = downloads.resolve("pai-workspace-fake-snapshot.json");
        return await(
                d -> Files.isRegularFile(file) && !Files.exists(file.resolveSibling(file.getFileName() + ".crdownload"))
                        ? file
                        : null);
    }

    /** Loads a snapshot or seed file with the file chooser, and returns the message shown. */
    public String loadSnapshot(Path file) {
        driver.findElement(By.id("snapshot-file"))
                .sendKeys(file.toAbsolutePath().toString());
        return click(By.id("load-snapshot"));
    }

    /** The message the last action left, and whether it reports a refusal ({@code error}) or not ({@code ok}). */
    public String messageClass() {
        return driver.findElement(By.id("message")).getAttribute("class");
    }

    // ----------------------------------------------------------------------------------------------------- Common

    /** The whole page's text as shown. */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits until {@code condition} gives something other than null, false or an error, and returns it. */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100))
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private String submit(String formId) {
        return afterAction(() -> driver.findElement(By.cssSelector("#" + formId + " button[type='submit']"))
                .click());
    }

    private String click(By button) {
        return afterAction(() -> driver.findElement(button).click());
    }

    private void clickWhenThere(By element) {
        await(d -> {
            d.findElement(element).click();
            return true;
        });
    }

    /** Runs an action and waits for the message it leaves, which it returns. */
    private String afterAction(Runnable action) {
        ((JavascriptExecutor) driver)
                .executeScript("const m = document.getElementById('message'); m.hidden = true; m.textContent = '';");
        action.run();
        return await(d -> {
            WebElement message = d.findElement(By.id("message"));
            return message.isDisplayed() && !message.getText().isEmpty() ? message.getText() : null;
        });
    }
}
