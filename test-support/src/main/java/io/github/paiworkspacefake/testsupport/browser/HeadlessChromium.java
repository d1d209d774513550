package io.github.paiworkspacefake.testsupport.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's own Chromium, headless, driven through the chromedriver of the same package (Debian's
 * {@code chromium} and {@code chromium-driver}, which .ci/run installs): nothing is downloaded, neither a browser nor
 * a driver (Selenium Manager is never asked, as both are named). Other places may be given with
 * {@code PAI_FAKE_CHROMIUM} and {@code PAI_FAKE_CHROMEDRIVER}.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** The variable that turns a missing browser from a skip into a failure (CI sets it). */
    public static final String REQUIRE_VARIABLE = "PAI_FAKE_REQUIRE_BROWSER";

    /** A laptop's screen: the console must be readable at this width. */
    public static final int WIDTH = 1366;

    public static final int HEIGHT = 900;

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** Why no browser can be started here, or empty when one can. */
    public static Optional<String> missing() {
        return missing(System::getenv);
    }

    static Optional<String> missing(UnaryOperator<String> environment) {
        Optional<Path> chromium = chromium(environment);
        Optional<Path> driver = chromedriver(environment);
        if (chromium.isEmpty()) {
            return Optional.of("no Chromium at /usr/bin/chromium (apt-get install chromium chromium-driver)"
                    + " or PAI_FAKE_CHROMIUM");
        }
        if (driver.isEmpty()) {
            return Optional.of("no chromedriver at /usr/bin/chromedriver (apt-get install chromium-driver)"
                    + " or PAI_FAKE_CHROMEDRIVER");
        }
        return Optional.empty();
    }

    /**
     * Starts headless Chromium at a laptop's window size, with the flags a test machine needs (no sandbox, no GPU, no
     * background traffic or component updates); files it downloads go to {@code downloads}.
     */
    public static HeadlessChromium start(Path downloads) {
        String reason = missing().orElse(null);
        if (reason != null) {
            throw new IllegalStateException("Chromium cannot be started: " + reason);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        chromedriver(System::getenv).orElseThrow().toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium(System::getenv).orElseThrow().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--window-size=" + WIDTH + "," + HEIGHT);
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download",
                        false));
        try {
            service.start();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return new HeadlessChromium(service, driver);
        } catch (IOException e) {
            service.stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    /** The browser, for WebDriver calls. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Writes what the window shows now as a PNG file, making its directory if needed. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }

    private static Optional<Path> chromium(UnaryOperator<String> environment) {
        return firstExecutable(
                environment.apply("PAI_FAKE_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
    }

    private static Optional<Path> chromedriver(UnaryOperator<String> environment) {
        return firstExecutable(environment.apply("PAI_FAKE_CHROMEDRIVER"), "/usr/bin/chromedriver");
    }

    private static Optional<Path> firstExecutable(String configured, String... defaults) {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        return List.of(defaults).stream()
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }
}
