package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.spi.AppendResult;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.OutboxStore;
import dev.threadline.messaging.support.SmsSegments;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Puts our messages in the outbox: staff replies, messages we start, AI replies and drafts, cancel and reschedule. */
public final class Outbound {

    private final ConversationStore store;
    private final OutboxStore outbox;
    private final Map<ChannelId, Channel> channels;
    private final Threads threads;
    private final Timeline timeline;
    private final InputRules rules;
    private final ConsentGate consent;
    private final IdGenerator ids;
    private final Clock clock;
    private final String messageIdDomain;
    private final Runnable wakeUpDelivery;

    Outbound(ConversationStore store, OutboxStore outbox, Map<ChannelId, Channel> channels, Threads threads, Timeline timeline,
             InputRules rules, ConsentGate consent, IdGenerator ids, Clock clock, String messageIdDomain, Runnable wakeUpDelivery) {
        this.store = store;
        this.outbox = outbox;
        this.channels = Map.copyOf(channels);
        this.threads = threads;
        this.timeline = timeline;
        this.rules = rules;
        this.consent = consent;
        this.ids = ids;
        this.clock = clock;
        this.messageIdDomain = messageIdDomain;
        this.wakeUpDelivery = wakeUpDelivery;
    }

    public Message reply(String tenantId, String conversationId, String content, String actor) {
        return reply(tenantId, conversationId, content, actor, Map.of(), null);
    }

    /**
     * A staff reply whose message carries {@code metadata} (who sent it), sent now or, with {@code sendAt}, scheduled.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code send_at} for a time in the past
     */
    public Message reply(String tenantId, String conversationId, String content, String actor, Map<String, String> metadata,
                         @Nullable Instant sendAt) {
        if (sendAt != null && sendAt.isBefore(clock.instant())) {
            throw NonRetriableMessagingException.validation("send_at", "send_at is in the past");
        }
        Conversation conversation = timeline.requireConversation(tenantId, conversationId);
        Timeline.requireNotArchived(conversation);
        Message message = enqueue(conversation, null, content, List.of(), Author.STAFF, sendAt, metadata);
        timeline.audit(conversation, actor, "reply", message.id());
        return message;
    }

