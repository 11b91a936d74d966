package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Another tenant's templates, scheduled messages, campaigns, conversations and staff answer 404 on every automation route. */
class AutomationTenantIsolationTest extends AutomationTestBase {

    @Test
    void anotherTenantCannotSeeOrUseTheTemplate() {
        String name = smsTemplate(acme, "Private {{customer.name}}");

        assertNotFound(globex.get("/templates/" + name));
        assertNotFound(globex.post("/templates/" + name + "/preview", "{\"channel\":\"sms\",\"variables\":{\"customer\":{\"name\":\"x\"}}}"));
        assertNotFound(globex.delete("/templates/" + name));
        assertThat(globex.get("/templates").json().get("templates").valueStream().map(t -> t.get("name").asString())).doesNotContain(name);
        assertThat(acme.get("/templates/" + name).status()).isEqualTo(200);
    }

    @Test
    void anotherTenantCannotSendACannedReplyIntoTheConversation() {
        String conversationId = startConversation(acme, "private");
        String globexTemplate = smsTemplate(globex, "Hello from globex");

        assertNotFound(globex.post("/conversations/" + conversationId + "/canned-reply", "{\"template\":\"" + globexTemplate + "\"}"));
        assertThat(acme.get("/conversations/" + conversationId).json().get("messages").size()).isEqualTo(1);
    }

    @Test
    void anotherTenantCannotRescheduleOrCancelTheMessage() {
        String messageId = acme.post("/scheduled-messages", ScheduledMessageRoutesTest.reminder(smsTemplate(acme, "Later"), newPhone(),
                "\"send_at\":\"" + ScheduledMessageRoutesTest.tomorrow() + "\"")).text("/message_id");

        assertNotFound(globex.patch("/scheduled-messages/" + messageId, "{\"send_at\":\"" + ScheduledMessageRoutesTest.tomorrow() + "\"}"));
        assertNotFound(globex.delete("/scheduled-messages/" + messageId));
        assertThat(acme.delete("/scheduled-messages/" + messageId).status()).isEqualTo(204);
    }

    @Test
    void anotherTenantCannotReadOrDriveTheCampaign() {
        String id = acme.post("/campaigns", CampaignRoutesTest.campaign(newName("Private"), smsTemplate(acme, "Hi"), true,
                CampaignRoutesTest.recipient(newPhone()))).text("/campaign/id");

        assertNotFound(globex.get("/campaigns/" + id));
        assertNotFound(globex.get("/campaigns/" + id + "/recipients"));
        for (String action : new String[] {"start", "pause", "resume", "cancel"}) {
            assertNotFound(globex.postEmpty("/campaigns/" + id + "/" + action));
        }
        assertThat(globex.get("/campaigns").json().get("campaigns").valueStream().map(c -> c.get("id").asString())).doesNotContain(id);
        assertThat(acme.get("/campaigns/" + id).text("/campaign/status")).isEqualTo("draft");
    }

    @Test
    void anotherTenantCannotAskForTheConversationsCampaign() {
        String conversationId = startConversation(acme, "private");

        assertNotFound(globex.get("/conversations/" + conversationId + "/campaign"));
    }

    @Test
    void contactProfilesAreSeparatePerTenant() {
        String phone = newPhone();
        acme.patch("/contacts/profile", "{\"address\":\"" + phone + "\",\"add_tags\":[\"vip\"]}");

        HttpApi.Response theirs = globex.get("/contacts/profile?address=" + phone.replace("+", "%2B"));

        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json().get("tags")).isEmpty();
    }

    @Test
    void anotherTenantCannotSeeOrChangeTheStaffMember() {
        acme.put("/staff/acme-only", "{\"name\":\"Acme Staff\"}");

        assertNotFound(globex.patch("/staff/acme-only", "{\"level\":\"none\"}"));
        assertThat(globex.get("/staff").json().get("staff").valueStream().map(m -> m.get("id").asString())).doesNotContain("acme-only");
    }

    private static void assertNotFound(HttpApi.Response response) {
        assertError(response, 404, "not_found");
    }
}
