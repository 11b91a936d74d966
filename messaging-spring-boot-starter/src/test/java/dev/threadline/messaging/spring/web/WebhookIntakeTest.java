package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadline.messaging.intake.IntakeEntry;
import dev.threadline.messaging.intake.IntakeRequest;
import dev.threadline.messaging.intake.IntakeStore;
import dev.threadline.messaging.intake.WebhookIntake;
import dev.threadline.messaging.memory.InMemoryIntakeStore;
import dev.threadline.messaging.spring.TestApplication;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * The webhook intake behind the routes: nothing is acknowledged that is not stored, a store that cannot take a
 * request makes the provider retry, and requests that keep failing are listed for admins and replayed.
 */
@SpringBootTest(classes = {TestApplication.class, WebhookIntakeTest.FailingStore.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "messaging.security.api-keys.key-acme=acme",
        "messaging.security.api-keys.key-other=other",
        "messaging.tenants.acme.addresses=" + WebhookIntakeTest.OUR_NUMBER,
        "messaging.webhooks.verify-signatures=false",
        "messaging.ai.mode=off"})
class WebhookIntakeTest {

    static final String OUR_NUMBER = "+14155550071";

    /** The in-memory intake, which can be told to fail as a database that is down would. */
    static final class SwitchableIntakeStore implements IntakeStore {
        private final InMemoryIntakeStore stored = new InMemoryIntakeStore();
        volatile boolean down;

        @Override
        public void accept(IntakeRequest request) {
            if (down) {
                throw new IllegalStateException("Connection refused: the database is down");
            }
            stored.accept(request);
        }

        @Override
        public List<IntakeEntry> claimDue(Instant now, int limit, String workerId, Instant leaseUntil) {
            return stored.claimDue(now, limit, workerId, leaseUntil);
        }

        @Override
        public void complete(IntakeEntry entry) {
            stored.complete(entry);
        }

        @Override
        public void retryLater(IntakeEntry entry, Instant dueAt, String error) {
            stored.retryLater(entry, dueAt, error);
        }

        @Override
        public void deadLetter(IntakeEntry entry, String error) {
            stored.deadLetter(entry, error);
        }

        @Override
        public List<IntakeEntry> deadLetters(String tenantId, int limit) {
            return stored.deadLetters(tenantId, limit);
        }

        @Override
        public boolean replay(String tenantId, String id, Instant dueAt) {
            return stored.replay(tenantId, id, dueAt);
        }

        @Override
        public void releaseAll(String workerId) {
            stored.releaseAll(workerId);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingStore {
        @Bean
        SwitchableIntakeStore switchableIntakeStore() {
            return new SwitchableIntakeStore();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    SwitchableIntakeStore store;

    @Autowired
    WebhookIntake intake;

    HttpApi acme;
    HttpApi webhooks;

    @BeforeEach
    void clients() {
        acme = new HttpApi(port, ApiTestBase.BASE, "key-acme");
        webhooks = new HttpApi(port, "", null);
    }

    @AfterEach
    void storeUp() {
        store.down = false;
    }

    @Test
    void aWebhookThatCannotBeStoredIsNotAcknowledgedSoTwilioSendsItAgain() {
        String phone = ApiTestBase.newPhone();
        Map<String, String> message = Map.of("MessageSid", "SM" + "7".repeat(31) + phone.substring(phone.length() - 1),
                "From", phone, "To", OUR_NUMBER, "Body", "Can I come in at 4?", "NumMedia", "0");
        store.down = true;

        HttpApi.Response refused = postForm("/webhooks/twilio/sms", message);

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("store_unavailable");

        store.down = false;
        HttpApi.Response resent = postForm("/webhooks/twilio/sms", message);

        assertThat(resent.status()).isEqualTo(200);
        JsonNode conversation = await().atMost(Duration.ofSeconds(5)).until(() -> conversationOf(phone), c -> c != null);
        assertThat(conversation.get("message_count").asLong()).isEqualTo(1);
        assertThat(conversation.get("last_message").asString()).isEqualTo("Can I come in at 4?");
    }

    @Test
    void aRequestThatCannotBeProcessedIsADeadLetterAdminsCanSeeAndReplay() {
        // Stored as a provider could have sent it, but without the sender: no message can be made of it.
        String id = intake.accept("acme", "twilio.sms", Map.of("MessageSid", "SM" + "8".repeat(32), "To", OUR_NUMBER,
                "Body", "hello")).id();

        JsonNode dead = await().atMost(Duration.ofSeconds(5)).until(() -> deadLetter(acme, id), d -> d != null);
        assertThat(dead.get("source").asString()).isEqualTo("twilio.sms");
        assertThat(dead.get("attempts").asInt()).isEqualTo(1);
        assertThat(dead.get("last_error").asString()).contains("From");
        assertThat(dead.get("fields").get("Body").asString()).isEqualTo("hello");

        HttpApi other = new HttpApi(port, ApiTestBase.BASE, "key-other");
        assertThat(deadLetter(other, id)).as("another tenant's dead letters").isNull();
        assertThat(other.post("/webhooks/dead-letters/" + id + "/replay", "").status()).isEqualTo(404);

        HttpApi.Response replayed = acme.post("/webhooks/dead-letters/" + id + "/replay", "");
        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.text("/status")).isEqualTo("queued");
        assertThat(acme.post("/webhooks/dead-letters/unknown/replay", "").status()).isEqualTo(404);
    }

    private JsonNode deadLetter(HttpApi api, String id) {
        for (JsonNode d : api.get("/webhooks/dead-letters").json().get("dead_letters")) {
            if (d.get("id").asString().equals(id)) {
                return d;
            }
        }
        return null;
    }

    private JsonNode conversationOf(String phone) {
        for (JsonNode c : acme.get("/conversations?page_size=100").json().get("conversations")) {
            if (phone.equals(c.get("customer_phone").asString())) {
                return c;
            }
        }
        return null;
    }

    private HttpApi.Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return webhooks.send(webhooks.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
