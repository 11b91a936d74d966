package dev.threadline.messaging;

import java.util.List;
import java.util.Objects;

/** A conversation with its contact and its messages in arrival order. */
public record ConversationDetail(Conversation conversation, Contact contact, List<Message> messages) {
    public ConversationDetail {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(contact, "contact");
        messages = List.copyOf(messages);
    }
}
