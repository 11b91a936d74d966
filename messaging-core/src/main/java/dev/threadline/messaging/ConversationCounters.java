package dev.threadline.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a message moves its conversation's list fields: the one rule every store applies ({@link Conversation#with}
 * in memory, the same numbers in a database's UPDATE). The list shows what the customer got or sent: a draft
 * changes nothing until it is approved, and a discarded one never does.
 *
 * @param messages    added to the message count
 * @param unread      added to the unread count
 * @param preview     the new last-message preview, or null to keep the current one
 * @param activityAt  the last activity time to move forward to, or null to keep it
 * @param subject     the subject to take when the conversation has none yet, or null
 * @param awaitingFrom the customer spoke at this time: the conversation awaits a reply from then, unless it already did
 * @param answered    we spoke to the customer: the conversation awaits no reply any more
 */
public record ConversationCounters(long messages, long unread, @Nullable String preview, @Nullable Instant activityAt,
                                   @Nullable String subject, @Nullable Instant awaitingFrom, boolean answered) {

    /**
     * What appending {@code message} changes. A customer's message starts the wait for a reply unless no person wrote it
     * (an out-of-office reply, a bounce); any message of ours that is not a draft ends it.
     */
    public static ConversationCounters appending(Message message) {
        if (message.status() == DeliveryStatus.DRAFT) {
            return new ConversationCounters(0, 0, null, null, null, null, false);
        }
        boolean inbound = message.direction() == Direction.INBOUND;
        boolean awaitsReply = inbound && message.author() == Author.CUSTOMER && !message.metadata().containsKey(Message.META_AUTO_REPLY);
        return new ConversationCounters(1, inbound ? 1 : 0, Conversation.preview(message.body(), Conversation.PREVIEW_LENGTH),
                message.createdAt(), message.subject(), awaitsReply ? message.createdAt() : null, !inbound);
    }

    /** What approving a draft changes: it counts from now on, with the text that is sent, and answers the customer. */
    public static ConversationCounters approving(Message approved, Instant at) {
        return new ConversationCounters(1, 0, Conversation.preview(approved.body(), Conversation.PREVIEW_LENGTH), at, null, null, true);
    }

    /** Whether anything the list shows moves. */
    public boolean changesAnything() {
        return messages != 0 || unread != 0 || preview != null || activityAt != null || subject != null || awaitingFrom != null
                || answered;
    }
}
