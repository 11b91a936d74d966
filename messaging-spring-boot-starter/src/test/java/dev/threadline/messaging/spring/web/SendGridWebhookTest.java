package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import dev.threadline.messaging.testkit.WebhookSigner;

class SendGridWebhookTest extends WebhookTestBase {

    @Test
    void signedDeliveredEventMarksTheMessageDelivered() {
        Outbound mail = emailReply();

        HttpApi.Response response = postEvents(event(mail, "delivered"), Instant.now());

        assertThat(response.status()).isEqualTo(200);
        assertThat(status(mail)).isEqualTo("delivered");
    }

    @Test
    void lateProcessedEventDoesNotOverwriteDelivered() {
        Outbound mail = emailReply();
        postEvents(event(mail, "delivered"), Instant.now());

        postEvents(event(mail, "processed"), Instant.now());

        assertThat(status(mail)).isEqualTo("delivered");
    }

    @Test
    void eventWithAWrongSignatureIsForbidden() {
        Outbound mail = emailReply();
        byte[] body = event(mail, "delivered");
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signedOther = SIGNER.sendGrid(timestamp, "[]".getBytes(StandardCharsets.UTF_8));

        HttpApi.Response response = postEvents(body, timestamp, signedOther);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("invalid_signature");
        assertThat(status(mail)).isNotEqualTo("delivered");
    }

    @Test
    void eventSignedByAnotherKeyIsForbidden() {
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        HttpApi.Response response = postEvents(body, timestamp, WebhookSigner.withNewSendGridKey().sendGrid(timestamp, body));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void eventOlderThanTheToleranceIsForbidden() {
        HttpApi.Response response = postEvents("[]".getBytes(StandardCharsets.UTF_8), Instant.now().minus(Duration.ofMinutes(11)));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("invalid_signature");
    }

    @Test
    void unsignedEventIsForbidden() {
        HttpApi.Response response = webhooks.postBytes("/webhooks/sendgrid/events", "application/json", "[]".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void signedBodyThatIsNotAnEventArrayIsMalformed() {
        HttpApi.Response response = postEvents("{\"event\":\"delivered\"}".getBytes(StandardCharsets.UTF_8), Instant.now());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("malformed_request");
    }

    @Test
    void inboundMailWithTheTokenStartsAConversationForTheAddressTenant() {
        String sender = "ana." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        HttpApi.Response response = postInbound("?token=" + INBOUND_TOKEN, inboundMail(sender, "Botox question", "How much is Botox?"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode row = await().atMost(Duration.ofSeconds(5)).until(() -> first(acme.get("/conversations?q=" + sender).json()), r -> r != null);
        assertThat(row.get("channel").asString()).isEqualTo("email");
        assertThat(row.get("subject").asString()).isEqualTo("Botox question");
        assertThat(row.get("last_message").asString()).isEqualTo("How much is Botox?");
    }

    @Test
    void inboundMailWithoutTheTokenIsForbidden() {
        HttpApi.Response response = postInbound("", inboundMail("x@example.com", "hi", "hello"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("invalid_signature");
    }

    @Test
    void inboundMailWithAWrongTokenIsForbidden() {
        assertThat(postInbound("?token=guess", inboundMail("x@example.com", "hi", "hello")).status()).isEqualTo(403);
    }

    /** An email conversation with a staff reply that the simulator has sent. */
    private Outbound emailReply() {
        String email = "c." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String conversationId = acme.post("/send", """
                {"channel":"email","customer_name":"Cleo","customer_email":"%s","subject":"Hello","content":"Hi","generate_ai_response":false}"""
                .formatted(email)).text("/conversation_id");
        String messageId = acme.post("/conversations/" + conversationId + "/reply", "{\"content\":\"Hello Cleo\"}").text("/message_id");
        Outbound mail = new Outbound(conversationId, messageId, email);
        await().atMost(Duration.ofSeconds(5)).until(() -> status(mail).equals("sent"));
        return mail;
    }

    private record Outbound(String conversationId, String messageId, String email) {
    }

    private String status(Outbound mail) {
        for (JsonNode message : acme.get("/conversations/" + mail.conversationId()).json().get("messages")) {
            if (message.get("id").asString().equals(mail.messageId())) {
                return message.get("status").asString();
            }
        }
        throw new AssertionError("no message " + mail.messageId());
    }

    private static byte[] event(Outbound mail, String type) {
        return """
                [{"email":"%s","timestamp":%d,"event":"%s","sg_event_id":"%s","sg_message_id":"sg%s.filter0001",
                  "threadline_message_id":"%s","threadline_tenant_id":"acme"}]"""
                .formatted(mail.email(), Instant.now().getEpochSecond(), type, UUID.randomUUID(), mail.messageId(), mail.messageId())
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpApi.Response postEvents(byte[] body, Instant signedAt) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        return postEvents(body, timestamp, SIGNER.sendGrid(timestamp, body));
    }

    private HttpApi.Response postEvents(byte[] body, String timestamp, String signature) {
        return webhooks.send(webhooks.request("/webhooks/sendgrid/events")
                .header("Content-Type", "application/json")
                .header("X-Twilio-Email-Event-Webhook-Signature", signature)
                .header("X-Twilio-Email-Event-Webhook-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static Map<String, String> inboundMail(String from, String subject, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("from", "Ana Lopez <" + from + ">");
        fields.put("to", "Glow Support <" + OUR_EMAIL + ">");
        fields.put("subject", subject);
        fields.put("text", text);
        fields.put("headers", "Message-ID: <" + UUID.randomUUID() + "@mail.example.com>\nSubject: " + subject + "\n");
        fields.put("charsets", "{\"to\":\"UTF-8\",\"subject\":\"UTF-8\",\"text\":\"UTF-8\",\"from\":\"UTF-8\"}");
        return fields;
    }

    private HttpApi.Response postInbound(String query, Map<String, String> fields) {
        String boundary = "----threadline" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return webhooks.send(webhooks.request("/webhooks/sendgrid/inbound" + query)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private static JsonNode first(JsonNode list) {
        JsonNode rows = list.get("conversations");
        return rows.isEmpty() || rows.get(0).get("message_count").asLong() == 0 ? null : rows.get(0);
    }
}
