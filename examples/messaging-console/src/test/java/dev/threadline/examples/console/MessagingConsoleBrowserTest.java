package dev.threadline.examples.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The console page in headless chromium against the whole app on a random port, with a fresh H2 file
 * database under {@code target/} for every run and the demo profile's key and data. Screenshots land in
 * {@code target/screenshots/}.
 */
@EnabledIf(value = "dev.threadline.examples.console.ConsoleBrowser#installedOrRequired",
        disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver); "
                + "set CI=true to make their absence a failure")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/e2e-data/${random.uuid}/threadline",
        "messaging.simulator.delivery-delay=3s"})
class MessagingConsoleBrowserTest extends ConsoleBrowserTest {

    @BeforeEach
    void waitForTheDemoConversations() {
        browser.wait.until(d -> !d.findElements(By.cssSelector(".conversation")).isEmpty());
    }

    private void view(String value) {
        new Select(browser.driver.findElement(By.id("view-filter"))).selectByValue(value);
    }

    @Test
    void anAgentWorksTheirOwnTheUnassignedAndTheWaitingViews() {
        signInAsTheFrontDeskAgent();

        view("mine");
        browser.wait.until(d -> listedNames().equals(List.of("Marcus Johnson")));
        view("waiting");
        browser.wait.until(d -> listedNames().contains("Marcus Johnson"));
        WebElement waiting = browser.driver.findElement(By.cssSelector(".conversation .conv-waiting"));
        assertThat(waiting.getText()).startsWith("Waiting since");
        browser.screenshot("waiting-view");

        view("unassigned");
        browser.wait.until(d -> listedNames().contains("Emily Chen"));
        assertThat(listedNames()).doesNotContain("Marcus Johnson");
        String emily = browser.driver.findElement(By.xpath("//li[contains(@class,'conversation')][.//span[text()='Emily Chen']]"))
                .getAttribute("data-conversation-id");
        openInList(emily);
        click(By.id("assign-button"));
        browser.wait.until(d -> text("thread-assignee").contains("Jamie Rivera"));
        view("mine");
        browser.wait.until(d -> listedNames().containsAll(List.of("Marcus Johnson", "Emily Chen")));

        openInList(emily);
        click(By.id("assign-button"));
        browser.wait.until(d -> text("thread-assignee").isEmpty());
    }

    /** An email to the demo's Email inbox, set to draft mode, whose AI reply waits as a draft. */
    private String draftedEmail(String name, String address, String question) {
        String inbox = null;
        for (JsonNode candidate : api.get("/inboxes").at("/inboxes")) {
            if (candidate.get("name").asText().equals("Email")) {
                inbox = candidate.get("id").asText();
            }
        }
        assertThat(inbox).as("the demo's Email inbox").isNotNull();
        api.patch("/inboxes/" + inbox, Map.of("ai_mode", "draft"));
        return api.post("/send", Map.of("channel", "email", "customer_name", name, "customer_email", address, "subject", "Question",
                "content", question, "inbox_id", inbox)).get("conversation_id").asText();
    }

    @Test
    void aDraftIsEditedAndSentOrDiscarded() {
        String edited = draftedEmail("Dana Fox", "dana.fox@example.com", "How much is a chemical peel?");
        openInList(edited);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.draft .draft-edit")));
        browser.screenshot("draft");

        click(By.cssSelector(".message.draft .draft-edit"));
        WebElement editor = browser.driver.findElement(By.cssSelector(".message.draft .draft-editor"));
        editor.clear();
        editor.sendKeys("Hi Dana, a chemical peel is $150. Shall I book you in?");
        click(By.cssSelector(".message.draft .draft-approve"));

        assertThat(waitForMessage("ai", "Shall I book you in?")).startsWith("Hi Dana, a chemical peel is $150.");
        browser.wait.until(d -> d.findElements(By.cssSelector(".message.draft")).isEmpty());

        String discarded = draftedEmail("Eli Gray", "eli.gray@example.com", "Do you do microneedling?");
        openInList(discarded);
        click(By.cssSelector(".message.draft .draft-discard"));
        browser.wait.until(d -> d.findElements(By.cssSelector(".message.draft")).isEmpty());
        assertThat(browser.driver.findElement(By.cssSelector(".message.ai .delivery")).getAttribute("data-status"))
                .as("a discarded draft is never sent").isEqualTo("canceled");
    }

