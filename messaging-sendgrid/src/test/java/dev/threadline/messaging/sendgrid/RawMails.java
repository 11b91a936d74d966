package dev.threadline.messaging.sendgrid;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Whole MIME mails built with Jakarta Mail, and the raw-mode Inbound Parse posts that carry them. */
final class RawMails {

    static final String OUR_ADDRESS = "support@parse.acme.test";

    private RawMails() {
    }

    /** A new mail from Ana to us, its text and subject in {@code charset}, with the given transfer encoding. */
    static MimeMessage mail(String personal, String subject, String text, String charset, String transferEncoding) {
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
            mail.setFrom(new InternetAddress("ana@example.org", personal, charset));
            mail.setRecipients(MimeMessage.RecipientType.TO, "Acme Support <" + OUR_ADDRESS + ">");
            mail.setSubject(subject, charset);
            mail.setText(text, charset);
            mail.setHeader("Content-Transfer-Encoding", transferEncoding);
            return mail;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A part of {@code type} attached as file {@code name}, or inline with a Content-ID when {@code name} is null. */
    static MimeBodyPart file(String name, String type, byte[] content) {
        try {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
            if (name != null) {
                part.setFileName(name);
                part.setDisposition(MimeBodyPart.ATTACHMENT);
            } else {
                part.setDisposition(MimeBodyPart.INLINE);
                part.setContentID("<logo@example.org>");
            }
            part.setHeader("Content-Transfer-Encoding", "base64");
            return part;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code mail} with its text turned into the first part of a multipart/mixed followed by {@code files}. */
    static MimeMessage withFiles(MimeMessage mail, MimeBodyPart... files) {
        try {
            MimeBodyPart text = new MimeBodyPart();
            text.setText((String) mail.getContent(), "UTF-8");
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(text);
            for (MimeBodyPart file : files) {
                mixed.addBodyPart(file);
            }
            mail.setContent(mixed);
            mail.removeHeader("Content-Transfer-Encoding");
            return mail;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mail as sent, with {@code messageId} as its Message-ID. */
    static byte[] bytes(MimeMessage mail, String messageId) {
        try {
            mail.saveChanges();
            // saveChanges gives the mail a Message-ID of its own; the tests name theirs.
            mail.setHeader("Message-ID", messageId);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fields of SendGrid's raw-mode post of {@code mail}: {@code email} and the envelope fields SendGrid adds,
     * decoded as the webhook decodes them.
     */
    static Map<String, String> post(byte[] mail) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        raw.put("email", mail);
        raw.put("to", OUR_ADDRESS.getBytes(StandardCharsets.UTF_8));
        raw.put("envelope", ("{\"to\":[\"" + OUR_ADDRESS + "\"],\"from\":\"ana@example.org\"}").getBytes(StandardCharsets.UTF_8));
        raw.put("spam_score", "0.1".getBytes(StandardCharsets.UTF_8));
        // SendGrid may name a charset for the email field; the MIME message's own charsets decide.
        raw.put("charsets", "{\"to\":\"UTF-8\",\"email\":\"UTF-8\"}".getBytes(StandardCharsets.UTF_8));
        return SendGridInboundFields.decode(raw);
    }
}
