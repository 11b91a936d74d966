package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.spring.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An app whose OpenAI endpoint refuses connections, with the offline knowledge-base fallback on (the
 * default): customers still get an answer, and the outage is reported with it, never hidden.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "messaging.security.api-keys.key-fallback=fallback",
        "messaging.openai.api-key=sk-test",
        "messaging.openai.base-url=http://127.0.0.1:9/v1",
        "messaging.openai.max-retries=0",
        "messaging.delivery.enabled=false"})
class OfflineFallbackAppTest {

    @LocalServerPort
    int port;

    @Autowired
    MessageManager manager;

    @Autowired
    MeterRegistry meters;

    @Test
    void aFallbackReplyIsMarkedAndTheProviderErrorStillReported() {
        double before = fallbacks();
        HttpApi api = new HttpApi(port, ApiTestBase.BASE, "key-fallback");

        HttpApi.Response response = api.post("/send", ApiTestBase.smsBody(ApiTestBase.newPhone(), "How much is Botox?", true));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("/ai_response/content")).contains("$12 per unit");
        assertThat(response.json().at("/ai_response/fallback").asBoolean()).isTrue();
        assertThat(response.text("/ai_error/code")).isEqualTo("provider_unavailable");
        assertThat(response.text("/ai_error/message")).isNotBlank();

        Message stored = manager.getMessage("fallback", response.text("/ai_response/message_id"));
        assertThat(stored.metadata()).containsEntry(Message.META_AI_FALLBACK, "true")
                .containsEntry(Message.META_AI_ERROR_CODE, "provider_unavailable");
        assertThat(manager.events("fallback", response.text("/conversation_id")))
                .extracting(ConversationEvent::type).contains(ConversationEvent.AI_FAILED);
        assertThat(fallbacks()).isEqualTo(before + 1);
    }

    @Test
    void generateResponseSaysWhenAFallbackAnswered() {
        HttpApi api = new HttpApi(port, ApiTestBase.BASE, "key-fallback");
        String conversationId = api.post("/send", ApiTestBase.smsBody(ApiTestBase.newPhone(), "How much is Botox?", false))
                .text("/conversation_id");

        HttpApi.Response response = api.post("/generate-response", "{\"conversation_id\":\"" + conversationId + "\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/fallback").asBoolean()).isTrue();
    }

    private double fallbacks() {
        return meters.find("threadline.ai.fallbacks").tag("code", "provider_unavailable").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
