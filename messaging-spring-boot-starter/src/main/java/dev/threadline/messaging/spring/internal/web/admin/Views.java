package dev.threadline.messaging.spring.internal.web.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationContext;
import dev.threadline.messaging.ConversationDetail;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.Satisfaction;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the API (names become snake_case). Core records are never serialized directly, so
 * the wire format stays fixed when the domain model grows.
 */
public final class Views {

    private Views() {
    }

    /** ISO-8601 UTC with millisecond precision and {@code Z}, e.g. {@code 2026-11-21T12:00:30.123Z}. */
    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static @Nullable String timestampOrNull(@Nullable Instant instant) {
        return instant == null ? null : timestamp(instant);
    }

    record SendResponse(String conversationId, String messageId, @Nullable AiResponse aiResponse, @Nullable AiError aiError) {
        static SendResponse of(String conversationId, String messageId, @Nullable Message reply, @Nullable MessagingException error) {
            return new SendResponse(conversationId, messageId, reply == null ? null : AiResponse.of(reply),
                    error == null ? null : new AiError(error.code().wireName(), String.valueOf(error.getMessage())));
        }
    }

    /** An AI reply; {@code fallback} says a fallback responder wrote it because the AI provider failed. */
    record AiResponse(String content, String messageId, String status, boolean fallback) {
        static AiResponse of(Message reply) {
            return new AiResponse(reply.body(), reply.id(), reply.status().wireName(),
                    "true".equals(reply.metadata().get(Message.META_AI_FALLBACK)));
        }
    }

    record AiError(String code, String message) {
    }

    public record Queued(String messageId, String status) {
        public static Queued of(Message message) {
            return new Queued(message.id(), message.status().wireName());
        }
    }

    /** What a conversation is about. */
    record ContextView(String type, String id, @Nullable String title, @Nullable String url) {
        static @Nullable ContextView of(@Nullable ConversationContext c) {
            return c == null ? null : new ContextView(c.type(), c.id(), c.title(), c.url());
        }
    }

    /** A staff user as a conversation or message names them. */
    record Person(String id, @Nullable String name) {
        static @Nullable Person of(@Nullable String id, Map<String, String> staffNames) {
            return id == null ? null : new Person(id, staffNames.get(id));
        }
    }

    public record ConversationSummary(String id, String channel, @Nullable String customerName, @Nullable String customerPhone,
                               @Nullable String customerEmail, @Nullable String subject, @Nullable String headline,
                               @Nullable String lastMessage, String lastActivityAt, String status, long messageCount,
                               long unreadCount, @Nullable String needsStaff, String inboxId, @Nullable Person assignee,
                               @Nullable String awaitingReplySince, @Nullable ContextView context) {
        public static ConversationSummary of(Conversation c, Map<String, String> staffNames) {
            return new ConversationSummary(c.id(), c.channel().value(), c.customerName(), c.customerPhone(), c.customerEmail(),
                    c.subject(), c.headline(), c.lastMessagePreview(), timestamp(c.lastActivityAt()), c.status().wireName(),
                    c.messageCount(), c.unreadCount(), c.metadata().get(Conversation.NEEDS_STAFF), c.inboxId(),
                    Person.of(c.assigneeId(), staffNames), timestampOrNull(c.awaitingReplySince()), ContextView.of(c.context()));
        }
    }

    /** {@code total_exact} appears only when false: a text search stopped counting. */
    record ConversationList(List<ConversationSummary> conversations, long total, int page, int pageSize,
                            @Nullable String nextCursor, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean totalExact) {
        static ConversationList of(ConversationPage page, Map<String, String> staffNames) {
            return new ConversationList(page.conversations().stream().map(c -> ConversationSummary.of(c, staffNames)).toList(),
                    page.total(), page.page(), page.pageSize(), page.nextCursor(), page.totalExact() ? null : false);
        }
    }