    @Test
    void spamLeavesTheListAndComesBackFromTheSpamView() {
        String id = sendThroughApi("Spam Bot", "+14155550131", "Win a free cruise!");
        openInList(id);

        click(By.id("spam-button"));
        browser.wait.until(d -> !listedNames().contains("Spam Bot"));
        view("spam");
        browser.wait.until(d -> listedNames().contains("Spam Bot"));
        openInList(id);
        assertThat(text("spam-button")).isEqualTo("Not spam");
        click(By.id("spam-button"));
        view("");
        browser.wait.until(d -> listedNames().contains("Spam Bot"));
    }

    @Test
    void aWrongPasswordIsRefusedAndTheOwnerSignsInWithTheRightOne() {
        browser.signOut();
        browser.signIn("http://localhost:" + port, properties.owner().email(), "not-the-password");

        browser.wait.until(ExpectedConditions.urlContains("error"));
        assertThat(browser.driver.findElements(By.id("reply-form"))).isEmpty();

        signIn(properties.owner().email(), properties.owner().password());
        assertThat(text("signed-in-as")).isEqualTo("Owner · owner");
    }

    @Test
    void anAgentSeesOnlyTheConversationsOfTheirInboxAndAViewerGetsNoReplyBox() {
        String inbox = api.post("/inboxes", Map.of("name", "Front desk " + port)).at("/inbox/id").asText();
        String agent = "agent-" + port + "@glow-med-spa.example";
        String viewer = "viewer-" + port + "@glow-med-spa.example";
        api.post("/users", Map.of("email", agent, "name", "Ari Agent", "role", "agent", "inbox_ids", List.of(inbox),
                "password", "agent-password-123"));
        api.post("/users", Map.of("email", viewer, "name", "Dr. Vee", "role", "viewer", "inbox_ids", List.of(inbox),
                "password", "viewer-password-123"));
        String mine = api.post("/send", Map.of("channel", "sms", "customer_name", "Inbox Only", "customer_phone", "+14155550143",
                "content", "Is the front desk open?", "inbox_id", inbox, "generate_ai_response", false)).at("/conversation_id").asText();

        browser.signOut();
        signIn(agent, "agent-password-123");
        browser.wait.until(d -> listedNames().equals(List.of("Inbox Only")));
        openInList(mine);
        assertThat(browser.driver.findElement(By.id("reply-form")).isDisplayed()).isTrue();

        browser.signOut();
        signIn(viewer, "viewer-password-123");
        browser.wait.until(d -> listedNames().equals(List.of("Inbox Only")));
        openInList(mine);
        assertThat(browser.driver.findElement(By.id("reply-form")).isDisplayed()).as("viewers read only").isFalse();
        assertThat(browser.driver.findElement(By.id("new-conversation-button")).isDisplayed()).isFalse();
        assertThat(browser.driver.findElement(By.id("thread-actions")).isDisplayed()).isFalse();
        browser.screenshot("viewer");
    }

