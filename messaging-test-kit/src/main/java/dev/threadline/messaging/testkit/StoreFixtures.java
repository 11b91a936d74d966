package dev.threadline.messaging.testkit;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the records the store contract feeds to a store: contacts, conversations, messages and events
 * with time-ordered ids, so arrival order and id order agree.
 */
final class StoreFixtures {

    private final ConversationStore store;
    private final IdGenerator ids = new TimeOrderedIdGenerator();

    StoreFixtures(ConversationStore store) {
        this.store = store;
    }

    String newId() {
        return ids.newId();
    }

    /** Opens an active SMS conversation with a new customer of that phone in {@code tenant}. */
    Conversation smsConversation(String tenant, String phone, Instant at) {
        return open(tenant, ChannelId.SMS, phone, null, "Ana Lima", null, at);
    }

    /** Opens an active conversation, creating or finding the contact by phone or email. */
    Conversation open(String tenant, ChannelId channel, @Nullable String phone, @Nullable String email,
                      @Nullable String name, @Nullable String subject, Instant at) {
        return store.openConversation(candidate(tenant, channel, phone, email, name, subject, at));
    }

    /** A not yet stored active conversation whose thread key is derived from the channel and address. */
    Conversation candidate(String tenant, ChannelId channel, @Nullable String phone, @Nullable String email,
                           @Nullable String name, @Nullable String subject, Instant at) {
        Contact contact = store.upsertContact(tenant, phone, email, name);
        String threadKey = channel.value() + "|" + (phone != null ? phone : email) + "|" + (subject == null ? "" : subject);
        return new Conversation(ids.newId(), tenant, channel, contact.id(), name, phone, email, "+15550000000", threadKey,
                ConversationStatus.ACTIVE, subject, null, at, at, 0, 0, null, null, "default", null, null, null, Map.of(), 0);
    }

    /** Another candidate for the same thread as {@code existing}, with a new id. */
    Conversation rival(Conversation existing) {
        return new Conversation(ids.newId(), existing.tenantId(), existing.channel(), existing.contactId(),
                existing.customerName(), existing.customerPhone(), existing.customerEmail(), existing.ourAddress(),
                existing.threadKey(), ConversationStatus.ACTIVE, existing.subject(), null, existing.initiatedAt(),
                existing.initiatedAt(), 0, 0, null, null, "default", null, null, null, Map.of(), 0);
    }

    Message inbound(Conversation c, String body, Instant at) {
        return inbound(c, body, at, null);
    }

    Message inbound(Conversation c, String body, Instant at, @Nullable String providerMessageId) {
        return message(c, Direction.INBOUND, Author.CUSTOMER, body, DeliveryStatus.RECEIVED, at, providerMessageId, null);
    }

    Message outbound(Conversation c, String body, DeliveryStatus status, Instant at) {
        return message(c, Direction.OUTBOUND, Author.STAFF, body, status, at, null, null);
    }

    /** An outbound email carrying an RFC 5322 Message-ID as its thread reference. */
    Message outboundEmail(Conversation c, String body, String threadRef, Instant at) {
        return message(c, Direction.OUTBOUND, Author.STAFF, body, DeliveryStatus.QUEUED, at, null, threadRef);
    }

    Message message(Conversation c, Direction direction, Author author, String body, DeliveryStatus status, Instant at,
                    @Nullable String providerMessageId, @Nullable String threadRef) {
        return new Message(ids.newId(), c.tenantId(), c.id(), c.channel(), direction, author, body, c.subject(),
                List.of(), providerMessageId, threadRef, status, at, at, null, null, Map.of("source", "contract"));
    }

    /** Appends an outbound message queued in the outbox, due at {@code dueAt}. */
    Message queue(Conversation c, String body, Instant dueAt) {
        Message message = outbound(c, body, DeliveryStatus.QUEUED, dueAt);
        store.append(message, dueAt);
        return message;
    }

    ConversationEvent event(Conversation c, String type, Map<String, Object> data, Instant at) {
        return new ConversationEvent(ids.newId(), c.tenantId(), c.id(), type, data, at);
    }
}
