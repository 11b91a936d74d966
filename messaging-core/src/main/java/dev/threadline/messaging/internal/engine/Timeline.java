package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.MessagingEventBus;
import java.time.Clock;
import java.util.Map;

/**
 * What every pipeline records and checks the same way: timeline events, the staff audit trail, events for
 * subscribers, and the guards that turn a missing or archived conversation into the API's errors.
 */
public final class Timeline {

    private final ConversationStore store;
    private final MessagingEventBus bus;
    private final IdGenerator ids;
    private final Clock clock;

    Timeline(ConversationStore store, MessagingEventBus bus, IdGenerator ids, Clock clock) {
        this.store = store;
        this.bus = bus;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new event on the conversation's timeline, not yet stored. */
    ConversationEvent event(Conversation conversation, String type, Map<String, Object> data) {
        return new ConversationEvent(ids.newId(), conversation.tenantId(), conversation.id(), type, data, clock.instant());
    }

    void append(Conversation conversation, String type, Map<String, Object> data) {
        store.appendEvent(event(conversation, type, data));
    }

    /** Records what a person did to the conversation, and who. */
    void audit(Conversation conversation, String actor, String action, String messageId) {
        append(conversation, ConversationEvent.STAFF_ACTION, Map.of("actor", actor, "action", action, "message_id", messageId));
    }

    /** Adds an event of the host's own and tells subscribers the conversation changed. */
    public ConversationEvent record(String tenantId, String conversationId, String type, Map<String, Object> data) {
        Conversation conversation = requireConversation(tenantId, conversationId);
        ConversationEvent event = event(conversation, type, data);
        store.appendEvent(event);
        updated(conversation);
        return event;
    }

    /**
     * Marks the conversation as needing a person ({@link Conversation#NEEDS_STAFF} in its metadata) and
     * records why on its timeline.
     */
    Conversation flagForStaff(Conversation conversation, String reason) {
        Conversation flagged = store.updateConversation(conversation.tenantId(), conversation.id(),
                c -> c.withMetadataEntry(Conversation.NEEDS_STAFF, reason));
        append(flagged, ConversationEvent.FLAGGED_FOR_STAFF, Map.of("reason", reason));
        updated(flagged);
        return flagged;
    }

    void created(Message message) {
        bus.publish(MessagingEvent.messageCreated(message));
    }

    void statusChanged(Message message) {
        bus.publish(MessagingEvent.messageStatus(message));
    }

    void updated(Conversation conversation) {
        bus.publish(MessagingEvent.conversationUpdated(conversation));
    }

    public Conversation requireConversation(String tenantId, String conversationId) {
        return store.findConversation(tenantId, conversationId)
                .orElseThrow(() -> NonRetriableMessagingException.notFound("conversation", conversationId));
    }

    public Message requireMessage(String tenantId, String messageId) {
        return store.findMessage(tenantId, messageId)
                .orElseThrow(() -> NonRetriableMessagingException.notFound("message", messageId));
    }

    static void requireNotArchived(Conversation conversation) {
        if (conversation.status() == ConversationStatus.ARCHIVED) {
            throw NonRetriableMessagingException.conflict("conversation " + conversation.id() + " is archived");
        }
    }
}
