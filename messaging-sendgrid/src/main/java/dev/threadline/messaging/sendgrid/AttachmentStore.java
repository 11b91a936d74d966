package dev.threadline.messaging.sendgrid;

/**
 * Where {@link SendGridInboundParser} keeps the content of inbound mail attachments and inline images; the message
 * carries only the reference this store returns, in {@code mediaUrls}.
 *
 * <p>An Inbound Parse post may be processed more than once (the intake retries, an operator replays a dead letter),
 * so storing the same content again must be harmless; {@link LocalAttachmentStore} addresses files by content and
 * returns the same reference.
 */
public interface AttachmentStore {

    /**
     * Stores one attachment's content.
     *
     * @param tenantId the tenant whose mail carried it
     * @param name the file name the sender gave it: a label only, never to be used as a path
     * @param contentType its MIME type, lower case, without parameters
     * @param content its decoded bytes
     * @return the reference to put in the message's {@code mediaUrls}
     * @throws java.io.UncheckedIOException when the content cannot be stored; the post is then processed again later
     */
    String store(String tenantId, String name, String contentType, byte[] content);
}
