package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spring.TestApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * An app whose AI provider is down, with a tight rate limit and webhook signature checks explicitly off;
 * unmapped webhooks land in tenant {@code default}. The admin API lives under a custom base path.
 */
@SpringBootTest(classes = {TestApplication.class, FailingProviderAppTest.DownProvider.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "messaging.security.api-keys.key-limited-one=limited-one",
        "messaging.security.api-keys.key-limited-two=limited-two",
        "messaging.security.api-keys.key-spare=spare",
        "messaging.security.api-keys.key-ai=ai",
        "messaging.security.api-keys.key-default=default",
        "messaging.rate-limit.requests=5",
        "messaging.rate-limit.period=1h",
        "messaging.webhooks.verify-signatures=false",
        "messaging.api.base-path=" + FailingProviderAppTest.BASE})
class FailingProviderAppTest {

    @TestConfiguration
    static class DownProvider {
        @Bean
        AiResponder unavailableResponder() {
            return request -> {
                throw new RetriableMessagingException("the AI provider answered 503", Duration.ofSeconds(30), null);
            };
        }
    }

    static final String BASE = "/ops/messaging";

    @LocalServerPort
    int port;

    HttpApi ai;

    @BeforeEach
    void client() {
        ai = new HttpApi(port, BASE, "key-ai");
    }

    @Test
    void theDefaultBasePathIsNotServedWhenAnotherIsConfigured() {
        assertThat(new HttpApi(port, ApiTestBase.BASE, "key-spare").get("/unread").status()).isEqualTo(404);
    }

    @Test
    void aFailedAiCallKeepsTheMessageAndSaysWhatFailed() {
        HttpApi.Response response = ai.post("/send", ApiTestBase.smsBody(ApiTestBase.newPhone(), "Is anyone there?", true));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("ai_response").isNull()).isTrue();
        assertThat(response.text("/ai_error/code")).isEqualTo("provider_unavailable");
        assertThat(response.text("/ai_error/message")).isNotBlank();
        String conversationId = response.text("/conversation_id");
        assertThat(ai.get("/conversations/" + conversationId).json().at("/messages/0/content").asString()).isEqualTo("Is anyone there?");
    }

    @Test
    void generateResponseWithTheProviderDownIsServiceUnavailable() {
        String conversationId = ai.post("/send", ApiTestBase.smsBody(ApiTestBase.newPhone(), "hello", false)).text("/conversation_id");

        HttpApi.Response response = ai.post("/generate-response", "{\"conversation_id\":\"" + conversationId + "\"}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.errorCode()).isEqualTo("provider_unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("30");
    }

    @Test
    void theRateLimitAnswersTooManyRequestsWithRetryAfter() {
        HttpApi limited = new HttpApi(port, BASE, "key-limited-one");
        for (int i = 0; i < 5; i++) {
            assertThat(limited.post("/send", ApiTestBase.smsBody(ApiTestBase.newPhone(), "hi", false)).status()).isEqualTo(201);
        }

        HttpApi.Response limitedResponse = limited.post("/send", ApiTestBase.smsBody(ApiTestBase.newPhone(), "hi", false));

        assertThat(limitedResponse.status()).isEqualTo(429);
        assertThat(limitedResponse.errorCode()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limitedResponse.header("Retry-After"))).isBetween(1L, 1200L);
    }

    @Test
    void theRateLimitIsPerTenantAndLeavesReadsAlone() {
        HttpApi limited = new HttpApi(port, BASE, "key-limited-two");
        for (int i = 0; i < 6; i++) {
            limited.post("/send", ApiTestBase.smsBody(ApiTestBase.newPhone(), "hi", false));
        }

        assertThat(limited.get("/conversations").status()).isEqualTo(200);
        HttpApi spare = new HttpApi(port, BASE, "key-spare");
        assertThat(spare.post("/send", ApiTestBase.smsBody(ApiTestBase.newPhone(), "hi", false)).status()).isEqualTo(201);
    }

    @Test
    void withSignatureChecksOffAnUnsignedTwilioMessageIsAccepted() {
        String phone = ApiTestBase.newPhone();
        HttpApi webhooks = new HttpApi(port, "", null);
        String form = "MessageSid=SMunsigned" + phone.substring(1) + "&From=" + phone.replace("+", "%2B") + "&To=%2B14155550001&Body=unsigned+hello";

        HttpApi.Response response = webhooks.postBytes("/webhooks/twilio/sms", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        HttpApi defaultTenant = new HttpApi(port, BASE, "key-default");
        await().atMost(Duration.ofSeconds(5)).until(() ->
                defaultTenant.get("/conversations?q=" + phone.substring(1)).json().at("/conversations/0/message_count").asLong() == 1);
    }

    @Test
    void withSignatureChecksOffAnUnsignedTwilioStatusCallbackIsParsedAndAcknowledged() {
        HttpApi webhooks = new HttpApi(port, "", null);
        String form = "MessageSid=SM" + "0".repeat(32) + "&MessageStatus=delivered";

        HttpApi.Response response = webhooks.postBytes("/webhooks/twilio/status", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void withSignatureChecksOffAnUnsignedSendGridEventBodyIsParsed() {
        HttpApi webhooks = new HttpApi(port, "", null);

        HttpApi.Response response = webhooks.postBytes("/webhooks/sendgrid/events", "application/json",
                "[{\"event\":\"delivered\"}]".getBytes(StandardCharsets.UTF_8));

        assertThat(response.errorCode()).isEqualTo("malformed_request");
    }
}
