package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendGridInboundFieldsTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void aFieldNamedIso88591IsDecodedAsLatin1() {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("subject", "Réservation à Zürich".getBytes(StandardCharsets.ISO_8859_1));
        raw.put("charsets", "{\"subject\":\"iso-8859-1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(SendGridInboundFields.decode(raw)).containsEntry("subject", "Réservation à Zürich");
    }

    @Test
    void aFieldNamedWindows1252KeepsTheCharactersLatin1DoesNotHave() {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("text", "“Quoted” – 20 €".getBytes(WINDOWS_1252));
        raw.put("charsets", "{\"text\":\"windows-1252\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(SendGridInboundFields.decode(raw)).containsEntry("text", "“Quoted” – 20 €");
    }

    @Test
    void aFieldNamedUtf8IsDecodedAsUtf8() {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("text", "Grüße 👋".getBytes(StandardCharsets.UTF_8));
        raw.put("charsets", "{\"text\":\"UTF-8\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(SendGridInboundFields.decode(raw)).containsEntry("text", "Grüße 👋");
    }

    @Test
    void eachFieldIsDecodedWithItsOwnCharsetAndOneNotNamedAsUtf8() {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("from", "Zoë <zoe@example.com>".getBytes(StandardCharsets.UTF_8));
        raw.put("subject", "Café".getBytes(StandardCharsets.ISO_8859_1));
        raw.put("text", "10 €".getBytes(WINDOWS_1252));
        raw.put("charsets", "{\"subject\":\"iso-8859-1\",\"text\":\"windows-1252\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(SendGridInboundFields.decode(raw)).containsExactly(
                Map.entry("from", "Zoë <zoe@example.com>"),
                Map.entry("subject", "Café"),
                Map.entry("text", "10 €"),
                Map.entry("charsets", "{\"subject\":\"iso-8859-1\",\"text\":\"windows-1252\"}"));
    }

    @Test
    void anUnknownCharsetFallsBackToUtf8() {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("subject", "Grüße".getBytes(StandardCharsets.UTF_8));
        raw.put("text", "Grüße".getBytes(StandardCharsets.UTF_8));
        raw.put("charsets", "{\"subject\":\"x-no-such-charset\",\"text\":\"not a name!\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(SendGridInboundFields.decode(raw)).containsEntry("subject", "Grüße").containsEntry("text", "Grüße");
    }

    @Test
    void withoutACharsetsFieldEveryFieldIsUtf8() {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("subject", "Grüße".getBytes(StandardCharsets.UTF_8));

        assertThat(SendGridInboundFields.decode(raw)).containsExactly(Map.entry("subject", "Grüße"));
    }

    @Test
    void aCharsetsFieldThatIsNotJsonLeavesEveryFieldUtf8() {
        for (String charsets : new String[] {"not json", "{\"subject\":\"iso-8859-1\"", "{\"subject\":\"iso-8859-1\"} trailing", ""}) {
            Map<String, byte[]> raw = new LinkedHashMap<>();
            raw.put("subject", "Grüße".getBytes(StandardCharsets.UTF_8));
            raw.put("charsets", charsets.getBytes(StandardCharsets.UTF_8));

            assertThat(SendGridInboundFields.decode(raw)).as(charsets).containsEntry("subject", "Grüße");
        }
    }

    @Test
    void aCharsetsFieldThatIsNotAnObjectLeavesEveryFieldUtf8() {
        for (String charsets : new String[] {"[\"iso-8859-1\"]", "\"iso-8859-1\"", "null", "42"}) {
            Map<String, byte[]> raw = new LinkedHashMap<>();
            raw.put("subject", "Grüße".getBytes(StandardCharsets.UTF_8));
            raw.put("charsets", charsets.getBytes(StandardCharsets.UTF_8));

            assertThat(SendGridInboundFields.decode(raw)).as(charsets).containsEntry("subject", "Grüße");
        }
    }

    @Test
    void readingTheCharsetsStopsAtAnEntryThatIsNotAName() {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("subject", "Café".getBytes(StandardCharsets.ISO_8859_1));
        raw.put("text", "Café".getBytes(StandardCharsets.UTF_8));
        raw.put("charsets", "{\"subject\":\"iso-8859-1\",\"html\":{\"x\":1},\"text\":\"iso-8859-1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(SendGridInboundFields.decode(raw)).containsEntry("subject", "Café").containsEntry("text", "Café");
    }

    @Test
    void aNullOrNumericCharsetIsUnknown() {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("subject", "Grüße".getBytes(StandardCharsets.UTF_8));
        raw.put("text", "Grüße".getBytes(StandardCharsets.UTF_8));
        raw.put("charsets", "{\"subject\":null,\"text\":1252}".getBytes(StandardCharsets.UTF_8));

        assertThat(SendGridInboundFields.decode(raw)).containsEntry("subject", "Grüße").containsEntry("text", "Grüße");
    }

    @Test
    void theRawMessageIsKeptByteForByteWhateverCharsetIsNamedForIt() {
        byte[] mail = "Subject: Gr\u00fc\u00dfe\r\n\r\nGr\u00fc\u00dfe \u20ac".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("email", mail);
        raw.put("charsets", "{\"email\":\"UTF-8\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(SendGridInboundFields.decode(raw).get("email").getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(mail);
    }

    @Test
    void filePartsAreCarriedAsBase64UnderTheirFieldNames() {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("attachments", "1".getBytes(StandardCharsets.UTF_8));
        byte[] file = {0, (byte) 0xFF, 'P', 'D', 'F'};

        assertThat(SendGridInboundFields.decode(raw, Map.of("attachment1", file)))
                .containsEntry("attachments", "1")
                .containsEntry("attachment1", java.util.Base64.getEncoder().encodeToString(file));
    }
}
