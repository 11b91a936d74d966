package dev.threadline.messaging;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A notification that something changed, small enough to cross instances; subscribers look the rows
 * up by id.
 *
 * @param type {@link #MESSAGE_CREATED}, {@link #MESSAGE_STATUS} or {@link #CONVERSATION_UPDATED}
 */
public record MessagingEvent(String type, String tenantId, String conversationId,
                             @Nullable String messageId, @Nullable DeliveryStatus status) {

    public static final String MESSAGE_CREATED = "message.created";
    public static final String MESSAGE_STATUS = "message.status";
    public static final String CONVERSATION_UPDATED = "conversation.updated";

    public MessagingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(conversationId, "conversationId");
    }

    public static MessagingEvent messageCreated(Message message) {
        return new MessagingEvent(MESSAGE_CREATED, message.tenantId(), message.conversationId(), message.id(), message.status());
    }

    public static MessagingEvent messageStatus(Message message) {
        return new MessagingEvent(MESSAGE_STATUS, message.tenantId(), message.conversationId(), message.id(), message.status());
    }

    public static MessagingEvent conversationUpdated(Conversation conversation) {
        return new MessagingEvent(CONVERSATION_UPDATED, conversation.tenantId(), conversation.id(), null, null);
    }
}