    /** Every other test here runs the page under this policy, so it proves the page needs nothing it forbids. */
    @Test
    void thePageIsServedWithAContentSecurityPolicyAndCannotBeFramed() throws Exception {
        java.net.http.HttpResponse<Void> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(dev.threadline.examples.console.web.ConsolePageHeaders.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void smsConversationCreatedThroughTheFormGetsTheAiReply() {
        createThroughForm("sms", "Ava Thompson", "+1 415 555 0199", null, "Hi! I'd like to book a Botox appointment");

        assertThat(waitForMessage("ai", "Here is our availability for Botox")).contains("Which time works for you?");
        browser.screenshot("sms-conversation");
    }

    @Test
    void emailConversationCreatedThroughTheFormGetsTheAiReply() {
        createThroughForm("email", "Nora Williams", null, "nora@example.com", "How much is laser hair removal?",
                "Laser pricing");

        assertThat(waitForMessage("ai", "Laser hair removal: from $150 per session")).startsWith("Hi Nora,");
        assertThat(text("thread-subject")).isEqualTo("Subject: Laser pricing");
    }

    @Test
    void customerPickingAnOfferedTimeGetsABookingConfirmation() {
        createThroughForm("sms", "Zoe Adams", "+1 415 555 0111", null, "Can I book a HydraFacial?");
        waitForMessage("ai", "Here is our availability for HydraFacial");
        String id = browser.driver.findElement(By.id("thread-view")).getAttribute("data-conversation-id");

        api.post("/send", Map.of("channel", "sms", "conversation_id", id, "content", "The first one please!"));

        assertThat(waitForMessage("ai", "You're all set!")).contains("Booked HydraFacial for Zoe Adams");
        browser.wait.until(d -> d.findElements(By.cssSelector("#messages .delivery:not([data-status='delivered'])")).isEmpty());
        browser.screenshot("booking");
    }

    @Test
    void missingPhoneIsShownNextToThePhoneInput() {
        fillForm("sms", "Liam Brown", null, null, "Do you do facials?", null);
        browser.driver.findElement(By.id("nc-send")).click();

        WebElement error = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nc-phone-error")));
        assertThat(error.getText()).contains("customer_phone");
        assertThat(browser.driver.findElement(By.id("nc-phone")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("validation-error");
        browser.driver.findElement(By.id("nc-cancel")).click();
    }

    @Test
    void staffReplyAdvancesToDeliveredWithoutReload() {
        createThroughForm("sms", "Mia Davis", "+1 415 555 0177", null, "Do you have parking?");
        waitForMessage("ai", "parking");
        markPageLoaded();
        recordStaffDeliveryStatuses();

        browser.driver.findElement(By.id("reply-content")).sendKeys("See you Tuesday, Mia!");
        browser.driver.findElement(By.id("reply-button")).click();

        browser.wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector(".message.staff:last-child .delivery"), "data-status", "delivered"));
        List<?> seen = (List<?>) browser.driver.executeScript("return window.staffStatuses");
        assertThat(seen).as("statuses shown for the staff reply").first().isNotEqualTo("delivered");
        assertThat(pageWasNotReloaded()).isTrue();
        browser.screenshot("console");
    }

    /** The machine running this test is on UTC; the spa is in New York: the page shows the spa's time. */
    @Test
    void messageTimesAreShownInTheBusinessTimeZone() {
        createThroughForm("sms", "Leo Park", "+1 415 555 0178", null, "Are you open on Sunday?");
        waitForMessage("ai", "Our hours");

        WebElement time = browser.driver.findElement(By.cssSelector(".message time"));
        String expected = java.time.format.DateTimeFormatter.ofPattern("h:mm a", Locale.US)
                .withZone(properties.timeZone()).format(java.time.Instant.parse(time.getAttribute("datetime")));
        assertThat(time.getText().replace('\u202f', ' ').replace('\u00a0', ' ')).endsWith(expected);
    }

    @Test
    void channelFilterShowsOnlyThatChannel() {
        new Select(browser.driver.findElement(By.id("channel-filter"))).selectByValue("email");

        browser.wait.until(d -> listed("channel").stream().allMatch("email"::equals));
        assertThat(listed("channel")).isNotEmpty();
    }

    @Test
    void statusFilterShowsOnlyThatStatus() {
        new Select(browser.driver.findElement(By.id("status-filter"))).selectByValue("archived");

        browser.wait.until(d -> listed("status").stream().allMatch("archived"::equals));
        assertThat(listedNames()).contains("Sarah Thompson");
    }

    @Test
    void searchNarrowsTheListToMatchingConversations() {
        browser.driver.findElement(By.id("search")).sendKeys("laser hair removal packages");

        browser.wait.until(d -> listedNames().size() == 1);
        assertThat(listedNames()).containsExactly("Priya Shah");
    }

    @Test
    void messagePostedThroughTheApiAppearsWithoutReload() {
        String id = sendThroughApi("Ethan Clark", "+14155550155", "Is the HydraFacial good for dry skin?");
        openInList(id);
        markPageLoaded();

        api.post("/send", Map.of("channel", "sms", "conversation_id", id,
                "content", "Running ten minutes late, sorry!", "generate_ai_response", false));

        waitForMessage("customer", "Running ten minutes late, sorry!");
        assertThat(pageWasNotReloaded()).isTrue();
    }

    @Test
    void newConversationFromTheApiAppearsInTheListWithAnUnreadBadge() {
        markPageLoaded();

        String id = sendThroughApi("Grace Lee", "+14155550133", "Do you offer microneedling?");

        By badge = By.cssSelector(".conversation[data-conversation-id='" + id + "'] .unread-badge");
        String count = browser.wait.until(d -> d.findElement(badge).getText());
        assertThat(count).isEqualTo("1");
        assertThat(pageWasNotReloaded()).isTrue();
    }

    @Test
    void markReadClearsTheUnreadBadge() {
        String id = sendThroughApi("Henry Young", "+14155550144", "What are your hours on Saturday?");
        openInList(id);

        browser.driver.findElement(By.id("mark-read-button")).click();

        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".conversation[data-conversation-id='" + id + "'] .unread-badge")));
        assertThat(api.get("/conversations/" + id).at("/conversation/unread_count").asLong()).isZero();
    }

    @Test
    void scoreButtonShowsScoreSentimentAndOutcome() {
        String id = sendThroughApi("Isla King", "+14155550166", "Thanks so much, that was really helpful!");
        openInList(id);

        browser.driver.findElement(By.id("score-button")).click();

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("satisfaction-score")));
        JsonNode stored = api.get("/conversations/" + id).at("/conversation/satisfaction");
        browser.wait.until(ExpectedConditions.textToBe(By.id("satisfaction-score"),
                String.format(Locale.ROOT, "%.1f", stored.get("score").asDouble())));
        assertThat(text("satisfaction-sentiment")).isEqualTo(stored.get("sentiment").asText());
        assertThat(text("satisfaction-outcome")).isEqualTo(stored.get("outcome").asText().replace('_', ' '));
    }

    @Test
    void completeMovesTheConversationToCompleted() {
        String id = sendThroughApi("Jack Scott", "+14155550122", "Can I get a chemical peel?");
        openInList(id);

        browser.driver.findElement(By.id("complete-button")).click();

        browser.wait.until(ExpectedConditions.attributeToBe(By.id("thread-status"), "data-status", "completed"));
        assertThat(api.get("/conversations/" + id).at("/conversation/status").asText()).isEqualTo("completed");
    }

    @Test
    void overviewStripMatchesTheUnreadTotal() {
        long unread = api.get("/unread").get("total").asLong();

        browser.wait.until(ExpectedConditions.textToBe(By.id("stat-unread"), String.valueOf(unread)));
        assertThat(text("stat-satisfaction")).as("a demo conversation is scored").endsWith("/ 5");
    }

    @Test
    void phoneWidthShowsTheListOrTheThreadOneAtATime() {
        browser.resize(ConsoleBrowser.PHONE);
        click(By.cssSelector(".conversation"));

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reply-content")));
        assertThat(browser.driver.findElement(By.id("conversation-list")).isDisplayed()).isFalse();
        browser.screenshot("phone-thread");

        browser.driver.findElement(By.id("back-button")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation-list")));
        browser.screenshot("phone-list");
    }

    // ------------------------------------------------------------------ helpers

    private void createThroughForm(String channel, String name, String phone, String email, String content) {
        createThroughForm(channel, name, phone, email, content, null);
    }

    private void createThroughForm(String channel, String name, String phone, String email, String content, String subject) {
        fillForm(channel, name, phone, email, content, subject);
        browser.driver.findElement(By.id("nc-send")).click();
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("new-conversation-dialog")));
        browser.wait.until(ExpectedConditions.textToBe(By.id("thread-name"), name));
    }

    private void fillForm(String channel, String name, String phone, String email, String content, String subject) {
        browser.driver.findElement(By.id("new-conversation-button")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nc-name")));
        new Select(browser.driver.findElement(By.id("nc-channel"))).selectByValue(channel);
        type("nc-name", name);
        if (phone != null) {
            type("nc-phone", phone);
        }
        if (email != null) {
            type("nc-email", email);
        }
        if (subject != null) {
            type("nc-subject", subject);
        }
        type("nc-content", content);
    }

    private String sendThroughApi(String name, String phone, String content) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "sms");
        body.put("customer_name", name);
        body.put("customer_phone", phone);
        body.put("content", content);
        body.put("generate_ai_response", false);
        return api.post("/send", body).get("conversation_id").asText();
    }

    private void openInList(String conversationId) {
        By item = By.cssSelector(".conversation[data-conversation-id='" + conversationId + "']");
        click(item);
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("thread-view"), "data-conversation-id", conversationId));
    }

    /** The full text of the first message by {@code author} that contains {@code text}, once it shows. */
    private String waitForMessage(String author, String text) {
        By bubble = By.xpath("//li[contains(@class,'message') and @data-author='" + author + "']"
                + "/div[@class='bubble' and contains(., \"" + text + "\")]");
        return browser.wait.until(d -> d.findElement(bubble).getText());
    }

    /** One data attribute of every listed conversation, read in one step so a re-render cannot interleave. */
    @SuppressWarnings("unchecked")
    private List<String> listed(String dataAttribute) {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll('.conversation')].map(li => li.dataset[arguments[0]])", dataAttribute);
    }

    @SuppressWarnings("unchecked")
    private List<String> listedNames() {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll('.conversation .conv-contact')].map(n => n.textContent)");
    }

    /** Records every delivery status the page shows for the newest staff message, in order. */
    private void recordStaffDeliveryStatuses() {
        browser.driver.executeScript("""
                window.staffStatuses = [];
                const record = () => {
                  const staff = document.querySelectorAll('#messages .message.staff .delivery');
                  const status = staff.length ? staff[staff.length - 1].dataset.status : null;
                  if (status && window.staffStatuses[window.staffStatuses.length - 1] !== status) window.staffStatuses.push(status);
                };
                new MutationObserver(record).observe(document.getElementById('messages'), { childList: true, subtree: true, attributes: true });
                """);
    }
}
