package dev.threadline.messaging.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.sendgrid.internal.MailBody;
import dev.threadline.messaging.sendgrid.internal.MailHeaders;
import dev.threadline.messaging.sendgrid.internal.ExtractedReply;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a SendGrid Inbound Parse post (the default, parsed mode: multipart fields {@code from}, {@code to},
 * {@code subject}, {@code text}, {@code html}, {@code headers}, {@code attachments}, {@code attachment-info},
 * {@code envelope}) into an {@link InboundMessage} on the {@code email} channel.
 *
 * <ul>
 *   <li>{@code Message-ID} becomes the thread ref and the provider id (so a re-posted mail is stored once);
 *       {@code In-Reply-To} and {@code References} become the references the manager threads by.</li>
 *   <li>The stored body is the customer's new text: the quoted earlier mail (or a forwarded one) and the signature
 *       are taken off (see the module README) and kept in metadata {@value #QUOTED_TEXT} and {@value #SIGNATURE};
 *       the full text stays in metadata {@value #RAW_TEXT}. Without a text part the HTML part is turned into
 *       text.</li>
 *   <li>Attachments are not stored; their count and names go into metadata.</li>
 * </ul>
 *
 * <p>Fields must already be decoded to strings in the charsets SendGrid names in its {@code charsets} field,
 * as {@link SendGridInboundFields#decode} does.
 */
public final class SendGridInboundParser {

    /** Metadata key of the untrimmed text. */
    public static final String RAW_TEXT = "raw_text";
    /** Metadata key of the quoted earlier mail or the forwarded mail taken off the body; absent when none. */
    public static final String QUOTED_TEXT = "email_quoted";
    /** Metadata key of the customer's signature taken off the body ("-- " block, "Sent from my …"); absent when none. */
    public static final String SIGNATURE = "email_signature";
    /** Metadata key of the number of attachments. */
    public static final String ATTACHMENT_COUNT = "attachment_count";
    /** Metadata key of the attachments' file names, comma-separated. */
    public static final String ATTACHMENT_NAMES = "attachment_names";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The inbound message of one post.
     *
     * @throws NonRetriableMessagingException {@code malformed_request} when {@code from} is missing or not an
     *         address, or {@code headers} cannot be read
     */
    public InboundMessage parse(String tenantId, Map<String, String> fields) {
        InternetAddress sender = firstAddress(fields.get("from"))
                .orElseThrow(() -> malformed("from is missing or not an email address", "from"));
        MailHeaders headers;
        try {
            headers = MailHeaders.parse(fields.get("headers"));
        } catch (IllegalArgumentException e) {
            throw malformed("headers cannot be read", "headers");
        }
        String rawText = MailBody.fullText(fields.get("text"), fields.get("html"));
        ExtractedReply extracted = MailBody.extract(fields.get("text"), fields.get("html"));
        String body = extracted.reply().isBlank() ? rawText : extracted.reply();
        String messageId = headers.messageId();

        Map<String, String> metadata = new LinkedHashMap<>();
        if (!rawText.isBlank()) {
            metadata.put(RAW_TEXT, rawText);
        }
        if (!extracted.quoted().isBlank()) {
            metadata.put(QUOTED_TEXT, extracted.quoted());
        }
        if (!extracted.signature().isBlank()) {
            metadata.put(SIGNATURE, extracted.signature());
        }
        metadata.putAll(attachments(fields));

        return InboundMessage.builder(tenantId, ChannelId.EMAIL)
                .customerName(blankToNull(sender.getPersonal()))
                .customerEmail(sender.getAddress())
                .ourAddress(ourAddress(fields))
                .subject(decode(fields.get("subject")))
                .body(body)
                .providerMessageId(messageId != null ? messageId : contentKey(fields))
                .threadRef(messageId)
                .references(headers.references())
                .headers(headers.all())
                .metadata(metadata)
                .build();
    }

    /** The address the customer wrote to: the first of {@code to}, else the envelope's first recipient. */
    private static @Nullable String ourAddress(Map<String, String> fields) {
        return firstAddress(fields.get("to"))
                .map(a -> a.getAddress().toLowerCase(Locale.ROOT))
                .orElseGet(() -> envelopeRecipient(fields.get("envelope")));
    }

    private static @Nullable String envelopeRecipient(@Nullable String envelope) {
        if (envelope == null || envelope.isBlank()) {
            return null;
        }
        try {
            JsonNode to = JSON.readTree(envelope).path("to").path(0);
            return to.isTextual() ? to.asText().toLowerCase(Locale.ROOT) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Optional<InternetAddress> firstAddress(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
            return addresses.length == 0 || addresses[0].getAddress() == null
                    ? Optional.empty() : Optional.of(addresses[0]);
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> attachments(Map<String, String> fields) {
        String count = fields.get("attachments");
        if (count == null || count.isBlank() || "0".equals(count.strip())) {
            return Map.of();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ATTACHMENT_COUNT, count.strip());
        List<String> names = attachmentNames(fields.get("attachment-info"));
        if (!names.isEmpty()) {
            metadata.put(ATTACHMENT_NAMES, String.join(", ", names));
        }
        return metadata;
    }

    private static List<String> attachmentNames(@Nullable String info) {
        List<String> names = new ArrayList<>();
        if (info == null || info.isBlank()) {
            return names;
        }
        try {
            for (JsonNode attachment : JSON.readTree(info)) {
                String name = attachment.path("filename").asText(attachment.path("name").asText(""));
                if (!name.isBlank()) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            // Names are a convenience; the count is already recorded.
        }
        return names;
    }

    private static @Nullable String decode(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return MimeUtility.decodeText(header.strip());
        } catch (UnsupportedEncodingException e) {
            return header.strip();
        }
    }

    /** A stable id for a mail without {@code Message-ID}, so a re-post of the same mail is still stored once. */
    private static String contentKey(Map<String, String> fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : List.of("from", "to", "subject", "headers", "text", "html")) {
                digest.update(fields.getOrDefault(name, "").getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static NonRetriableMessagingException malformed(String message, String field) {
        return new NonRetriableMessagingException(ErrorCode.MALFORMED_REQUEST, message, field);
    }
}
