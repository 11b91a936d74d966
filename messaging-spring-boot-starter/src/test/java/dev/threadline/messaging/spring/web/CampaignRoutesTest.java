package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /campaigns}, {@code /conversations/{id}/campaign} and {@code /contacts/profile}. */
class CampaignRoutesTest extends AutomationTestBase {

    @Test
    void createAnswersADraftWithItsProgress() {
        String template = smsTemplate(acme, "{{offer}} for {{customer.name}}");
        String name = newName("November offer");

        HttpApi.Response response = acme.post("/campaigns", campaign(name, template, true, recipient(newPhone()) + "," + recipient(newPhone())));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode campaign = response.json().get("campaign");
        assertThat(campaign.get("name").asString()).isEqualTo(name);
        assertThat(campaign.get("template").asString()).isEqualTo(template);
        assertThat(campaign.get("channel").asString()).isEqualTo("sms");
        assertThat(campaign.get("marketing").asBoolean()).isTrue();
        assertThat(campaign.get("status").asString()).isEqualTo("draft");
        assertThat(campaign.get("default_time_zone").asString()).isEqualTo("America/New_York");
        assertThat(campaign.at("/quiet_hours/allowed_from").asString()).isEqualTo("08:00");
        assertThat(campaign.at("/quiet_hours/allowed_until").asString()).isEqualTo("21:00");
        assertThat(campaign.get("created_at").asString()).endsWith("Z");
        assertThat(response.json().at("/progress/total").asInt()).isEqualTo(2);
        assertThat(response.json().at("/progress/pending").asInt()).isEqualTo(2);
    }

