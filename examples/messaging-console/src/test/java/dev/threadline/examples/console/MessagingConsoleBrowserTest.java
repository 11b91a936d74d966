package dev.threadline.examples.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
@NeedsChromium
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
        // Marcus is listed in "Mine" too: the waiting view is there once its rows show their wait.
        WebElement waiting = browser.wait.until(d -> d.findElement(By.cssSelector(".conversation .conv-waiting")));
        assertThat(listedNames()).contains("Marcus Johnson");
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

        assertThat(names("#page-nav a:not([hidden])")).as("an agent's pages").containsExactly("Inbox");
    }

    /** An email to the demo's Email inbox, set to draft mode, whose AI reply waits as a draft. */
    private String draftedEmail(String name, String address, String question) {
        String inbox = inboxNamed("Email");
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
        // The thread re-renders on each live event, so the status is read through the wait, which finds the element anew.
        browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".message.ai .delivery"), "data-status", "canceled"));
        assertThat(lastMessage(discarded).get("status").asText()).as("a discarded draft is never sent").isEqualTo("canceled");
    }

    @Test
    void theAgentApprovesAnEditedDraftFromMineAndSeesItDelivered() {
        String frontDesk = inboxNamed("Front desk");
        api.patch("/inboxes/" + frontDesk, Map.of("ai_mode", "draft"));
        try {
            String asked = api.post("/send", Map.of("channel", "sms", "customer_name", "Maya Reed", "customer_phone", "+14155550767",
                    "content", "How much is a HydraFacial?", "inbox_id", frontDesk)).get("conversation_id").asText();
            api.patch("/conversations/" + asked, Map.of("assignee_id", userNamed("Jamie Rivera")));
            signInAsTheFrontDeskAgent();

            view("mine");
            browser.wait.until(d -> listed("conversationId").contains(asked));
            openInList(asked);
            click(By.cssSelector(".message.draft .draft-edit"));
            WebElement editor = browser.driver.findElement(By.cssSelector(".message.draft .draft-editor"));
            editor.clear();
            editor.sendKeys("Hi Maya! A HydraFacial is $199. Would Saturday morning suit you?");
            click(By.cssSelector(".message.draft .draft-approve"));

            waitForMessage("ai", "Would Saturday morning suit you?");
            browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".message.ai:last-child .delivery"), "data-status", "delivered"));
            JsonNode sent = lastMessage(asked);
            assertThat(sent.get("content").asText()).isEqualTo("Hi Maya! A HydraFacial is $199. Would Saturday morning suit you?");
            assertThat(sent.get("status").asText()).isEqualTo("delivered");
        } finally {
            api.patch("/inboxes/" + frontDesk, Map.of("ai_mode", "auto"));
        }
    }

    private String inboxNamed(String name) {
        for (JsonNode inbox : api.get("/inboxes").get("inboxes")) {
            if (inbox.get("name").asText().equals(name)) {
                return inbox.get("id").asText();
            }
        }
        throw new AssertionError("no inbox " + name);
    }

    private String userNamed(String name) {
        for (JsonNode user : api.get("/users").get("users")) {
            if (user.get("name").asText().equals(name)) {
                return user.get("id").asText();
            }
        }
        throw new AssertionError("no user " + name);
    }

    @Test
    void theHeaderCountsTheDraftsAndItsButtonListsThemUntilApproved() {
        String asked = draftedEmail("Fay Moss", "fay.moss@example.com", "Do you have gift cards?");
        long drafts = api.get("/conversations?drafts=true&page_size=1").get("total").asLong();
        assertThat(drafts).isPositive();
        browser.wait.until(ExpectedConditions.textToBe(By.id("drafts-count"), String.valueOf(drafts)));

        click(By.id("drafts-button"));
        browser.wait.until(d -> listed("conversationId").contains(asked));
        List<String> listedIds = listed("conversationId");
        assertThat(listedIds).containsExactlyInAnyOrderElementsOf(api.get("/conversations?drafts=true&page_size=100")
                .get("conversations").valueStream().map(c -> c.get("id").asText()).toList());
        browser.screenshot("drafts-view");

        openInList(asked);
        click(By.cssSelector(".message.draft .draft-approve"));
        browser.wait.until(ExpectedConditions.textToBe(By.id("drafts-count"), String.valueOf(drafts - 1)));
        browser.wait.until(d -> !listed("conversationId").contains(asked));
    }

    @Test
    void aSuggestedReplyFillsTheReplyBoxAndIsSentAsTyped() {
        String id = sendThroughApi("Gwen Hall", "+14155550761", "What are your hours on Saturday?");
        openInList(id);

        WebElement chip = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions .suggestion")));
        @SuppressWarnings("unchecked")
        List<String> chips = (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll('#suggestions .suggestion')].map(b => b.textContent)");
        assertThat(chips).isNotEmpty().hasSizeLessThanOrEqualTo(3)
                .containsExactlyElementsOf(api.get("/conversations/" + id + "/suggestions").get("suggestions").valueStream()
                        .map(JsonNode::asText).toList());
        String first = chip.getText();
        browser.screenshot("suggestions");
        chip.click();
        assertThat(browser.driver.findElement(By.id("reply-content")).getAttribute("value")).isEqualTo(first);

        click(By.id("reply-button"));
        waitForMessage("staff", first);
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("suggestions")));
    }

    @Test
    void aTemplateFillsTheCustomersNameAndMarksWhatIsMissing() {
        String id = sendThroughApi("Hana Ito", "+14155550762", "Can you remind me of my appointment?");
        openInList(id);

        click(By.id("templates-toggle"));
        new Select(browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("template-select"))))
                .selectByValue("appointment-reminder");

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("template-missing")));
        assertThat(text("template-missing")).isEqualTo("Fill in before sending: appointment.time");
        String filled = browser.driver.findElement(By.id("reply-content")).getAttribute("value");
        assertThat(filled).startsWith("Hi Hana Ito, a reminder of your appointment").contains("[appointment.time]");
        browser.screenshot("template-picker");
    }

    @Test
    void aReplyScheduledForTomorrowWaitsWithItsTimeAndIsCanceled() {
        String id = sendThroughApi("Ivy Lane", "+14155550763", "Can you text me tomorrow morning?");
        openInList(id);
        java.time.LocalDate tomorrow = java.time.LocalDate.now(properties.timeZone()).plusDays(1);

        browser.driver.findElement(By.id("reply-content")).sendKeys("Good morning Ivy! Here are this week's openings.");
        click(By.id("later-toggle"));
        WebElement when = browser.driver.findElement(By.id("schedule-at"));
        browser.driver.executeScript("arguments[0].value = arguments[1]", when, tomorrow + "T09:30");
        click(By.id("schedule-button"));

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message .scheduled-cancel")));
        JsonNode scheduled = lastMessage(id);
        assertThat(scheduled.get("status").asText()).isEqualTo("scheduled");
        assertThat(java.time.Instant.parse(scheduled.get("send_at").asText()))
                .as("09:30 in the spa's time zone").isEqualTo(tomorrow.atTime(9, 30).atZone(properties.timeZone()).toInstant());
        browser.wait.until(ExpectedConditions.textMatches(By.cssSelector(".message .scheduled-at"),
                java.util.regex.Pattern.compile("9:30[ \u202f]AM")));
        browser.screenshot("scheduled");

        click(By.cssSelector(".message .scheduled-cancel"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".message.staff .delivery"), "data-status", "canceled"));
        assertThat(lastMessage(id).get("status").asText()).isEqualTo("canceled");
    }

    /** Types {@code keys} wherever the page's focus is, as a person at the keyboard does. */
    private void press(CharSequence keys) {
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(keys).perform();
    }

    private JsonNode lastMessage(String conversationId) {
        JsonNode messages = api.get("/conversations/" + conversationId).get("messages");
        return messages.get(messages.size() - 1);
    }

    @Test
    void aPhoneCallShowsAsACallWithItsDurationAndTurns() {
        String call = api.get("/conversations?channel=voice&page_size=1").at("/conversations/0/id").asText();
        JsonNode messages = api.get("/conversations/" + call).get("messages");
        long callerTurns = messages.valueStream().filter(m -> m.get("author").asText().equals("customer")).count();
        long seconds = java.time.Duration.between(java.time.Instant.parse(messages.get(0).get("sent_at").asText()),
                java.time.Instant.parse(messages.get(messages.size() - 1).get("sent_at").asText())).toSeconds();

        openInList(call);

        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("call-summary")));
        assertThat(text("call-caller-turns")).isEqualTo(String.valueOf(callerTurns));
        assertThat(text("call-agent-turns")).isEqualTo(String.valueOf(messages.size() - callerTurns));
        assertThat(text("call-duration")).isEqualTo(seconds < 60 ? seconds + " s" : Math.round(seconds / 60.0) + " min");
        assertThat(browser.driver.findElement(By.id("messages")).getAttribute("class")).contains("call");
        assertThat(browser.driver.findElement(By.id("reply-form")).isDisplayed()).as("a finished call has no reply box").isFalse();
        browser.screenshot("voice-call");
    }

    @Test
    void theKeyboardMovesThroughTheListRepliesAndCompletes() {
        String id = sendThroughApi("Jude Marsh", "+14155550764", "Is there parking nearby?");
        browser.wait.until(d -> !listed("conversationId").isEmpty() && listed("conversationId").get(0).equals(id));

        press("j");
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("thread-view"), "data-conversation-id", id));
        press("j");
        String second = listed("conversationId").get(1);
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("thread-view"), "data-conversation-id", second));
        press("k");
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("thread-view"), "data-conversation-id", id));

        press("r");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("reply-content");
        press(org.openqa.selenium.Keys.ESCAPE);
        press("e");
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("thread-status"), "data-status", "completed"));
        assertThat(api.get("/conversations/" + id).at("/conversation/status").asText()).isEqualTo("completed");

        press("?");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("help-dialog")));
        assertThat(text("help-dialog")).contains("Next / previous conversation");
        browser.screenshot("keyboard-help");
        click(By.cssSelector("#help-dialog .btn-primary"));
    }

    @Test
    void aCustomerIsFoundTaggedGivenATimeZoneAndTheirConversationOpened() {
        String conversation = sendThroughApi("Kira Stone", "+14155550765", "Do you sell gift cards?");
        click(By.cssSelector("#page-nav a[data-page='customers']"));
        browser.wait.until(d -> names("#customer-rows .customer-name").size() > 3);
        browser.screenshot("customers-desktop");
        browser.resize(ConsoleBrowser.PHONE);
        browser.screenshot("customers-phone");
        browser.resize(ConsoleBrowser.DESKTOP);
        type("customer-search", "Kira Stone");
        browser.wait.until(d -> names("#customer-rows .customer-name").equals(List.of("Kira Stone")));

        click(By.cssSelector("#customer-rows .customer-name"));
        browser.wait.until(ExpectedConditions.textToBe(By.id("profile-name"), "Kira Stone"));
        assertThat(text("profile-phone")).isEqualTo("+14155550765");
        assertThat(browser.driver.findElement(By.cssSelector("#profile-opt-outs li[data-channel='sms']")).getText()).contains("Subscribed");

        type("profile-new-tag", "vip");
        click(By.id("profile-add-tag"));
        browser.wait.until(d -> names("#profile-tags .tag").equals(List.of("vip×")));
        type("profile-time-zone", "America/Chicago");
        click(By.id("profile-save-zone"));
        browser.wait.until(d -> "America/Chicago".equals(
                api.get("/contacts/profile?address=%2B14155550765").get("time_zone").asText(null)));
        assertThat(api.get("/contacts/profile?address=%2B14155550765").get("tags").get(0).asText()).isEqualTo("vip");
        browser.screenshot("customer-profile");
        browser.resize(ConsoleBrowser.PHONE);
        browser.screenshot("customer-profile-phone");
        browser.resize(ConsoleBrowser.DESKTOP);

        click(By.cssSelector("#profile-conversations li[data-conversation-id='" + conversation + "'] a"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("thread-view"), "data-conversation-id", conversation));
        assertThat(browser.driver.findElement(By.id("page-inbox")).isDisplayed()).isTrue();
    }

    @Test
    void aCustomerWhoTextedStopShowsAsOptedOutAndTheTagFilterFindsTaggedCustomers() {
        sendThroughApi("Lena Frost", "+14155550766", "STOP");
        api.patch("/contacts/profile", Map.of("address", "+14155550766", "add_tags", List.of("lapsed-" + port)));
        click(By.cssSelector("#page-nav a[data-page='customers']"));

        type("customer-tag", "lapsed-" + port);
        browser.wait.until(d -> names("#customer-rows .customer-name").equals(List.of("Lena Frost")));
        assertThat(browser.driver.findElement(By.cssSelector("#customer-rows .chip[data-channel='sms']")).getText())
                .isEqualTo("SMS · OPTED OUT");
        click(By.cssSelector("#customer-rows .customer-name"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#profile-opt-outs li[data-channel='sms']"),
                "data-opted-out", "true"));
    }

    @Test
    void anAdminSetsAnInboxsAiModeOnTheSettingsPage() {
        click(By.cssSelector("#page-nav a[data-page='settings']"));
        WebElement frontDesk = browser.wait.until(d -> d.findElement(By.xpath(
                "//tr[.//label[text()='Front desk']]//select")));
        String inbox = frontDesk.getAttribute("data-inbox-id");

        new Select(frontDesk).selectByValue("off");
        browser.wait.until(d -> "off".equals(inboxMode(inbox)));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-inbox-id='" + inbox + "'] .saved"), "Saved"));
        browser.screenshot("settings-desktop");
        browser.resize(ConsoleBrowser.PHONE);
        browser.screenshot("settings-phone");
        browser.resize(ConsoleBrowser.DESKTOP);

        new Select(browser.driver.findElement(By.id("ai-mode-" + inbox))).selectByValue("auto");
        browser.wait.until(d -> "auto".equals(inboxMode(inbox)));
    }

    private String inboxMode(String inbox) {
        for (JsonNode candidate : api.get("/inboxes").get("inboxes")) {
            if (candidate.get("id").asText().equals(inbox)) {
                return candidate.get("ai_mode").asText(null);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private List<String> names(String css) {
        return (List<String>) browser.driver.executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(n => n.textContent)", css);
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

    private List<String> listedNames() {
        return names(".conversation .conv-contact");
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
