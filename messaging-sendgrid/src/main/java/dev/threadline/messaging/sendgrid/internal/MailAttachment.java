package dev.threadline.messaging.sendgrid.internal;

import java.util.Objects;

/**
 * One attachment or inline image of an inbound mail, as the mail names it.
 *
 * @param name the file name the sender gave it (never used as a path), or a generated one when it has none
 * @param contentType the MIME type without parameters, lower case
 * @param content the decoded bytes
 */
public record MailAttachment(String name, String contentType, byte[] content) {
    public MailAttachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
