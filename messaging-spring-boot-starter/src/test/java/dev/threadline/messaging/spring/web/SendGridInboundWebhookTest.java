package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.sendgrid.SendGridInboundParser;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Inbound Parse through the real route in both of SendGrid's modes, attachments stored in the local directory. */
class SendGridInboundWebhookTest extends WebhookTestBase {

    private static final byte[] PDF = "%PDF-1.4 signed consent form".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MessageManager manager;

    @Test
    void rawMimeMailWithAnAttachmentIsStoredWithItsTextDecodedAndItsFile() throws Exception {
        String sender = "ana." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String mail = """
                From: =?ISO-8859-1?Q?Ana_L=F3pez?= <%s>\r
                To: Glow Support <%s>\r
                Subject: =?ISO-8859-1?Q?Formulaire_sign=E9?=\r
                Message-ID: <%s@mail.example.com>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="mixed"\r
                \r
                --mixed\r
                Content-Type: text/plain; charset=ISO-8859-1\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                Voil=E0 le formulaire sign=E9.\r
                --mixed\r
                Content-Type: application/pdf; name="consent.pdf"\r
                Content-Disposition: attachment; filename="consent.pdf"\r
                Content-Transfer-Encoding: base64\r
                \r
                %s\r
                --mixed--\r
                """.formatted(sender, OUR_EMAIL, UUID.randomUUID(), Base64.getEncoder().encodeToString(PDF));
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("email", mail.getBytes(StandardCharsets.ISO_8859_1));
        fields.put("to", OUR_EMAIL.getBytes(StandardCharsets.UTF_8));
        fields.put("from", sender.getBytes(StandardCharsets.UTF_8));
        fields.put("envelope", ("{\"to\":[\"" + OUR_EMAIL + "\"],\"from\":\"" + sender + "\"}").getBytes(StandardCharsets.UTF_8));
        fields.put("charsets", "{\"to\":\"UTF-8\",\"from\":\"UTF-8\"}".getBytes(StandardCharsets.UTF_8));

        HttpApi.Response response = postInbound(fields, Map.of());

        assertThat(response.status()).isEqualTo(200);
        Message message = receivedFrom(sender);
        assertThat(List.of(message.body(), message.subject())).containsExactly("Voilà le formulaire signé.", "Formulaire signé");
        assertThat(message.mediaUrls()).hasSize(1);
        Path stored = Path.of(URI.create(message.mediaUrls().get(0)));
        assertThat(stored).startsWith(ATTACHMENTS).hasBinaryContent(PDF);
        assertThat(message.metadata().get(SendGridInboundParser.ATTACHMENTS))
                .contains("\"name\":\"consent.pdf\"", "\"content_type\":\"application/pdf\"", "\"size\":" + PDF.length);
    }

    @Test
    void parsedModeFilePartIsStoredAsTheMessagesMedia() throws Exception {
        String sender = "ben." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, byte[]> fields = new LinkedHashMap<>();
        fields.put("from", ("Ben <" + sender + ">").getBytes(StandardCharsets.UTF_8));
        fields.put("to", OUR_EMAIL.getBytes(StandardCharsets.UTF_8));
        fields.put("subject", "Form".getBytes(StandardCharsets.UTF_8));
        fields.put("text", "Form attached.".getBytes(StandardCharsets.UTF_8));
        fields.put("headers", ("Message-ID: <" + UUID.randomUUID() + "@mail.example.com>\n").getBytes(StandardCharsets.UTF_8));
        fields.put("attachments", "1".getBytes(StandardCharsets.UTF_8));
        fields.put("attachment-info", "{\"attachment1\":{\"filename\":\"consent.pdf\",\"type\":\"application/pdf\"}}"
                .getBytes(StandardCharsets.UTF_8));

        HttpApi.Response response = postInbound(fields, Map.of("attachment1", PDF));

        assertThat(response.status()).isEqualTo(200);
        Message message = receivedFrom(sender);
        assertThat(Path.of(URI.create(message.mediaUrls().get(0)))).hasBinaryContent(PDF);
        JsonNode row = acme.get("/conversations?q=" + sender).json().get("conversations").get(0);
        JsonNode shown = acme.get("/conversations/" + row.get("id").asString()).json().get("messages").get(0);
        assertThat(shown.get("media_urls").get(0).asString()).isEqualTo(message.mediaUrls().get(0));
    }

    /** The one message of the conversation started by {@code sender}, once the intake has processed the post. */
    private Message receivedFrom(String sender) {
        JsonNode row = await().atMost(Duration.ofSeconds(5))
                .until(() -> acme.get("/conversations?q=" + sender).json().get("conversations"), rows -> !rows.isEmpty()
                        && rows.get(0).get("message_count").asLong() > 0)
                .get(0);
        return manager.getConversation("acme", row.get("id").asString()).messages().get(0);
    }

    /** A multipart post of {@code fields} and, as file parts, {@code files}, with the inbound token. */
    private HttpApi.Response postInbound(Map<String, byte[]> fields, Map<String, byte[]> files) {
        String boundary = "----threadline" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> part(body, boundary, "name=\"" + name + "\"", null, value));
        files.forEach((name, value) -> part(body, boundary, "name=\"" + name + "\"; filename=\"" + name + ".bin\"",
                "application/octet-stream", value));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return webhooks.send(webhooks.request("/webhooks/sendgrid/inbound?token=" + INBOUND_TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String disposition, String type, byte[] value) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(value);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
