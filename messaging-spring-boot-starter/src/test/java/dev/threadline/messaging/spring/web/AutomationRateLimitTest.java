package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.spring.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The automation routes that send count against the tenant's rate limit; the others do not. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "messaging.security.api-keys.key-one=one",
        "messaging.security.api-keys.key-two=two",
        "messaging.rate-limit.requests=2",
        "messaging.rate-limit.period=1h"})
class AutomationRateLimitTest {

    @LocalServerPort
    int port;

    @Test
    void cannedRepliesAndRemindersShareTheTenantsBucket() {
        HttpApi one = new HttpApi(port, ApiTestBase.BASE, "key-one");
        String conversationId = ApiTestBase.startConversation(one, "hello");
        String template = AutomationTestBase.smsTemplate(one, "Thanks!");
        assertThat(one.post("/conversations/" + conversationId + "/canned-reply", "{\"template\":\"" + template + "\"}").status())
                .isEqualTo(202);

        HttpApi.Response limited = one.post("/scheduled-messages", ScheduledMessageRoutesTest.reminder(template, ApiTestBase.newPhone(),
                "\"send_at\":\"" + ScheduledMessageRoutesTest.tomorrow() + "\""));

        AutomationTestBase.assertError(limited, 429, "rate_limited");
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    @Test
    void campaignStartsAndDigestsAreLimitedButReadsAndDraftsAreNot() {
        HttpApi two = new HttpApi(port, ApiTestBase.BASE, "key-two");
        String template = AutomationTestBase.smsTemplate(two, "Hi");
        assertThat(two.post("/digest/send", "{}").status()).isEqualTo(200);
        assertThat(two.post("/digest/send", "{}").status()).isEqualTo(200);
        String campaignId = two.post("/campaigns", CampaignRoutesTest.campaign("Limited", template, true,
                CampaignRoutesTest.recipient(ApiTestBase.newPhone()))).text("/campaign/id");

        AutomationTestBase.assertError(two.postEmpty("/campaigns/" + campaignId + "/start"), 429, "rate_limited");
        assertThat(two.get("/campaigns/" + campaignId).text("/campaign/status")).isEqualTo("draft");
        assertThat(two.get("/templates/" + template).status()).isEqualTo(200);
    }
}
