package dev.threadline.messaging.sendgrid.internal;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A whole RFC 5322 message (Inbound Parse's raw mode) read with Jakarta Mail: its header block, its text and HTML
 * bodies decoded from their transfer encoding and charset, and every other part as an attachment.
 *
 * <p>Parts are walked in order through nested multiparts (mixed, alternative, related). An inline text/plain or
 * text/html part is body: the inline text parts of a mixed mail are joined, as a client shows them one under the
 * other (Apple Mail splits the text around an inline image into such parts), while of a
 * {@code multipart/alternative} only the first text, HTML or nested multipart part counts, the others being the
 * same words again.
 * Every other part — marked as attachment, naming a file, or of another type (an inline image, a
 * {@code text/calendar} invitation) — is an attachment. Which of text and HTML is read is {@link MailBody}'s choice.
 *
 * @param headers the top-level header block, folded lines joined with CRLF as in the mail
 * @param from the {@code From} header as written (encoded words kept), unfolded; {@code null} when missing
 * @param to the {@code To} header, likewise
 * @param subject the {@code Subject} header, likewise
 * @param text the text/plain body, decoded; {@code null} when none
 * @param html the text/html body, decoded; {@code null} when none
 * @param attachments every attachment and inline image, in mail order
 */
public record MimeMail(String headers, @Nullable String from, @Nullable String to, @Nullable String subject,
                       @Nullable String text, @Nullable String html, List<MailAttachment> attachments) {

    private static final Session SESSION = Session.getInstance(sessionProperties());

    public MimeMail {
        attachments = List.copyOf(attachments);
    }

    /**
     * Reads a whole message.
     *
     * @throws IllegalArgumentException when the bytes cannot be read as a MIME message
     */
    public static MimeMail read(byte[] rfc822) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(rfc822));
            Reader reader = new Reader();
            reader.walk(message);
            String headers = String.join("\r\n", Collections.list(message.getAllHeaderLines()));
            return new MimeMail(headers, header(message, "From"), header(message, "To"), header(message, "Subject"),
                    reader.text(), reader.html(), reader.attachments);
        } catch (MessagingException | IOException e) {
            throw new IllegalArgumentException("unreadable MIME message: " + e.getMessage(), e);
        }
    }

    private static @Nullable String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? null : MimeUtility.unfold(value).strip();
    }

    private static Properties sessionProperties() {
        Properties properties = new Properties();
        // Headers in UTF-8 without encoded words (RFC 6532) are read as UTF-8 instead of byte by byte.
        properties.setProperty("mail.mime.allowutf8", "true");
        // Outlook and others encode file names as RFC 2047 words, which RFC 2231 does not allow; read them anyway.
        properties.setProperty("mail.mime.decodefilename", "true");
        return properties;
    }

    /** Walks the part tree once, collecting the text and HTML bodies and every attachment. */
    private static final class Reader {
        private final List<String> texts = new ArrayList<>();
        private final List<String> htmls = new ArrayList<>();
        private final List<MailAttachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            ContentType type = contentType(part);
            if (type.match("multipart/*") && part.getContent() instanceof Multipart multipart) {
                boolean alternative = type.match("multipart/alternative");
                Set<String> kinds = new HashSet<>();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (!alternative || firstReadableOfItsKind(contentType(child), kinds)) {
                        walk(child);
                    }
                }
                return;
            }
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (!attached && type.match("text/plain")) {
                texts.add(decode(part, type));
            } else if (!attached && type.match("text/html")) {
                htmls.add(decode(part, type));
            } else {
                attachments.add(attachment(part, type));
            }
        }

        /**
         * Whether an alternative's part is read: every part of an alternative says the same words, so only the first
         * text, HTML or nested multipart is; others (Gmail's AMP HTML, text/enriched, Apple Watch's HTML) are neither
         * body nor file.
         */
        private static boolean firstReadableOfItsKind(ContentType type, Set<String> kindsRead) {
            boolean readable = type.match("text/plain") || type.match("text/html") || type.match("multipart/*");
            return readable && kindsRead.add(type.getBaseType().toLowerCase(Locale.ROOT));
        }

        @Nullable String text() {
            return texts.isEmpty() ? null : String.join("\n", texts);
        }

        @Nullable String html() {
            return htmls.isEmpty() ? null : String.join("\n", htmls);
        }

        private MailAttachment attachment(Part part, ContentType type) throws MessagingException, IOException {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                name = "attachment-" + (attachments.size() + 1) + extension(type);
            }
            try (InputStream in = part.getInputStream()) {
                return new MailAttachment(name.strip(), type.getBaseType().toLowerCase(Locale.ROOT), in.readAllBytes());
            }
        }
    }

    /** The part's text in its declared charset; US-ASCII mail without a charset is read as UTF-8, its superset. */
    private static String decode(Part part, ContentType type) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset(type.getParameter("charset")));
        }
    }

    private static Charset charset(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // A charset Java does not know: UTF-8 is the best guess, as for Inbound Parse's parsed fields.
            return StandardCharsets.UTF_8;
        }
    }

    private static ContentType contentType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
        } catch (ParseException e) {
            // An unreadable Content-Type is treated as RFC 2045 says for a missing one.
            return new ContentType("text", "plain", null);
        }
    }

    private static String extension(ContentType type) {
        String sub = type.getSubType() == null ? "" : type.getSubType().toLowerCase(Locale.ROOT);
        return sub.matches("[a-z0-9]{1,8}") ? "." + sub : "";
    }
}
