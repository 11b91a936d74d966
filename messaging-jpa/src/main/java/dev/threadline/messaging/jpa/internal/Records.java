package dev.threadline.messaging.jpa.internal;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationContext;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.Satisfaction;
import dev.threadline.messaging.Sentiment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Maps entities to the core's records and back. Enums are stored by wire name; instants are kept to
 * the microsecond, the precision both databases store.
 */
final class Records {

    private Records() {
    }

    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    // ---- contacts

    static ContactEntity newContact(String tenantId, String id, @Nullable String name, @Nullable String phone,
                                    @Nullable String email, Instant createdAt) {
        ContactEntity e = new ContactEntity();
        e.tenantId = tenantId;
        e.id = id;
        e.name = name;
        e.phone = phone;
        e.email = email;
        e.createdAt = micros(createdAt);
        return e;
    }

    static Contact contact(ContactEntity e) {
        return new Contact(e.id, e.tenantId, e.name, e.phone, e.email, channels(e.optedOutChannels), e.createdAt);
    }

    static Set<ChannelId> channels(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).filter(s -> !s.isEmpty()).map(ChannelId::new)
                .collect(Collectors.toSet());
    }

    static String channels(Set<ChannelId> channels) {
        return channels.stream().map(ChannelId::value).sorted().collect(Collectors.joining(","));
    }

    // ---- conversations

    static ConversationEntity newConversation(Conversation c) {
        ConversationEntity e = new ConversationEntity();
        e.tenantId = c.tenantId();
        e.id = c.id();
        e.channel = c.channel().value();
        e.contactId = c.contactId();
        e.ourAddress = c.ourAddress();
        e.threadKey = c.threadKey();
        e.initiatedAt = micros(c.initiatedAt());
        e.lastActivityAt = micros(c.lastActivityAt());
        e.messageCount = c.messageCount();
        e.unreadCount = c.unreadCount();
        e.lastMessagePreview = c.lastMessagePreview();
        e.awaitingReplySince = c.awaitingReplySince() == null ? null : micros(c.awaitingReplySince());
        e.version = c.version();
        applyChange(e, c);
        return e;
    }

    /** Copies what {@code updateConversation} may change: never ids, thread key or counters. */
    static void applyChange(ConversationEntity e, Conversation c) {
        e.customerName = c.customerName();
        e.customerPhone = c.customerPhone();
        e.customerEmail = c.customerEmail();
        e.status = c.status().wireName();
        e.subject = c.subject();
        e.headline = c.headline();
        Satisfaction s = c.satisfaction();
        e.satisfactionScore = s == null ? null : s.score();
        e.satisfactionSentiment = s == null ? null : s.sentiment().wireName();
        e.satisfactionOutcome = s == null ? null : s.outcome();
        e.satisfactionReason = s == null ? null : s.reason();
        e.inboxId = c.inboxId();
        e.assigneeId = c.assigneeId();
        ConversationContext context = c.context();
        e.contextType = context == null ? null : context.type();
        e.contextId = context == null ? null : context.id();
        e.contextTitle = context == null ? null : context.title();
        e.contextUrl = context == null ? null : context.url();
        e.metadata = Json.write(c.metadata());
    }

    static Conversation conversation(ConversationEntity e) {
        Satisfaction satisfaction = e.satisfactionScore == null ? null
                : new Satisfaction(e.satisfactionScore, Sentiment.fromWire(e.satisfactionSentiment, "satisfaction_sentiment"),
                        e.satisfactionOutcome == null ? "" : e.satisfactionOutcome,
                        e.satisfactionReason == null ? "" : e.satisfactionReason);
        return new Conversation(e.id, e.tenantId, new ChannelId(e.channel), e.contactId, e.customerName, e.customerPhone,
                e.customerEmail, e.ourAddress, e.threadKey, ConversationStatus.fromWire(e.status, "status"), e.subject,
                e.headline, e.initiatedAt, e.lastActivityAt, e.messageCount, e.unreadCount, e.lastMessagePreview,
                satisfaction, e.inboxId, e.assigneeId, e.awaitingReplySince,
                e.contextType == null ? null : new ConversationContext(e.contextType, e.contextId, e.contextTitle, e.contextUrl),
                Json.strings(e.metadata), e.version);
    }

    // ---- messages

    static MessageEntity newMessage(Message m) {
        MessageEntity e = new MessageEntity();
        e.tenantId = m.tenantId();
        e.id = m.id();
        e.conversationId = m.conversationId();
        e.channel = m.channel().value();
        e.direction = m.direction().wireName();
        e.author = m.author().wireName();
        e.body = m.body();
        e.subject = m.subject();
        e.mediaUrls = Json.write(m.mediaUrls());
        e.providerMessageId = m.providerMessageId();
        e.threadRef = m.threadRef();
        e.status = m.status().wireName();
        e.createdAt = micros(m.createdAt());
        e.statusAt = micros(m.statusAt());
        e.errorCode = m.errorCode();
        e.errorMessage = m.errorMessage();
        e.metadata = Json.write(m.metadata());
        return e;
    }

    static Message message(MessageEntity e) {
        return new Message(e.id, e.tenantId, e.conversationId, new ChannelId(e.channel),
                Direction.valueOf(e.direction.toUpperCase(Locale.ROOT)), Author.valueOf(e.author.toUpperCase(Locale.ROOT)),
                e.body, e.subject, Json.list(e.mediaUrls), e.providerMessageId, e.threadRef, DeliveryStatus.fromWire(e.status, "status"),
                e.createdAt, e.statusAt, e.errorCode, e.errorMessage, Json.strings(e.metadata));
    }

    // ---- events

    static EventEntity newEvent(ConversationEvent event) {
        EventEntity e = new EventEntity();
        e.tenantId = event.tenantId();
        e.id = event.id();
        e.conversationId = event.conversationId();
        e.type = event.type();
        e.data = Json.write(event.data());
        e.occurredAt = micros(event.occurredAt());
        return e;
    }

    static ConversationEvent event(EventEntity e) {
        return new ConversationEvent(e.id, e.tenantId, e.conversationId, e.type, Json.values(e.data), e.occurredAt);
    }
}
