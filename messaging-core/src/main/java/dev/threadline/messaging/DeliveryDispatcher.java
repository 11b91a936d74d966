package dev.threadline.messaging;

import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.OutboxEntry;
import dev.threadline.messaging.spi.OutboxStore;
import dev.threadline.messaging.spi.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: claims due entries under a lease, calls the channel, and records the
 * outcome. Transient failures go back to the outbox with backoff; permanent ones end {@code failed} with
 * the provider's error code. Safe to run from any number of threads and processes at once.
 */
final class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private static final int THREAD_REFS_WINDOW = 50;

    private final ConversationStore store;
    private final OutboxStore outbox;
    private final Map<ChannelId, Channel> channels;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Duration lease;
    private final Consumer<Message> onStatusChange;
    private final OptOutRecorder optOuts;
    private final Consumer<Message> onFailed;

    /** Records an opt-out reported by a provider at send time. */
    interface OptOutRecorder {
        void optOut(Conversation conversation, String reason);
    }

    DeliveryDispatcher(ConversationStore store, OutboxStore outbox, Map<ChannelId, Channel> channels, RetryPolicy retryPolicy,
                       Clock clock, Duration lease, Consumer<Message> onStatusChange, OptOutRecorder optOuts,
                       Consumer<Message> onFailed) {
        this.store = store;
        this.outbox = outbox;
        this.channels = Map.copyOf(channels);
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.lease = lease;
        this.onStatusChange = onStatusChange;
        this.optOuts = optOuts;
        this.onFailed = onFailed;
    }

    /**
     * Claims and sends one batch.
     *
     * @return how many entries were claimed
     */
    int dispatchBatch(String workerId, int batchSize) {
        Instant now = clock.instant();
        List<OutboxEntry> claimed = outbox.claimDue(now, batchSize, workerId, now.plus(lease));
        for (OutboxEntry entry : claimed) {
            try {
                deliver(entry);
            } catch (RuntimeException e) {
                // A bug or a store hiccup must not lose the entry: leave it to be retried after backoff.
                log.warn("Delivery of message {} failed unexpectedly", entry.messageId(), e);
                outbox.retryLater(entry, clock.instant().plus(retryPolicy.backoff(entry.attempts() + 1, null)), "internal error");
            }
        }
        return claimed.size();
    }

    private void deliver(OutboxEntry entry) {
        Optional<Message> found = store.findMessage(entry.tenantId(), entry.messageId());
        if (found.isEmpty() || !isWaitingToBeSent(found.get())) {
            // Already with the provider (a callback got here first) or gone: drop the entry. Canceled is
            // no forward move from any such status, so completing only removes it.
            outbox.complete(entry, DeliveryUpdate.of(DeliveryStatus.CANCELED, clock.instant()));
            return;
        }
        Message message = found.get();
        Conversation conversation = store.findConversation(entry.tenantId(), message.conversationId()).orElseThrow();
        Channel channel = channels.get(message.channel());
        if (channel == null) {
            finish(entry, failure("no_channel", "no channel is registered for " + message.channel()));
            return;
        }
        Contact contact = store.findContact(entry.tenantId(), conversation.contactId()).orElseThrow();
        if (contact.isOptedOut(message.channel())) {
            finish(entry, failure(ErrorCode.RECIPIENT_OPTED_OUT.wireName(), "recipient opted out of " + message.channel()));
            return;
        }
        List<String> refs = message.channel().equals(ChannelId.EMAIL) ? earlierThreadRefs(message) : List.of();
        try {
            SendResult result = channel.send(new OutboundDelivery(message, conversation, refs, entry.attempts() + 1));
            finish(entry, new DeliveryUpdate(result.status(), clock.instant(), result.providerMessageId(), null, null));
        } catch (RetriableMessagingException e) {
            int attemptsMade = entry.attempts() + 1;
            if (retryPolicy.allowsAnotherAttempt(attemptsMade)) {
                Duration wait = retryPolicy.backoff(attemptsMade, e.retryAfter());
                log.debug("Message {} attempt {} failed transiently; retrying in {}", message.id(), attemptsMade, wait);
                outbox.retryLater(entry, clock.instant().plus(wait), Objects.requireNonNullElse(e.getMessage(), "transient failure"));
            } else {
                log.warn("Message {} failed after {} attempts: {}", message.id(), attemptsMade, e.getMessage());
                finish(entry, failure(e.code().wireName(), e.getMessage())).ifPresent(onFailed);
            }
        } catch (NonRetriableMessagingException e) {
            String code = e.providerErrorCode() != null ? e.providerErrorCode() : e.code().wireName();
            Optional<Message> failed = finish(entry, failure(code, e.getMessage()));
            if (e.code() == ErrorCode.RECIPIENT_OPTED_OUT) {
                optOuts.optOut(conversation, "provider reported the recipient unsubscribed");
            } else {
                failed.ifPresent(onFailed);
            }
        }
    }

    private static boolean isWaitingToBeSent(Message message) {
        return message.status() == DeliveryStatus.QUEUED || message.status() == DeliveryStatus.SCHEDULED;
    }

    /**
     * The newest mails' {@code Message-ID}s before this one: enough for mail clients to thread, without
     * loading a long conversation on every send (RFC 5322 allows trimming {@code References}).
     */
    private List<String> earlierThreadRefs(Message message) {
        return store.recentMessages(message.tenantId(), message.conversationId(), THREAD_REFS_WINDOW).stream()
                .filter(m -> m.threadRef() != null && m.id().compareTo(message.id()) < 0)
                .map(Message::threadRef)
                .toList();
    }

    private DeliveryUpdate failure(String code, String text) {
        return new DeliveryUpdate(DeliveryStatus.FAILED, clock.instant(), null, code, text);
    }

    private Optional<Message> finish(OutboxEntry entry, DeliveryUpdate update) {
        Optional<Message> updated = outbox.complete(entry, update);
        updated.ifPresent(onStatusChange);
        return updated;
    }
}