    record Customer(String id, @Nullable String name, @Nullable String phone, @Nullable String email) {
    }

    record SatisfactionView(double score, String sentiment, String outcome, String reason) {
        static @Nullable SatisfactionView of(@Nullable Satisfaction s) {
            return s == null ? null : new SatisfactionView(s.score(), s.sentiment().wireName(), s.outcome(), s.reason());
        }
    }

    record ConversationView(String id, String channel, Customer customer, String status, @Nullable String subject,
                            @Nullable String headline, String initiatedAt, String lastActivityAt, long messageCount,
                            long unreadCount, @Nullable SatisfactionView satisfaction, @Nullable String needsStaff,
                            String inboxId, @Nullable Person assignee, @Nullable String awaitingReplySince,
                            @Nullable ContextView context) {
        static ConversationView of(Conversation c, Contact contact, Map<String, String> staffNames) {
            Customer customer = new Customer(contact.id(), c.customerName() != null ? c.customerName() : contact.name(),
                    c.customerPhone() != null ? c.customerPhone() : contact.phone(),
                    c.customerEmail() != null ? c.customerEmail() : contact.email());
            return new ConversationView(c.id(), c.channel().value(), customer, c.status().wireName(), c.subject(), c.headline(),
                    timestamp(c.initiatedAt()), timestamp(c.lastActivityAt()), c.messageCount(), c.unreadCount(),
                    SatisfactionView.of(c.satisfaction()), c.metadata().get(Conversation.NEEDS_STAFF), c.inboxId(),
                    Person.of(c.assigneeId(), staffNames), timestampOrNull(c.awaitingReplySince()), ContextView.of(c.context()));
        }
    }

    record MessageView(String id, String direction, String author, String content, @Nullable String subject,
                       List<String> mediaUrls, String sentAt, String status, String statusAt,
                       @Nullable String providerMessageId, @Nullable String errorCode, @Nullable String errorMessage,
                       @Nullable Person sentBy, @Nullable String sendAt) {
        /** The message; {@code sendAt} is a scheduled message's send time, else null. */
        static MessageView of(Message m, @Nullable Instant sendAt) {
            String sentById = m.metadata().get(Message.META_SENT_BY_ID);
            return new MessageView(m.id(), m.direction().wireName(), m.author().wireName(), m.body(), m.subject(), m.mediaUrls(),
                    timestamp(m.createdAt()), m.status().wireName(), timestamp(m.statusAt()), m.providerMessageId(),
                    m.errorCode(), m.errorMessage(),
                    sentById == null ? null : new Person(sentById, m.metadata().get(Message.META_SENT_BY_NAME)),
                    sendAt == null ? null : timestamp(sendAt));
        }
    }

    record Detail(ConversationView conversation, List<MessageView> messages, @Nullable String earlierCursor) {
        /** The conversation; {@code sendTimes} answers a scheduled message's send time (empty once a worker holds it). */
        static Detail of(ConversationDetail d, Map<String, String> staffNames, Function<Message, Optional<Instant>> sendTimes) {
            return new Detail(ConversationView.of(d.conversation(), d.contact(), staffNames),
                    d.messages().stream().map(m -> MessageView.of(m,
                            m.status() == DeliveryStatus.SCHEDULED ? sendTimes.apply(m).orElse(null) : null)).toList(),
                    d.earlierCursor());
        }
    }

    record ConversationOnly(ConversationView conversation) {
    }

    record Unread(long total, Map<String, Long> byChannel) {
        static Unread of(Map<ChannelId, Long> counts) {
            Map<String, Long> byChannel = new TreeMap<>();
            counts.forEach((channel, count) -> byChannel.put(channel.value(), count));
            return new Unread(byChannel.values().stream().mapToLong(Long::longValue).sum(), byChannel);
        }
    }

    record UnreadCount(long unreadCount) {
    }

    record Suggestions(List<String> suggestions) {
    }
}
