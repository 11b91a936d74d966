package dev.threadline.examples.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The Campaigns page: an owner sends a template to a segment of tagged contacts and follows it to the last
 * recipient. A service campaign goes out at once (no quiet hours, and a few recipients are far below the default
 * 60 campaign messages a minute); a marketing campaign is held by quiet hours chosen around the app's clock, so
 * neither depends on the time of day the test runs at.
 */
@NeedsChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:file:./target/e2e-data/${random.uuid}/threadline")
class CampaignsPageBrowserTest extends ConsoleBrowserTest {

    private static final ZoneId RECIPIENTS_ZONE = ZoneId.of("America/New_York");

    @Autowired
    Clock clock;

    @Test
    void aServiceCampaignReachesEveryTaggedContactWhileThePageWatches() {
        template("peel-week", "Hi {{customer.name}}, {{offer}} this week at Glow.");
        taggedContact("Ana Ruiz", "+14155550801", "peel-fans");
        taggedContact("Ben Okafor", "+14155550802", "peel-fans");
        taggedContact("Cleo Park", "+14155550803", "peel-fans");

        openPage("campaigns");
        fillNewCampaign("Peel week", "peel-week", "peel-fans", List.of("Ana Ruiz", "Ben Okafor", "Cleo Park"), Map.of());
        click(By.id("cmp-marketing")); // a service message: no quiet hours, so it goes out now whatever the hour
        click(By.id("cmp-create"));
        WebElement missing = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#cmp-form .field-error[data-error-for='variables.offer']")));
        assertThat(missing.getText()).as("the API's message beside the variable's input").contains("missing template variable offer");
        type(variableInput("offer"), "20% off peels");
        click(By.id("cmp-create"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("cmp-status"), "data-status", "draft"));
        browser.wait.until(d -> recipientStatuses().equals(List.of("pending", "pending", "pending")));
        assertThat(enabledActions()).containsExactly("start", "cancel");
        markPageLoaded();

        click(By.id("cmp-start"));

        browser.wait.until(d -> recipientStatuses().equals(List.of("sent", "sent", "sent")));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("cmp-status"), "data-status", "completed"));
        assertThat(pageWasNotReloaded()).isTrue();
        assertThat(text("cmp-progress-text")).isEqualTo("3 of 3 sent");
        assertThat(enabledActions()).isEmpty();
        browser.screenshot("campaigns-desktop");

        String id = browser.driver.findElement(By.cssSelector(".cmp-detail")).getAttribute("data-campaign-id");
        JsonNode recipients = api.get("/campaigns/" + id + "/recipients").get("recipients");
        assertThat(recipients).hasSize(3);
        for (JsonNode recipient : recipients) {
            assertThat(recipient.get("status").asText()).isEqualTo("sent");
            JsonNode messages = api.get("/conversations/" + recipient.get("conversation_id").asText()).get("messages");
            assertThat(messages).extracting(m -> m.get("content").asText())
                    .contains("Hi " + recipient.get("name").asText() + ", 20% off peels this week at Glow.");
        }

        click(By.cssSelector(".cmp-back"));
        By row = By.cssSelector("#cmp-rows tr[data-campaign-id='" + id + "']");
        browser.wait.until(ExpectedConditions.attributeToBe(row, "data-status", "completed"));
        assertThat(browser.driver.findElement(row).getText()).contains("Peel week", "3 of 3 sent", "peel-week");
        browser.resize(ConsoleBrowser.PHONE);
        browser.screenshot("campaigns-phone");
    }

    @Test
    void aMarketingCampaignWaitingForItsHoursIsPausedResumedAndCanceled() {
        template("winter-menu", "Hi {{customer.name}}, our {{season}} menu is out.");
        taggedContact("Dora Quinn", "+14155550811", "newsletter");
        taggedContact("Eli Stone", "+14155550812", "newsletter");
        LocalTime from = hoursStartingLater();
        LocalTime until = from.plusHours(2);

        openPage("campaigns");
        fillNewCampaign("Winter menu", "winter-menu", "newsletter", List.of("Dora Quinn", "Eli Stone"), Map.of("season", "winter"));
        type("cmp-from", from.toString());
        type("cmp-until", until.toString());
        click(By.id("cmp-create"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("cmp-status"), "data-status", "draft"));
        String id = browser.driver.findElement(By.cssSelector(".cmp-detail")).getAttribute("data-campaign-id");

        click(By.id("cmp-start"));
        browser.wait.until(d -> recipientStatuses().equals(List.of("scheduled", "scheduled")));
        assertThat(browser.driver.findElement(By.id("cmp-status")).getAttribute("data-status")).isEqualTo("running");
        assertThat(enabledActions()).containsExactly("pause", "cancel");
        JsonNode recipients = api.get("/campaigns/" + id + "/recipients").get("recipients");
        assertThat(recipients).hasSize(2);
        for (JsonNode recipient : recipients) {
            assertThat(Instant.parse(recipient.get("send_at").asText()).atZone(RECIPIENTS_ZONE).toLocalTime())
                    .as("held until the campaign's hours begin where the recipient is").isEqualTo(from);
        }

        click(By.id("cmp-pause"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("cmp-status"), "data-status", "paused"));
        browser.wait.until(d -> recipientStatuses().equals(List.of("pending", "pending")));
        assertThat(enabledActions()).containsExactly("resume", "cancel");

        click(By.id("cmp-resume"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("cmp-status"), "data-status", "running"));
        browser.wait.until(d -> recipientStatuses().equals(List.of("scheduled", "scheduled")));

        click(By.id("cmp-cancel"));
        click(By.cssSelector(".confirm-dialog .confirm-yes"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("cmp-status"), "data-status", "canceled"));
        browser.wait.until(d -> recipientStatuses().equals(List.of("canceled", "canceled")));
        assertThat(enabledActions()).isEmpty();
        JsonNode progress = api.get("/campaigns/" + id).get("progress");
        assertThat(progress.get("canceled").asInt()).isEqualTo(2);
        assertThat(progress.get("sent").asInt()).isZero();
    }

    @Test
    void theListFollowsARunningCampaignUntilItIsCanceledElsewhere() {
        template("facial-club", "Hi {{customer.name}}, the facial club opens soon.");
        taggedContact("Gus Hale", "+14155550831", "facial-club");
        LocalTime from = hoursStartingLater();
        String id = api.post("/campaigns", Map.of("name", "Facial club", "template", "facial-club", "channel", "sms",
                "quiet_hours", Map.of("allowed_from", from.toString(), "allowed_until", from.plusHours(2).toString()),
                "segment", Map.of("tags", List.of("facial-club")))).at("/campaign/id").asText();
        api.post("/campaigns/" + id + "/start", Map.of());
        openPage("campaigns");
        By row = By.cssSelector("#cmp-rows tr[data-campaign-id='" + id + "']");
        browser.wait.until(ExpectedConditions.attributeToBe(row, "data-status", "running"));
        markPageLoaded();

        api.post("/campaigns/" + id + "/cancel", Map.of());

        browser.wait.until(ExpectedConditions.attributeToBe(row, "data-status", "canceled"));
        assertThat(browser.driver.findElement(row).getText()).contains("0 of 1 sent · 1 canceled");
        assertThat(pageWasNotReloaded()).isTrue();
    }

    /** A draft is still a draft on the page while someone else cancels it: starting it then answers 409, shown as such. */
    @Test
    void startingACampaignCanceledElsewhereShowsTheConflict() {
        template("walk-in-thanks", "Thanks for dropping by, {{customer.name}}!");
        taggedContact("Fay Lund", "+14155550821", "walk-ins");
        String id = api.post("/campaigns", Map.of("name", "Walk-in thanks", "template", "walk-in-thanks", "channel", "sms",
                "marketing", false, "segment", Map.of("tags", List.of("walk-ins")))).at("/campaign/id").asText();
        openPage("campaigns");
        click(By.cssSelector("#cmp-rows tr[data-campaign-id='" + id + "'] .cmp-name"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("cmp-status"), "data-status", "draft"));

        api.post("/campaigns/" + id + "/cancel", Map.of());
        click(By.id("cmp-start"));

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cmp-detail-error")));
        assertThat(text("cmp-detail-error")).contains("canceled");
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("cmp-status"), "data-status", "canceled"));
        assertThat(enabledActions()).isEmpty();
    }

    @Test
    void anAgentSeesNeitherCampaignsNorTemplates() {
        signInAsTheFrontDeskAgent();

        assertThat(browser.driver.findElement(By.cssSelector("#page-nav a[data-page='inbox']")).isDisplayed()).isTrue();
        assertThat(browser.driver.findElement(By.cssSelector("#page-nav a[data-page='campaigns']")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.cssSelector("#page-nav a[data-page='templates']")).isDisplayed()).isFalse();
        browser.driver.get("http://localhost:" + port + "/#/campaigns");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-inbox")));
        assertThat(browser.driver.findElement(By.id("page-campaigns")).isDisplayed()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The start of two marketing hours that do not hold the recipients' present local time, read from the app's clock:
     * a campaign's messages wait for them, whatever the time of day the test runs at.
     */
    private LocalTime hoursStartingLater() {
        return LocalTime.now(clock.withZone(RECIPIENTS_ZONE)).getHour() < 12 ? LocalTime.of(18, 0) : LocalTime.of(6, 0);
    }

    private void template(String name, String smsText) {
        api.put("/templates/" + name, Map.of("kind", "message", "variants", Map.of("sms", Map.of("body", smsText))));
    }

    /** A customer who texted the spa once, tagged and placed in the recipients' time zone. */
    private void taggedContact(String name, String phone, String tag) {
        api.post("/send", Map.of("channel", "sms", "customer_name", name, "customer_phone", phone, "content", "Hello!",
                "generate_ai_response", false));
        api.patch("/contacts/profile", Map.of("address", phone, "add_tags", List.of(tag), "time_zone", RECIPIENTS_ZONE.getId()));
    }

    private void fillNewCampaign(String name, String template, String tag, List<String> matching, Map<String, String> variables) {
        click(By.id("cmp-new"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cmp-form")));
        type("cmp-name", name);
        new Select(browser.driver.findElement(By.id("cmp-template"))).selectByValue(template);
        new Select(browser.driver.findElement(By.id("cmp-channel"))).selectByValue("sms");
        type("cmp-tags", tag);
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("cmp-audience"), "data-count", String.valueOf(matching.size())));
        String audience = text("cmp-audience");
        String prefix = matching.size() + " contacts match: ";
        assertThat(audience).startsWith(prefix).endsWith(".");
        assertThat(audience.substring(prefix.length(), audience.length() - 1).split(", ")).containsExactlyInAnyOrderElementsOf(matching);
        variables.forEach((path, value) -> type(variableInput(path), value));
    }

    /** The id of the new campaign's input for the template variable at {@code path}. */
    private String variableInput(String path) {
        return browser.driver.findElement(By.cssSelector("#cmp-variables input[data-variable='" + path + "']")).getAttribute("id");
    }

    /** Each recipient's status on the page, read in one step so a live re-render cannot interleave. */
    @SuppressWarnings("unchecked")
    private List<String> recipientStatuses() {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll('#cmp-recipients tr')].map(tr => tr.dataset.status)");
    }

    @SuppressWarnings("unchecked")
    private List<String> enabledActions() {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll('.cmp-action:not(:disabled)')].map(b => b.dataset.action)");
    }
}