    @Test
    void withoutDefaultTimeZoneTheCampaignUsesUtc() {
        String body = """
                {"name":"Plain","template":"%s","channel":"sms","recipients":[{"address":"%s"}]}""".formatted(smsTemplate(acme, "Hi"), newPhone());

        HttpApi.Response response = acme.post("/campaigns", body);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.text("/campaign/default_time_zone")).isEqualTo("UTC");
        assertThat(response.json().at("/campaign/marketing").asBoolean()).isTrue();
    }

    @Test
    void aMissingVariableNamesItsPathAndStoresNothing() {
        String template = smsTemplate(acme, "{{discount}} off");
        String name = newName("Broken offer");

        assertValidationError(acme.post("/campaigns", campaign(name, template, true, recipient(newPhone()))), "variables.discount");
        assertThat(acme.get("/campaigns").json().get("campaigns").valueStream().map(c -> c.get("name").asString())).doesNotContain(name);
    }

    @Test
    void recipientsAndSegmentTogetherAreAValidationError() {
        String body = """
                {"name":"Both","template":"%s","channel":"sms","recipients":[{"address":"%s"}],"segment":{"tags":["vip"]}}"""
                .formatted(smsTemplate(acme, "Hi"), newPhone());

        assertValidationError(acme.post("/campaigns", body), "recipients");
    }

    @Test
    void aRecipientWithoutAddressIsAValidationErrorOnItsAddress() {
        String body = """
                {"name":"No address","template":"%s","channel":"sms","recipients":[{"name":"Ana"}]}""".formatted(smsTemplate(acme, "Hi"));

        assertValidationError(acme.post("/campaigns", body), "recipients.address");
    }

    @Test
    void quietHoursEndingBeforeTheyStartAreAValidationError() {
        String body = """
                {"name":"Night","template":"%s","channel":"sms","quiet_hours":{"allowed_from":"21:00","allowed_until":"08:00"},
                 "recipients":[{"address":"%s"}]}""".formatted(smsTemplate(acme, "Hi"), newPhone());

        assertValidationError(acme.post("/campaigns", body), "quiet_hours");
    }

    @Test
    void anUnknownTemplateIsNotFound() {
        assertError(acme.post("/campaigns", campaign(newName("Ghost"), "never-saved", true, recipient(newPhone()))), 404, "not_found");
    }

    @Test
    void aServiceCampaignSendsEveryRecipientAndCompletes() {
        String id = created(campaign(newName("Closure"), smsTemplate(acme, "We are closed Friday"), false,
                recipient(newPhone()) + "," + recipient(newPhone())));

        HttpApi.Response started = acme.postEmpty("/campaigns/" + id + "/start");

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode current = acme.get("/campaigns/" + id).json();
            assertThat(current.at("/progress/sent").asInt()).isEqualTo(2);
            assertThat(current.at("/campaign/status").asString()).isEqualTo("completed");
        });
        acme.get("/campaigns/" + id + "/recipients").json().get("recipients").forEach(r -> {
            assertThat(r.get("status").asString()).isEqualTo("sent");
            assertThat(r.get("message_id").asString()).isNotBlank();
            assertThat(r.get("send_at").asString()).endsWith("Z");
        });
    }

    @Test
    void anOptedOutRecipientIsSkippedWithTheReason() {
        String optedOut = newPhone();
        acme.post("/send", smsBody(optedOut, "STOP", false));
        String id = created(campaign(newName("Offer"), smsTemplate(acme, "Hi"), false, recipient(optedOut) + "," + recipient(newPhone())));

        acme.postEmpty("/campaigns/" + id + "/start");

        JsonNode skipped = acme.get("/campaigns/" + id + "/recipients?status=skipped").json().get("recipients");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).get("address").asString()).isEqualTo(optedOut);
        assertThat(skipped.get(0).get("reason").asString()).isEqualTo("recipient_opted_out");
    }

    @Test
    void marketingMessagesAreScheduledInsideTheRecipientsAllowedHours() {
        String body = """
                {"name":"Tokyo","template":"%s","channel":"sms","quiet_hours":{"allowed_from":"03:00","allowed_until":"04:00"},
                 "recipients":[{"address":"%s","time_zone":"Asia/Tokyo"}]}""".formatted(smsTemplate(acme, "Hi"), newPhone());
        String id = created(body);

        acme.postEmpty("/campaigns/" + id + "/start");

        JsonNode recipient = acme.get("/campaigns/" + id + "/recipients").json().at("/recipients/0");
        assertThat(recipient.get("time_zone").asString()).isEqualTo("Asia/Tokyo");
        LocalTime local = Instant.parse(recipient.get("send_at").asString()).atZone(ZoneId.of("Asia/Tokyo")).toLocalTime();
        assertThat(local).isBetween(LocalTime.of(3, 0), LocalTime.of(4, 0));
    }

    @Test
    void pauseResumeAndCancelMoveThroughTheLifecycle() {
        // A window starting at least an hour from now, so the message is still waiting when paused.
        int hour = (LocalTime.now(ZoneOffset.UTC).getHour() + 2) % 24;
        String body = """
                {"name":"Later","template":"%s","channel":"sms","quiet_hours":{"allowed_from":"%02d:00","allowed_until":"%02d:30"},
                 "default_time_zone":"UTC","recipients":[{"address":"%s"}]}""".formatted(smsTemplate(acme, "Hi"), hour, hour, newPhone());
        String id = created(body);
        acme.postEmpty("/campaigns/" + id + "/start");

        HttpApi.Response paused = acme.postEmpty("/campaigns/" + id + "/pause");
        assertThat(paused.text("/campaign/status")).isEqualTo("paused");
        assertThat(paused.json().at("/progress/pending").asInt()).isEqualTo(1);

        HttpApi.Response resumed = acme.postEmpty("/campaigns/" + id + "/resume");
        assertThat(resumed.text("/campaign/status")).isEqualTo("running");

        HttpApi.Response canceled = acme.postEmpty("/campaigns/" + id + "/cancel");
        assertThat(canceled.status()).isEqualTo(200);
        assertThat(canceled.text("/campaign/status")).isEqualTo("canceled");
        assertThat(canceled.json().at("/progress/canceled").asInt()).isEqualTo(1);
    }

    @Test
    void actionsInTheWrongStateAreConflicts() {
        String id = created(campaign(newName("Draft"), smsTemplate(acme, "Hi"), true, recipient(newPhone())));

        assertError(acme.postEmpty("/campaigns/" + id + "/pause"), 409, "conflict");
        assertError(acme.postEmpty("/campaigns/" + id + "/resume"), 409, "conflict");
        acme.postEmpty("/campaigns/" + id + "/cancel");
        assertError(acme.postEmpty("/campaigns/" + id + "/start"), 409, "conflict");
        assertError(acme.postEmpty("/campaigns/" + id + "/cancel"), 409, "conflict");
    }

    @Test
    void listShowsCampaignsNewestFirst() {
        String first = created(campaign(newName("First"), smsTemplate(acme, "Hi"), true, recipient(newPhone())));
        String second = created(campaign(newName("Second"), smsTemplate(acme, "Hi"), true, recipient(newPhone())));

        var ids = acme.get("/campaigns").json().get("campaigns").valueStream().map(c -> c.get("id").asString()).toList();

        assertThat(ids.indexOf(second)).isNotNegative().isLessThan(ids.indexOf(first));
    }

    @Test
    void anUnknownRecipientStatusIsAValidationError() {
        String id = created(campaign(newName("Filter"), smsTemplate(acme, "Hi"), true, recipient(newPhone())));

        assertValidationError(acme.get("/campaigns/" + id + "/recipients?status=lost"), "status");
    }

    @Test
    void unknownCampaignIsNotFound() {
        assertError(acme.get("/campaigns/no-such-campaign"), 404, "not_found");
        assertError(acme.postEmpty("/campaigns/no-such-campaign/start"), 404, "not_found");
    }

    @Test
    void aCustomersReplyThreadsIntoTheCampaignsConversation() {
        String id = created(campaign(newName("Reply"), smsTemplate(acme, "20% off this week"), false, recipient(newPhone())));
        acme.postEmpty("/campaigns/" + id + "/start");
        await().atMost(Duration.ofSeconds(10)).until(() -> acme.get("/campaigns/" + id).json().at("/progress/sent").asInt() == 1);
        String conversationId = acme.get("/campaigns/" + id + "/recipients").text("/recipients/0/conversation_id");

        acme.post("/send", "{\"conversation_id\":\"" + conversationId + "\",\"content\":\"Yes please\",\"generate_ai_response\":false}");

        assertThat(acme.get("/conversations/" + conversationId + "/campaign").text("/campaign/id")).isEqualTo(id);
        assertThat(acme.get("/campaigns/" + id).json().at("/progress/replied").asInt()).isEqualTo(1);
        assertThat(acme.get("/campaigns/" + id + "/recipients").text("/recipients/0/replied_at")).endsWith("Z");
    }

    @Test
    void aConversationWithoutCampaignAnswersNull() {
        String conversationId = startConversation(acme, "Just asking");

        HttpApi.Response response = acme.get("/conversations/" + conversationId + "/campaign");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("campaign").isNull()).isTrue();
    }

    @Test
    void aSegmentPicksTheTaggedContacts() {
        String tag = newName("vip");
        String tagged = newPhone();
        acme.patch("/contacts/profile", "{\"address\":\"" + tagged + "\",\"add_tags\":[\"" + tag + "\"]}");
        String body = """
                {"name":"VIPs","template":"%s","channel":"sms","segment":{"tags":["%s"]}}""".formatted(smsTemplate(acme, "Hi"), tag);

        String id = created(body);

        JsonNode recipients = acme.get("/campaigns/" + id + "/recipients").json().get("recipients");
        assertThat(recipients.valueStream().map(r -> r.get("address").asString()).toList()).containsExactly(tagged);
    }

    @Test
    void profileUpdatesTagsAndTimeZone() {
        String phone = newPhone();

        HttpApi.Response updated = acme.patch("/contacts/profile",
                "{\"address\":\"" + phone + "\",\"add_tags\":[\"VIP\",\"botox\"],\"time_zone\":\"America/New_York\"}");
        acme.patch("/contacts/profile", "{\"address\":\"" + phone + "\",\"remove_tags\":[\"botox\"]}");

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        HttpApi.Response profile = acme.get("/contacts/profile?address=" + phone.replace("+", "%2B"));
        assertThat(profile.text("/contact_id")).isEqualTo(updated.text("/contact_id"));
        assertThat(profile.json().get("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("vip");
        assertThat(profile.text("/time_zone")).isEqualTo("America/New_York");
    }

    @Test
    void aBadTagIsAValidationErrorOnTags() {
        assertValidationError(acme.patch("/contacts/profile", "{\"address\":\"" + newPhone() + "\",\"add_tags\":[\"no spaces\"]}"), "tags");
    }

    @Test
    void aProfileWithoutAddressIsAValidationErrorOnAddress() {
        assertValidationError(acme.get("/contacts/profile"), "address");
        assertValidationError(acme.patch("/contacts/profile", "{\"add_tags\":[\"vip\"]}"), "address");
    }

    @Test
    void anUnknownTimeZoneIsAValidationError() {
        assertValidationError(acme.patch("/contacts/profile", "{\"address\":\"" + newPhone() + "\",\"time_zone\":\"Mars/Base\"}"),
                "time_zone");
    }

    private String created(String body) {
        HttpApi.Response response = acme.post("/campaigns", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("/campaign/id");
    }

    static String campaign(String name, String template, boolean marketing, String recipients) {
        return """
                {"name":"%s","template":"%s","channel":"sms","marketing":%s,
                 "variables":{"offer":"20%% off peels","customer":{"name":"there"}},
                 "default_time_zone":"America/New_York","recipients":[%s]}""".formatted(name, template, marketing, recipients);
    }

    static String recipient(String phone) {
        return "{\"name\":\"Ana\",\"address\":\"" + phone + "\"}";
    }
}
