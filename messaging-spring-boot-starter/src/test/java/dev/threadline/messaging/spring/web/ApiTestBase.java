package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.spring.TestApplication;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One running app shared by the route tests (Spring caches the context): tenants with one key each
 * ({@code globex} in AI draft mode; {@code clinic} and {@code metrics} kept for the staff and analytics
 * tests, whose counts other tests must not disturb), the in-memory store, simulator channels and the
 * offline responder.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "messaging.security.api-keys.key-acme=acme",
        "messaging.security.api-keys.key-globex=globex",
        "messaging.security.api-keys.key-clinic=clinic",
        "messaging.security.api-keys.key-metrics=metrics",
        "messaging.rate-limit.requests=100000",
        "messaging.simulator.delivery-delay=50ms",
        "messaging.max-body-size=64KB",
        "messaging.api.stream-heartbeat=200ms",
        "messaging.tenants.globex.ai.mode=draft",
        "management.endpoint.health.show-details=always"})
abstract class ApiTestBase {

    static final String BASE = "/api/admin/messaging";
    /** Above every number a test writes out by hand (those stay below +14155552000). */
    private static final AtomicInteger PHONES = new AtomicInteger(2000);

    @LocalServerPort
    int port;

    HttpApi acme;
    HttpApi globex;

    @BeforeEach
    void clients() {
        acme = new HttpApi(port, BASE, "key-acme");
        globex = new HttpApi(port, BASE, "key-globex");
    }

    /** A valid US number no other test uses. */
    static String newPhone() {
        return "+1415555" + String.format("%04d", PHONES.incrementAndGet());
    }

    static String smsBody(String phone, String content, boolean generate) {
        return """
                {"channel":"sms","customer_name":"Test Customer","customer_phone":"%s","content":"%s","generate_ai_response":%s}"""
                .formatted(phone, content, generate);
    }

    static void assertValidationError(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("validation_failed");
        assertThat(response.text("/error/field")).isEqualTo(field);
    }

    /** Starts an SMS conversation for {@code api}'s tenant and returns its id. */
    static String startConversation(HttpApi api, String content) {
        HttpApi.Response response = api.post("/send", smsBody(newPhone(), content, false));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("/conversation_id");
    }
}
