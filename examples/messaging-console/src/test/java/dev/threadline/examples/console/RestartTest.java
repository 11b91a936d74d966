package dev.threadline.examples.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app started, used, stopped and started again on the same database, as the README promises: what is sent
 * after the restart is delivered like what was sent before it, and templates and staff are still there.
 */
class RestartTest {

    private static final String DEMO_KEY = "tl-demo-glow-7c41e9";

    private final String database = "jdbc:h2:file:./target/restart-data/" + UUID.randomUUID() + "/threadline";

    @Test
    void messagesSentAfterARestartAreDelivered() {
        String before = sendAndAwaitDelivery("+14155550181");
        String after = sendAndAwaitDelivery("+14155550182");

        assertThat(before).isEqualTo("delivered");
        assertThat(after).isEqualTo("delivered");
    }

    @Test
    void templatesAndStaffSurviveARestart() {
        runApp(api -> {
            api.put("/templates/welcome", Map.of("kind", "message", "variants", Map.of("sms", Map.of("body", "Welcome, {{name}}!"))));
            api.put("/staff/front-desk", Map.of("name", "Frank", "email", "frank@glow.example", "level", "urgent_only",
                    "notify_via", "email"));
            return null;
        });

        runApp(api -> {
            assertThat(api.get("/templates/welcome").at("/template/variants/sms/body").asText()).isEqualTo("Welcome, {{name}}!");
            assertThat(api.get("/staff").findValuesAsText("id")).contains("front-desk");
            assertThat(api.get("/staff").findValuesAsText("level")).contains("urgent_only");
            return null;
        });
    }

    /** One run of the app: start, send a message to {@code phone}, wait for its delivery, stop. */
    private String sendAndAwaitDelivery(String phone) {
        return runApp(api -> {
            String conversationId = api.post("/send", Map.of("channel", "sms", "customer_name", "Restart Test",
                    "customer_phone", phone, "content", "Is my appointment still on?", "generate_ai_response", false))
                    .get("conversation_id").asText();
            api.post("/conversations/" + conversationId + "/reply", Map.of("content", "Yes, see you tomorrow at 10."));
            return awaitStatusOfLastMessage(api, conversationId);
        });
    }

    /** Starts the app on the test's database, uses its admin API, stops it. */
    private <T> T runApp(Function<AdminApi, T> use) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MessagingConsoleApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + database, "--console.demo-data=false",
                "--messaging.simulator.delivery-delay=100ms")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            return use.apply(new AdminApi("http://localhost:" + port + "/api/admin/messaging", DEMO_KEY));
        }
    }

    private static String awaitStatusOfLastMessage(AdminApi api, String conversationId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String status;
        do {
            JsonNode messages = api.get("/conversations/" + conversationId).get("messages");
            status = messages.get(messages.size() - 1).get("status").asText();
            if (status.equals("delivered") || status.equals("failed")) {
                return status;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        return status;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
