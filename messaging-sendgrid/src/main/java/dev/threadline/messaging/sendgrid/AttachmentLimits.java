package dev.threadline.messaging.sendgrid;

/**
 * How large inbound attachments may be. An attachment over a limit is not stored: the mail's text still is, and the
 * refused attachment is listed in metadata with error code {@code payload_too_large} (see
 * {@link SendGridInboundParser}), since refusing the whole mail would lose what the customer wrote.
 *
 * @param maxAttachmentBytes the largest single attachment stored
 * @param maxMessageBytes the most attachment bytes stored for one mail; attachments past it, in mail order, are refused
 */
public record AttachmentLimits(long maxAttachmentBytes, long maxMessageBytes) {

    /** 10 MiB per attachment and 30 MiB per mail, SendGrid's own limit for a whole inbound mail. */
    public static final AttachmentLimits DEFAULT = new AttachmentLimits(10L << 20, 30L << 20);

    public AttachmentLimits {
        if (maxAttachmentBytes < 0 || maxMessageBytes < 0) {
            throw new IllegalArgumentException("attachment limits may not be negative");
        }
    }
}
