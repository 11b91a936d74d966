package dev.threadline.messaging;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A conversation with its contact and its messages in arrival order: all of them, or a window of the newest.
 *
 * @param earlierCursor when the messages are a window and earlier ones exist, pass it as {@code before} to
 *                      {@link MessageManager#getConversation(String, String, int, String)} for the window before it
 */
public record ConversationDetail(Conversation conversation, Contact contact, List<Message> messages, @Nullable String earlierCursor) {

    public ConversationDetail {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(contact, "contact");
        messages = List.copyOf(messages);
    }

    /** With every message of the conversation. */
    public ConversationDetail(Conversation conversation, Contact contact, List<Message> messages) {
        this(conversation, contact, messages, null);
    }
}
