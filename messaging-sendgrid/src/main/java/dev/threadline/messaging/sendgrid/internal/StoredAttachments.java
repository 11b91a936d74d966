package dev.threadline.messaging.sendgrid.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.sendgrid.AttachmentLimits;
import dev.threadline.messaging.sendgrid.AttachmentStore;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Puts an inbound mail's attachments into an {@link AttachmentStore} within {@link AttachmentLimits} and describes
 * each one, stored or not, as an entry of a JSON array: {@code name}, {@code content_type}, {@code size}, and either
 * {@code url} (stored) or {@code error} ({@code code}, {@code field}, {@code message}: refused). Without a store, an
 * attachment within the limits has neither; a parsed-mode attachment whose content did not come with the post has
 * only its name and type.
 */
public final class StoredAttachments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final @Nullable AttachmentStore store;
    private final AttachmentLimits limits;

    /** Stores into {@code store}, or only describes when it is {@code null}. */
    public StoredAttachments(@Nullable AttachmentStore store, AttachmentLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /**
     * What was stored and the description of every attachment.
     *
     * @param mediaUrls the stored attachments' references, in mail order
     * @param description the JSON array; {@code null} when the mail has no attachments
     */
    public record Result(List<String> mediaUrls, @Nullable String description) {
    }

    /** Stores what fits the limits, in mail order. */
    public Result store(String tenantId, List<InboundPost.Attachment> attachments) {
        if (attachments.isEmpty()) {
            return new Result(List.of(), null);
        }
        List<String> urls = new ArrayList<>();
        ArrayNode description = JSON.createArrayNode();
        long stored = 0;
        for (InboundPost.Attachment attachment : attachments) {
            ObjectNode entry = description.addObject()
                    .put("name", attachment.name())
                    .put("content_type", attachment.contentType());
            byte[] content = attachment.content();
            if (content == null) {
                continue;
            }
            entry.put("size", content.length);
            if (content.length > limits.maxAttachmentBytes()) {
                refuse(entry, attachment, "is " + content.length + " bytes, over the limit of "
                        + limits.maxAttachmentBytes() + " bytes per attachment");
            } else if (stored + content.length > limits.maxMessageBytes()) {
                refuse(entry, attachment, "would take the mail's attachments over the limit of "
                        + limits.maxMessageBytes() + " bytes per message");
            } else {
                stored += content.length;
                if (store != null) {
                    String url = store.store(tenantId, attachment.name(), attachment.contentType(), content);
                    entry.put("url", url);
                    urls.add(url);
                }
            }
        }
        try {
            return new Result(urls, JSON.writeValueAsString(description));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    private static void refuse(ObjectNode entry, InboundPost.Attachment attachment, String why) {
        entry.putObject("error")
                .put("code", ErrorCode.PAYLOAD_TOO_LARGE.wireName())
                .put("field", attachment.field())
                .put("message", "attachment " + attachment.name() + " " + why + "; it was not stored");
    }
}
