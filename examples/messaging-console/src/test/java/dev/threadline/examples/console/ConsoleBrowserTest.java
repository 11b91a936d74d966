package dev.threadline.examples.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests of the console share: one headless chromium per test class, the admin API for what a test
 * does behind the page's back, and the owner signed in before each test. Each subclass is a {@code @SpringBootTest}
 * on a random port with its own H2 file database. A test's own customer needs a phone number that no demo customer
 * and no other test has, or their messages join that conversation: the demo history takes +1 415 555 0200 to 0299,
 * and 07xx and 08xx are free.
 */
abstract class ConsoleBrowserTest {

    static ConsoleBrowser browser;

    @LocalServerPort
    int port;
    @Value("${messaging.api.base-path:/api/admin/messaging}")
    String basePath;
    @Autowired
    ConsoleProperties properties;
    @Autowired
    TenantApiKeys keys;

    AdminApi api;

    @BeforeAll
    static void startBrowser() {
        browser = ConsoleBrowser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signInAsTheOwner() {
        api = new AdminApi("http://localhost:" + port + basePath, keys.keyFor(properties.tenant()).orElseThrow());
        browser.resize(ConsoleBrowser.DESKTOP);
        signIn(properties.owner().email(), properties.owner().password());
    }

    @AfterEach
    void signOut() {
        browser.signOut();
    }

    void signIn(String email, String password) {
        browser.signIn("http://localhost:" + port, email, password);
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
    }

    /** The demo's front-desk agent, with a password the owner gives her. */
    void signInAsTheFrontDeskAgent() {
        api.setPassword("frontdesk@glow-med-spa.example", "jamie-password-123");
        browser.signOut();
        signIn("frontdesk@glow-med-spa.example", "jamie-password-123");
    }

    /** Opens a page of the console from its navigation. */
    void openPage(String page) {
        click(By.cssSelector("#page-nav a[data-page='" + page + "']"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-" + page)));
    }

    /** Clicks what {@code target} finds, finding it again if a live update replaced it meanwhile. */
    void click(By target) {
        browser.wait.until(d -> {
            d.findElement(target).click();
            return true;
        });
    }

    void type(String id, String value) {
        WebElement input = browser.driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    /** A marker that only survives as long as the page is not reloaded. */
    void markPageLoaded() {
        browser.driver.executeScript("window.loadedOnce = true");
    }

    boolean pageWasNotReloaded() {
        return Boolean.TRUE.equals(browser.driver.executeScript("return window.loadedOnce === true"));
    }
}
