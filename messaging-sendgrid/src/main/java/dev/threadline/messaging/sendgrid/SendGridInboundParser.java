package dev.threadline.messaging.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.sendgrid.internal.ExtractedReply;
import dev.threadline.messaging.sendgrid.internal.InboundPost;
import dev.threadline.messaging.sendgrid.internal.MailBody;
import dev.threadline.messaging.sendgrid.internal.MailHeaders;
import dev.threadline.messaging.sendgrid.internal.Sha256;
import dev.threadline.messaging.sendgrid.internal.StoredAttachments;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a SendGrid Inbound Parse post into an {@link InboundMessage} on the {@code email} channel. Both of
 * SendGrid's modes are read alike:
 *
 * <ul>
 *   <li>parsed mode (the default): fields {@code from}, {@code to}, {@code subject}, {@code text}, {@code html},
 *       {@code headers}, {@code envelope}, {@code attachments}, {@code attachment-info} and the files
 *       {@code attachmentN};</li>
 *   <li>raw mode ("POST the raw, full MIME message"): field {@code email} holds the whole mail, read with Jakarta
 *       Mail: text/plain preferred, else text/html as text; each part's charset and transfer encoding decoded;
 *       RFC 2047 encoded words in the subject and display names decoded.</li>
 * </ul>
 *
 * <p>Then, in both modes:
 *
 * <ul>
 *   <li>{@code Message-ID} becomes the thread ref and the provider id (so a re-posted mail is stored once);
 *       {@code In-Reply-To} and {@code References} become the references the manager threads by.</li>
 *   <li>The stored body is the customer's new text: the quoted earlier mail (or a forwarded one) and the signature
 *       are taken off (see the module README) and kept in metadata {@value #QUOTED_TEXT} and {@value #SIGNATURE};
 *       the full text stays in metadata {@value #RAW_TEXT}. Without a text part the HTML part is turned into
 *       text.</li>
 *   <li>Attachments and inline images go into the {@link AttachmentStore} within the {@link AttachmentLimits}; the
 *       message's {@code mediaUrls} are the stored references, and metadata {@value #ATTACHMENTS} describes every
 *       attachment (name, type, size, reference, or why it was refused). An attachment over a limit is refused
 *       but the mail is still stored: the customer's words matter more than the file. Without a store, attachments
 *       are only described.</li>
 * </ul>
 *
 * <p>Fields must already be decoded to strings in the charsets SendGrid names in its {@code charsets} field, with
 * the raw message and the files kept as {@link SendGridInboundFields#decode(Map, Map)} does.
 */
public final class SendGridInboundParser {

    /** Metadata key of the untrimmed text. */
    public static final String RAW_TEXT = "raw_text";
    /** Metadata key of the quoted earlier mail or the forwarded mail taken off the body; absent when none. */
    public static final String QUOTED_TEXT = "email_quoted";
    /** Metadata key of the customer's signature taken off the body ("-- " block, "Sent from my …"); absent when none. */
    public static final String SIGNATURE = "email_signature";
    /**
     * Metadata key of the attachments, a JSON array in mail order, absent when none. Each entry has {@code name},
     * {@code content_type} and {@code size}, then {@code url} when stored (the same as in {@code mediaUrls}) or
     * {@code error} ({@code code} {@code payload_too_large}, {@code field}, {@code message}) when refused.
     */
    public static final String ATTACHMENTS = "email_attachments";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoredAttachments attachments;

    /** A parser that stores attachments in {@code store} within {@code limits}. */
    public SendGridInboundParser(AttachmentStore store, AttachmentLimits limits) {
        this.attachments = new StoredAttachments(Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(limits, "limits"));
    }

    /** A parser without an attachment store: attachments are described in metadata, their content dropped. */
    public SendGridInboundParser() {
        this.attachments = new StoredAttachments(null, AttachmentLimits.DEFAULT);
    }

    /**
     * Checks that a post can be read, storing nothing; {@link #parse} of the same post then only fails if the
     * attachment store does.
     *
     * @throws NonRetriableMessagingException {@code malformed_request} as {@link #parse} does
     */
    public void validate(Map<String, String> fields) {
        read(fields);
    }

    /**
     * The inbound message of one post; its attachments are stored first.
     *
     * @throws NonRetriableMessagingException {@code malformed_request} when {@code from} is missing or not an
     *         address, {@code headers} or the raw message cannot be read, or an attachment's content is not base64
     * @throws java.io.UncheckedIOException when the attachment store cannot store an attachment
     */
    public InboundMessage parse(String tenantId, Map<String, String> fields) {
        Read read = read(fields);
        InboundPost post = read.post();
        String rawText = MailBody.fullText(post.text(), post.html());
        ExtractedReply extracted = MailBody.extract(post.text(), post.html());
        StoredAttachments.Result stored = attachments.store(tenantId, post.attachments());
        String messageId = read.headers().messageId();

        Map<String, String> metadata = new LinkedHashMap<>();
        putIfPresent(metadata, RAW_TEXT, rawText);
        putIfPresent(metadata, QUOTED_TEXT, extracted.quoted());
        putIfPresent(metadata, SIGNATURE, extracted.signature());
        putIfPresent(metadata, ATTACHMENTS, stored.description());

        return InboundMessage.builder(tenantId, ChannelId.EMAIL)
                .customerName(blankToNull(read.sender().getPersonal()))
                .customerEmail(read.sender().getAddress())
                .ourAddress(ourAddress(post))
                .subject(decode(post.subject()))
                .body(extracted.reply().isBlank() ? rawText : extracted.reply())
                .mediaUrls(stored.mediaUrls())
                .providerMessageId(messageId != null ? messageId : contentKey(fields))
                .threadRef(messageId)
                .references(read.headers().references())
                .headers(read.headers().all())
                .metadata(metadata)
                .build();
    }

    /** A post read far enough to know it is well formed. */
    private record Read(InboundPost post, InternetAddress sender, MailHeaders headers) {
    }

    private static Read read(Map<String, String> fields) {
        InboundPost post = InboundPost.of(fields);
        boolean raw = InboundPost.isRaw(fields);
        InternetAddress sender = firstAddress(post.from())
                .orElseThrow(() -> malformed("from is missing or not an email address",
                        raw ? InboundPost.RAW_MESSAGE : "from"));
        try {
            return new Read(post, sender, MailHeaders.parse(post.headers()));
        } catch (IllegalArgumentException e) {
            throw malformed("headers cannot be read", raw ? InboundPost.RAW_MESSAGE : "headers");
        }
    }

    /** The address the customer wrote to: the first of {@code to}, else the envelope's first recipient. */
    private static @Nullable String ourAddress(InboundPost post) {
        return firstAddress(post.to())
                .map(a -> a.getAddress().toLowerCase(Locale.ROOT))
                .orElseGet(() -> envelopeRecipient(post.envelope()));
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
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        List<String> names = InboundPost.isRaw(fields) ? List.of(InboundPost.RAW_MESSAGE)
                : List.of("from", "to", "subject", "headers", "text", "html");
        for (String name : names) {
            key.writeBytes(fields.getOrDefault(name, "").getBytes(StandardCharsets.UTF_8));
            key.write(0);
        }
        return "sha256:" + Sha256.hex(key.toByteArray());
    }

    private static void putIfPresent(Map<String, String> metadata, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            metadata.put(key, value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static NonRetriableMessagingException malformed(String message, String field) {
        return new NonRetriableMessagingException(ErrorCode.MALFORMED_REQUEST, message, field);
    }
}
