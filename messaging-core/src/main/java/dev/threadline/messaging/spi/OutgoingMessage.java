package dev.threadline.messaging.spi;

import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import java.util.Objects;

/** A message about to be sent, with what sending it needs: its conversation and the customer it goes to. */
public record OutgoingMessage(Message message, Conversation conversation, Contact contact) {
    public OutgoingMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(contact, "contact");
    }
}
