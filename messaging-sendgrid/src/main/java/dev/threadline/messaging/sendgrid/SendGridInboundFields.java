package dev.threadline.messaging.sendgrid;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.sendgrid.internal.InboundPost;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the text fields of a SendGrid Inbound Parse post into the strings {@link SendGridInboundParser} reads.
 * SendGrid sends each field in the charset the mail used and names it, by field, in the {@code charsets} field,
 * a JSON object such as {@code {"to":"UTF-8","subject":"iso-8859-1","text":"windows-1252"}}.
 *
 * <p>A field the {@code charsets} object does not name, or names with a charset Java does not know, is read as
 * UTF-8. When {@code charsets} is missing or not valid JSON, every field is read as UTF-8; reading the object stops
 * at the first entry that is an object or an array, so later entries are read as UTF-8 too.
 */
public final class SendGridInboundFields {

    /** The field naming each field's charset. */
    public static final String CHARSETS = "charsets";
    /** The raw mode's field holding the whole MIME message. */
    public static final String RAW_MESSAGE = InboundPost.RAW_MESSAGE;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SendGridInboundFields() {
    }

    /**
     * Each field decoded with the charset {@code charsets} names for it, UTF-8 when it names none; the raw mode's
     * {@value #RAW_MESSAGE} field is kept byte for byte (one ISO-8859-1 char per byte), since the MIME message names
     * its own charsets part by part.
     *
     * @param raw the bytes of each text field of the post, by field name (file parts left out)
     * @return the decoded fields, in the order of {@code raw}, {@code charsets} included
     */
    public static Map<String, String> decode(Map<String, byte[]> raw) {
        Map<String, Charset> charsets = charsets(raw.get(CHARSETS));
        Map<String, String> fields = new LinkedHashMap<>();
        raw.forEach((name, bytes) -> fields.put(name, new String(bytes, RAW_MESSAGE.equals(name)
                ? StandardCharsets.ISO_8859_1 : charsets.getOrDefault(name, StandardCharsets.UTF_8))));
        return fields;
    }

    /**
     * The text fields as {@link #decode(Map)} decodes them, and each file part of a parsed-mode post
     * ({@code attachment1}, {@code attachment2} …) base64-encoded under its field name, so the whole post is one
     * map of strings that the webhook intake can store before it is acknowledged.
     *
     * @param raw the bytes of each text field of the post, by field name
     * @param files the bytes of each file part, by field name; a name also in {@code raw} keeps the text field
     */
    public static Map<String, String> decode(Map<String, byte[]> raw, Map<String, byte[]> files) {
        Map<String, String> fields = decode(raw);
        files.forEach((name, bytes) -> fields.putIfAbsent(name, Base64.getEncoder().encodeToString(bytes)));
        return fields;
    }

    private static Map<String, Charset> charsets(byte @Nullable [] json) {
        Map<String, Charset> charsets = new LinkedHashMap<>();
        if (json == null) {
            return charsets;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            // No usable charsets field: every field is read as UTF-8.
            return charsets;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isContainerNode()) {
                // Not a charset name: the rest of the object is not read.
                break;
            }
            try {
                charsets.put(entry.getKey(), Charset.forName(value.asText()));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // Unknown charset: UTF-8 is the best guess for that field.
            }
        }
        return charsets;
    }
}
