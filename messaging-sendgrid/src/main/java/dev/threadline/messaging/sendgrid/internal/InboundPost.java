package dev.threadline.messaging.sendgrid.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One Inbound Parse post read into the same parts whichever mode SendGrid posted in.
 *
 * <ul>
 *   <li>Raw mode ("POST the raw, full MIME message"): field {@value #RAW_MESSAGE} holds the whole mail, read with
 *       {@link MimeMail}; {@code From}, {@code To} and {@code Subject} come from the mail's own headers, SendGrid's
 *       {@code from}, {@code to} and {@code subject} fields only stand in when the mail lacks them.</li>
 *   <li>Parsed mode: SendGrid's fields {@code from}, {@code to}, {@code subject}, {@code headers}, {@code text},
 *       {@code html}; attachment {@code attachmentN}'s name and type come from {@code attachment-info}, its content
 *       from field {@code attachmentN}, base64 (see {@code SendGridInboundFields}).</li>
 * </ul>
 *
 * @param attachments the mail's attachments and inline images; in parsed mode one whose content did not come with
 *        the post has {@code null} content
 */
public record InboundPost(@Nullable String from, @Nullable String to, @Nullable String subject,
                          @Nullable String headers, @Nullable String text, @Nullable String html,
                          @Nullable String envelope, List<Attachment> attachments) {

    /** The raw mode's field holding the whole MIME message. */
    public static final String RAW_MESSAGE = "email";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Without {@code attachment-info} the count alone lists the files; a forged huge count must not list millions. */
    private static final int MAX_COUNTED = 100;

    public InboundPost {
        attachments = List.copyOf(attachments);
    }

    /**
     * An attachment as the post names it.
     *
     * @param field where it came from, named as a request field: {@code attachmentN} in parsed mode,
     *        {@code email.attachments[i]} (from 0, in mail order) in raw mode
     * @param content its bytes, {@code null} when a parsed post announced it without sending it
     */
    public record Attachment(String field, String name, String contentType, byte @Nullable [] content) {
    }

    /**
     * Reads a post.
     *
     * @throws NonRetriableMessagingException {@code malformed_request} when the raw message or an attachment's
     *         content cannot be read
     */
    public static InboundPost of(Map<String, String> fields) {
        return isRaw(fields) ? raw(fields.get(RAW_MESSAGE), fields) : parsed(fields);
    }

    /** Whether the post is in raw mode. */
    public static boolean isRaw(Map<String, String> fields) {
        String raw = fields.get(RAW_MESSAGE);
        return raw != null && !raw.isBlank();
    }

    /**
     * The bytes of the raw message. {@code SendGridInboundFields} keeps them one char per byte (ISO-8859-1); a
     * value with characters beyond that range cannot have been kept so and was decoded as text, so it is UTF-8.
     */
    private static byte[] rawBytes(String raw) {
        boolean bytePerChar = raw.chars().allMatch(c -> c <= 0xFF);
        return raw.getBytes(bytePerChar ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static InboundPost raw(String raw, Map<String, String> fields) {
        MimeMail mail;
        try {
            mail = MimeMail.read(rawBytes(raw));
        } catch (IllegalArgumentException e) {
            throw malformed("the raw MIME message cannot be read", RAW_MESSAGE);
        }
        List<Attachment> attachments = new ArrayList<>();
        for (MailAttachment a : mail.attachments()) {
            attachments.add(new Attachment(RAW_MESSAGE + ".attachments[" + attachments.size() + "]", a.name(),
                    a.contentType(), a.content()));
        }
        return new InboundPost(orElse(mail.from(), fields.get("from")), orElse(mail.to(), fields.get("to")),
                orElse(mail.subject(), fields.get("subject")), mail.headers(), mail.text(), mail.html(),
                fields.get("envelope"), attachments);
    }

    private static InboundPost parsed(Map<String, String> fields) {
        return new InboundPost(fields.get("from"), fields.get("to"), fields.get("subject"), fields.get("headers"),
                fields.get("text"), fields.get("html"), fields.get("envelope"), parsedAttachments(fields));
    }

    /** The attachments {@code attachment-info} describes, else {@code attachment1} to the {@code attachments} count. */
    private static List<Attachment> parsedAttachments(Map<String, String> fields) {
        List<Attachment> attachments = new ArrayList<>();
        JsonNode info = attachmentInfo(fields.get("attachment-info"));
        if (info.isObject() && !info.isEmpty()) {
            for (Map.Entry<String, JsonNode> entry : info.properties()) {
                JsonNode described = entry.getValue();
                String name = described.path("filename").asText(described.path("name").asText(""));
                attachments.add(parsedAttachment(fields, entry.getKey(), name, described.path("type").asText("")));
            }
            return attachments;
        }
        int count = Math.min(count(fields.get("attachments")), MAX_COUNTED);
        for (int n = 1; n <= count; n++) {
            attachments.add(parsedAttachment(fields, "attachment" + n, "", ""));
        }
        return attachments;
    }

    private static Attachment parsedAttachment(Map<String, String> fields, String field, String name, String type) {
        String encoded = fields.get(field);
        byte[] content = null;
        if (encoded != null) {
            try {
                content = Base64.getMimeDecoder().decode(encoded);
            } catch (IllegalArgumentException e) {
                throw malformed("the content of " + field + " is not base64", field);
            }
        }
        return new Attachment(field, name.isBlank() ? field : name.strip(),
                type.isBlank() ? "application/octet-stream" : type.strip().toLowerCase(Locale.ROOT), content);
    }

    private static JsonNode attachmentInfo(@Nullable String info) {
        if (info == null || info.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(info);
        } catch (IOException e) {
            // Names and types are a convenience; the attachments count still lists the files.
            return JSON.missingNode();
        }
    }

    private static int count(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? 0 : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable String orElse(@Nullable String value, @Nullable String fallback) {
        return value != null && !value.isBlank() ? value : fallback;
    }

    private static NonRetriableMessagingException malformed(String message, String field) {
        return new NonRetriableMessagingException(ErrorCode.MALFORMED_REQUEST, message, field);
    }
}
