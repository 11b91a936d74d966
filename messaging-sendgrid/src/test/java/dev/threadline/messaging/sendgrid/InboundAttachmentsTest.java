package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.InboundMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachments and inline images of both Inbound Parse modes go to the attachment store within the limits. */
class InboundAttachmentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PDF = "%PDF-1.4 consent form".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @TempDir
    Path directory;

    private SendGridInboundParser parser(AttachmentLimits limits) {
        return new SendGridInboundParser(new LocalAttachmentStore(directory), limits);
    }

    private static Map<String, String> rawPostWithPdfAndInlineLogo() {
        return RawMails.post(RawMails.bytes(RawMails.withFiles(
                RawMails.mail("Ana", "Forms", "Both forms attached.", "UTF-8", "7bit"),
                RawMails.file("consent form.pdf", "application/pdf", PDF),
                RawMails.file(null, "image/png", PNG)), "<forms@example.org>"));
    }

    @Test
    void rawModeAttachmentAndInlineImageAreStoredAndDescribed() throws Exception {
        InboundMessage message = parser(AttachmentLimits.DEFAULT).parse("acme", rawPostWithPdfAndInlineLogo());

        assertThat(message.body()).isEqualTo("Both forms attached.");
        assertThat(message.mediaUrls()).hasSize(2);
        assertThat(Files.readAllBytes(Path.of(URI.create(message.mediaUrls().get(0))))).isEqualTo(PDF);
        assertThat(Files.readAllBytes(Path.of(URI.create(message.mediaUrls().get(1))))).isEqualTo(PNG);
        JsonNode described = JSON.readTree(message.metadata().get(SendGridInboundParser.ATTACHMENTS));
        assertThat(List.of(described.get(0).get("name").asText(), described.get(0).get("content_type").asText(),
                described.get(0).get("size").asInt(), described.get(0).get("url").asText()))
                .containsExactly("consent form.pdf", "application/pdf", PDF.length, message.mediaUrls().get(0));
        assertThat(List.of(described.get(1).get("name").asText(), described.get(1).get("content_type").asText()))
                .containsExactly("attachment-2.png", "image/png");
    }

    @Test
    void parsedModeFilesAreStoredUnderTheNamesAttachmentInfoGives() throws Exception {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        InboundPosts.outlookNewMail("<forms@contoso.example>", "Forms", "Both forms attached.")
                .forEach((name, value) -> raw.put(name, value.getBytes(StandardCharsets.UTF_8)));
        raw.put("attachments", "1".getBytes(StandardCharsets.UTF_8));
        raw.put("attachment-info", "{\"attachment1\":{\"filename\":\"../../etc/passwd\",\"type\":\"application/pdf\"}}"
                .getBytes(StandardCharsets.UTF_8));

        InboundMessage message = parser(AttachmentLimits.DEFAULT)
                .parse("acme", SendGridInboundFields.decode(raw, Map.of("attachment1", PDF)));

        Path stored = Path.of(URI.create(message.mediaUrls().get(0)));
        assertThat(stored).startsWith(directory).hasBinaryContent(PDF);
        assertThat(stored.getFileName().toString()).doesNotContain("passwd");
        assertThat(JSON.readTree(message.metadata().get(SendGridInboundParser.ATTACHMENTS)).get(0).get("name").asText())
                .isEqualTo("../../etc/passwd");
    }

    @Test
    void anAttachmentOverTheLimitIsRefusedButTheMailIsKept() throws Exception {
        InboundMessage message = parser(new AttachmentLimits(PDF.length - 1, 1_000))
                .parse("acme", rawPostWithPdfAndInlineLogo());

        assertThat(message.body()).isEqualTo("Both forms attached.");
        assertThat(message.mediaUrls()).hasSize(1);
        JsonNode refused = JSON.readTree(message.metadata().get(SendGridInboundParser.ATTACHMENTS)).get(0);
        assertThat(refused.has("url")).isFalse();
        assertThat(List.of(refused.get("size").asInt(), refused.at("/error/code").asText(), refused.at("/error/field").asText()))
                .containsExactly(PDF.length, "payload_too_large", "email.attachments[0]");
        assertThat(refused.at("/error/message").asText()).contains("consent form.pdf", "per attachment");
    }

    @Test
    void attachmentsPastTheLimitPerMailAreRefusedInMailOrder() throws Exception {
        InboundMessage message = parser(new AttachmentLimits(1_000, PDF.length))
                .parse("acme", rawPostWithPdfAndInlineLogo());

        JsonNode described = JSON.readTree(message.metadata().get(SendGridInboundParser.ATTACHMENTS));
        assertThat(described.get(0).has("url")).isTrue();
        assertThat(List.of(described.get(1).at("/error/code").asText(), described.get(1).at("/error/field").asText()))
                .containsExactly("payload_too_large", "email.attachments[1]");
        assertThat(described.get(1).at("/error/message").asText()).contains("per message");
    }

    @Test
    void processingThePostAgainStoresTheSameFilesOnce() throws Exception {
        SendGridInboundParser parser = parser(AttachmentLimits.DEFAULT);

        List<String> first = parser.parse("acme", rawPostWithPdfAndInlineLogo()).mediaUrls();
        List<String> again = parser.parse("acme", rawPostWithPdfAndInlineLogo()).mediaUrls();

        assertThat(again).isEqualTo(first);
        try (var files = Files.list(directory.resolve("acme"))) {
            assertThat(files).hasSize(2);
        }
    }
}
