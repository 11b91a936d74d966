package dev.threadline.messaging.spi;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import java.util.Objects;

/**
 * Outcome of {@link ConversationStore#append}.
 *
 * @param conversation the conversation after the append (unchanged for a duplicate)
 * @param message the stored message: the new one, or the earlier one with the same provider id
 * @param duplicate whether a message with the same provider id was already stored
 */
public record AppendResult(Conversation conversation, Message message, boolean duplicate) {
    public AppendResult {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(message, "message");
    }
}