    public Message send(OutboundMessage outbound) {
        if (outbound.messageId() != null) {
            Optional<Message> earlier = store.findMessage(outbound.tenantId(), outbound.messageId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        rules.requireKnownChannel(outbound.channel());
        Threads.CustomerAddress address = threads.customerAddress(outbound.channel(), outbound.customerPhone(), outbound.customerEmail());
        Conversation conversation = threads.findOrOpen(outbound.tenantId(), outbound.channel(), address, outbound.customerName(),
                outbound.ourAddress(), outbound.subject());
        return enqueue(conversation, outbound.messageId(), outbound.body(), outbound.mediaUrls(), outbound.author(), outbound.sendAt(),
                outbound.metadata());
    }

    /**
     * A copy of {@code body} to {@code contact} on another channel, in the conversation the contact has there.
     *
     * @return empty when the contact has no address on that channel
     */
    Optional<Message> sendCopy(Contact contact, ChannelId channel, @Nullable String subject, String body, Author author,
                               Map<String, String> metadata) {
        return Threads.CustomerAddress.of(contact, channel).map(address -> enqueue(
                threads.findOrOpen(contact.tenantId(), channel, address, contact.name(), null, subject),
                null, body, List.of(), author, null, metadata));
    }

    public boolean cancelScheduled(String tenantId, String messageId) {
        Optional<Message> canceled = outbox.cancel(tenantId, messageId, clock.instant());
        canceled.ifPresent(timeline::statusChanged);
        return canceled.isPresent();
    }

    public boolean reschedule(String tenantId, String messageId, Instant sendAt) {
        return outbox.reschedule(tenantId, messageId, sendAt);
    }

    public Optional<Instant> scheduledFor(String tenantId, String messageId) {
        return outbox.dueAt(tenantId, messageId);
    }

    /** The channel that sends on the conversation's channel; drafts are written where there is none. */
    boolean canSend(ChannelId channel) {
        return channels.containsKey(channel);
    }

    /**
     * Checks and queues our message. The consent check and the queueing happen under the contact's consent lock:
     * a reply either is queued before a STOP is stored, or is refused here.
     *
     * @param messageId the caller's id for it, or null for a new one; a message the store has under that id already
     *                  is returned as it is
     */
    Message enqueue(Conversation conversation, @Nullable String messageId, String content, List<String> mediaUrls, Author author,
                    @Nullable Instant sendAt, Map<String, String> metadata) {
        Channel channel = requireSender(conversation.channel());
        rules.requireContent(content, !mediaUrls.isEmpty());
        if (!mediaUrls.isEmpty() && !channel.capabilities().supportsMedia()) {
            throw NonRetriableMessagingException.validation("media_urls", conversation.channel() + " cannot carry media");
        }
        if (content.length() > channel.capabilities().maxBodyLength()) {
            throw NonRetriableMessagingException.validation("content",
                    "content is longer than " + channel.capabilities().maxBodyLength() + " characters for " + conversation.channel());
        }
        Message message = message(conversation, messageId, content, mediaUrls, author, sendAt, metadata, DeliveryStatus.QUEUED);
        AppendResult appended = consent.whileSending(conversation.tenantId(), conversation.contactId(), () -> {
            Contact contact = store.findContact(conversation.tenantId(), conversation.contactId()).orElseThrow();
            if (contact.isOptedOut(conversation.channel())) {
                throw new NonRetriableMessagingException(ErrorCode.RECIPIENT_OPTED_OUT,
                        "the customer opted out of " + conversation.channel(), null);
            }
            return store.append(message, sendAt != null ? sendAt : message.createdAt());
        });
        if (appended.duplicate()) {
            // Another send with the same id got there first.
            return appended.message();
        }
        timeline.created(message);
        wakeUpDelivery.run();
        return message;
    }

    /** Stores an AI reply for staff to approve; it is not queued. */
    Message draft(Conversation conversation, String content, Map<String, String> metadata) {
        Message message = message(conversation, null, content, List.of(), Author.AI, null, metadata, DeliveryStatus.DRAFT);
        store.append(message, null);
        timeline.created(message);
        return message;
    }

    /** Wakes the delivery workers for a message queued by other means (an approved draft). */
    void queued(Message message) {
        timeline.statusChanged(message);
        wakeUpDelivery.run();
    }

    Channel requireSender(ChannelId channelId) {
        Channel channel = channels.get(channelId);
        if (channel == null) {
            throw NonRetriableMessagingException.validation("channel", "no channel can send on " + channelId);
        }
        return channel;
    }

    private Message message(Conversation conversation, @Nullable String messageId, String content, List<String> mediaUrls,
                            Author author, @Nullable Instant sendAt, Map<String, String> metadata, DeliveryStatus status) {
        Instant now = clock.instant();
        String id = messageId != null ? messageId : ids.newId();
        boolean email = conversation.channel().equals(ChannelId.EMAIL);
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        if (conversation.channel().equals(ChannelId.SMS) || conversation.channel().equals(ChannelId.WHATSAPP)) {
            meta.put("sms_segments", Integer.toString(SmsSegments.count(content)));
        }
        DeliveryStatus initial = sendAt != null && sendAt.isAfter(now) && status == DeliveryStatus.QUEUED ? DeliveryStatus.SCHEDULED : status;
        // The first mail of a conversation we start keeps its subject; everything after it is a reply.
        String subject = !email ? null : conversation.messageCount() == 0 ? conversation.subject() : replySubject(conversation.subject());
        return new Message(id, conversation.tenantId(), conversation.id(), conversation.channel(), Direction.OUTBOUND, author,
                content, subject, mediaUrls, null, email ? "<" + id + "@" + messageIdDomain + ">" : null, initial, now, now, null,
                null, meta);
    }

    private static @Nullable String replySubject(@Nullable String subject) {
        if (subject == null) {
            return null;
        }
        return ThreadKeys.normalizeSubject(subject).equals(subject.strip().toLowerCase(Locale.ROOT)) ? "Re: " + subject : subject;
    }
}
