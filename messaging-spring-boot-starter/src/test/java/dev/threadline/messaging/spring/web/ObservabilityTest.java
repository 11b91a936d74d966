package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ObservabilityTest extends ApiTestBase {

    @Autowired
    MeterRegistry registry;

    @Test
    void receivedMessagesAreCountedByChannel() {
        double before = count("threadline.messages.received");

        startConversation(acme, "count me in");

        assertThat(count("threadline.messages.received")).isEqualTo(before + 1);
    }

    @Test
    void sentMessagesAreCountedAndTheirLatencyTimed() {
        String id = startConversation(acme, "please answer");
        double sentBefore = count("threadline.messages.sent");

        acme.post("/conversations/" + id + "/reply", "{\"content\":\"answered\"}");

        // Replies of other tests in this shared app may be sent meanwhile, so the count grows by at least one.
        await().atMost(Duration.ofSeconds(5)).until(() -> count("threadline.messages.sent") >= sentBefore + 1);
        assertThat(registry.get("threadline.delivery.latency").tag("channel", "sms").timer().count()).isPositive();
    }

    @Test
    void aiRepliesAreTimed() {
        long before = aiCalls();

        acme.post("/send", smsBody(newPhone(), "How much is Botox?", true));

        assertThat(aiCalls()).isEqualTo(before + 1);
    }

    @Test
    void theOutboxDepthIsAGauge() {
        assertThat(registry.get("threadline.outbox.depth").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void healthReportsStoreBacklogAndProviders() {
        JsonNode health = new HttpApi(port, "/actuator", null).get("/health/messaging").json();

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.at("/details/store").asString()).isEqualTo("InMemoryConversationStore");
        assertThat(health.at("/details/outbox_backlog").isIntegralNumber()).isTrue();
        assertThat(health.at("/details/channels/sms").asString()).isEqualTo("SimulatorChannel");
        assertThat(health.at("/details/ai_responder").asString()).isEqualTo("KnowledgeBaseResponder");
    }

    private double count(String name) {
        var counter = registry.find(name).tag("channel", "sms").counter();
        return counter == null ? 0 : counter.count();
    }

    private long aiCalls() {
        var timer = registry.find("threadline.ai.latency").timer();
        return timer == null ? 0 : timer.count();
    }
}
