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
 */
public record ConversationCounters(long messages, long unread, @Nullable String preview, @Nullable Instant activityAt,
                                   @Nullable String subject) {

    /** What appending {@code message} changes. */
    public static ConversationCounters appending(Message message) {
        if (message.status() == DeliveryStatus.DRAFT) {
            return new ConversationCounters(0, 0, null, null, null);
        }
        return new ConversationCounters(1, message.direction() == Direction.INBOUND ? 1 : 0,
                Conversation.preview(message.body(), Conversation.PREVIEW_LENGTH), message.createdAt(), message.subject());
    }

    /** What approving a draft changes: it counts from now on, with the text that is sent. */
    public static ConversationCounters approving(Message approved, Instant at) {
        return new ConversationCounters(1, 0, Conversation.preview(approved.body(), Conversation.PREVIEW_LENGTH), at, null);
    }

    /** Whether anything the list shows moves. */
    public boolean changesAnything() {
        return messages != 0 || unread != 0 || preview != null || activityAt != null || subject != null;
    }
}
