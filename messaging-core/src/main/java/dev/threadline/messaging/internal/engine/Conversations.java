package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.ContactDetail;
import dev.threadline.messaging.ContactPage;
import dev.threadline.messaging.ContactQuery;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationDetail;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.support.StorableText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reading conversations, contacts and messages, and what staff change on a conversation: read state and status. */
public final class Conversations {

    private final ConversationStore store;
    private final Threads threads;
    private final Timeline timeline;

    Conversations(ConversationStore store, Threads threads, Timeline timeline) {
        this.store = store;
        this.threads = threads;
        this.timeline = timeline;
    }

    public ConversationDetail detail(String tenantId, String conversationId) {
        Conversation conversation = timeline.requireConversation(tenantId, conversationId);
        Contact contact = store.findContact(tenantId, conversation.contactId()).orElseThrow();
        return new ConversationDetail(conversation, contact, store.messages(tenantId, conversationId));
    }

    /** Most messages one window of {@link #detail(String, String, int, String)} may hold. */
    static final int MAX_MESSAGE_WINDOW = 500;

    public ConversationDetail detail(String tenantId, String conversationId, int limit, @Nullable String before) {
        if (limit < 1 || limit > MAX_MESSAGE_WINDOW) {
            throw NonRetriableMessagingException.validation("messages", "messages must be between 1 and " + MAX_MESSAGE_WINDOW);
        }
        Conversation conversation = timeline.requireConversation(tenantId, conversationId);
        Contact contact = store.findContact(tenantId, conversation.contactId()).orElseThrow();
        // One more than asked tells whether earlier messages exist.
        List<Message> window = before == null ? store.recentMessages(tenantId, conversationId, limit + 1)
                : store.messagesBefore(tenantId, conversationId, before, limit + 1);
        if (before != null && window.isEmpty() && !isMessageOf(tenantId, conversationId, before)) {
            throw NonRetriableMessagingException.validation("before", "before is not a message of this conversation");
        }
        boolean earlier = window.size() > limit;
        List<Message> messages = earlier ? window.subList(1, window.size()) : window;
        return new ConversationDetail(conversation, contact, messages, earlier ? messages.get(0).id() : null);
    }

    private boolean isMessageOf(String tenantId, String conversationId, String messageId) {
        return store.findMessage(tenantId, messageId).filter(m -> m.conversationId().equals(conversationId)).isPresent();
    }

    public ConversationPage list(String tenantId, ConversationQuery query) {
        StorableText.require(query.text(), "q");
        return store.listConversations(tenantId, query);
    }

    public List<ConversationEvent> events(String tenantId, String conversationId) {
        timeline.requireConversation(tenantId, conversationId);
        return store.events(tenantId, conversationId);
    }

    public ContactPage contacts(String tenantId, ContactQuery query) {
        StorableText.require(query.text(), "q");
        return store.listContacts(tenantId, query);
    }

    public ContactDetail contact(String tenantId, String contactId) {
        Contact contact = store.findContact(tenantId, contactId)
                .orElseThrow(() -> NonRetriableMessagingException.notFound("contact", contactId));
        return new ContactDetail(contact, store.conversationsOf(tenantId, contactId));
    }

    public Optional<Conversation> find(String tenantId, String conversationId) {
        return store.findConversation(tenantId, conversationId);
    }

    public Optional<Message> findMessage(String tenantId, String messageId) {
        return store.findMessage(tenantId, messageId);
    }

    public Optional<Contact> findContact(String tenantId, String contactId) {
        return store.findContact(tenantId, contactId);
    }

    public Contact contactFor(String tenantId, String address, @Nullable String name, String field) {
        return threads.contactFor(tenantId, address, name, field);
    }

    public Map<ChannelId, Long> unreadCounts(String tenantId) {
        return store.unreadByChannel(tenantId);
    }

    public long markRead(String tenantId, String conversationId) {
        Conversation conversation = timeline.requireConversation(tenantId, conversationId);
        long cleared = store.markRead(tenantId, conversationId);
        if (cleared > 0) {
            timeline.append(conversation, ConversationEvent.MARKED_READ, Map.of("cleared", cleared));
            timeline.updated(timeline.requireConversation(tenantId, conversationId));
        }
        return cleared;
    }

    public Conversation changeStatus(String tenantId, String conversationId, ConversationStatus status) {
        return changeStatus(timeline.requireConversation(tenantId, conversationId), status);
    }

    Conversation changeStatus(Conversation before, ConversationStatus status) {
        if (before.status() == status) {
            return before;
        }
        Conversation updated = store.updateConversation(before.tenantId(), before.id(), c -> c.withStatus(status));
        timeline.append(updated, ConversationEvent.STATUS_CHANGED, Map.of("from", before.status().wireName(), "to", status.wireName()));
        timeline.updated(updated);
        return updated;
    }
}
