package dev.threadline.examples.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through its own chromedriver: never a downloaded browser or driver
 * (the explicit driver path keeps Selenium Manager out, and the build sets {@code SE_OFFLINE}).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1400, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final ChromeDriverService service;
    private final Path profile;

    private ConsoleBrowser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        // Live updates re-render the page at any time, so an element found a moment ago may be gone.
        this.wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
    }

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    /**
     * Whether the browser test should run: chromium and chromedriver are installed, or {@code CI=true},
     * where a missing browser must fail the build rather than skip.
     */
    static boolean installedOrRequired() {
        return installed() || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Starts the browser; fails with what to install when it is missing. */
    static ConsoleBrowser start() {
        Path chromium = CHROMIUM;
        Path chromedriver = CHROMEDRIVER;
        Assertions.assertTrue(installed(), () -> "Browser test needs " + chromium + " and " + chromedriver
                + " (Debian: apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("console-chromium-");
            ChromeOptions options = new ChromeOptions()
                    .setBinary(chromium.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run", "--user-data-dir=" + profile,
                            "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .build();
            return new ConsoleBrowser(new ChromeDriver(service, options), service, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Opens {@code root} and, when the app asks for it, signs in with the login form as {@code email}: Spring
     * Security's form with its {@code username} and {@code password} fields.
     */
    void signIn(String root, String email, String password) {
        driver.get(root + "/");
        if (!driver.getCurrentUrl().contains("/login")) {
            return;
        }
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** Forgets the session and anything the page kept, so the next test signs in afresh. */
    void signOut() {
        driver.manage().deleteAllCookies();
        driver.executeScript("localStorage.clear()");
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves the page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
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
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless.
        }
    }
}
