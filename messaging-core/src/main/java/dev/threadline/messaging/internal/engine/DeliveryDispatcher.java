package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.RetryPolicy;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.OutgoingMessage;
import dev.threadline.messaging.spi.OutboxEntry;
import dev.threadline.messaging.spi.OutboxStore;
import dev.threadline.messaging.spi.OutboxStore.Completion;
import dev.threadline.messaging.spi.SendLookup;
import dev.threadline.messaging.spi.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: claims due entries under a lease, calls the channel, and records the
 * outcome. Transient failures go back to the outbox with backoff; permanent ones end {@code failed} with
 * the provider's error code. Safe to run from any number of threads and processes at once.
 *
 * <p>An entry whose earlier claim ran out (its worker stopped, maybe mid-send) comes back in doubt only after
 * the lease and the in-doubt grace, time for a status callback to confirm the lost attempt; a confirmed
 * message is no longer waiting and its entry is dropped. Otherwise the channel is asked whether the provider
 * has the message, and it is sent again only when the provider has no match or cannot tell; either way the
 * conversation records what was decided.
 */
final class DeliveryDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private static final int THREAD_REFS_WINDOW = 50;
    private static final long RECORD_INTERVAL_NANOS = Duration.ofMillis(50).toNanos();
    /** The error code of a message the provider took under an id another message already has. */
    static final String PROVIDER_ID_CONFLICT = "provider_id_conflict";

    private final ConversationStore store;
    private final OutboxStore outbox;
    private final Map<ChannelId, Channel> channels;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Duration lease;
    private final Duration inDoubtGrace;
    private final Timeline timeline;
    private final Callbacks callbacks;
    private final Fallback fallback;
    private final ConsentGate consent;

    /** How the provider answered about an attempt in doubt; the wire name goes into the timeline. */
    private enum Lookup {
        /** The provider has the message: the lost attempt got through. */
        FOUND,
        /** The provider could not be asked now: look again later. */
        NOT_ANSWERED,
        NOT_FOUND,
        UNAVAILABLE,
        REFUSED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    DeliveryDispatcher(ConversationStore store, OutboxStore outbox, Map<ChannelId, Channel> channels, RetryPolicy retryPolicy,
                       Clock clock, Duration lease, Duration inDoubtGrace, Timeline timeline, Callbacks callbacks,
                       Fallback fallback, ConsentGate consent) {
        this.store = store;
        this.outbox = outbox;
        this.channels = Map.copyOf(channels);
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.lease = lease;
        this.inDoubtGrace = inDoubtGrace;
        this.timeline = timeline;
        this.callbacks = callbacks;
        this.fallback = fallback;
        this.consent = consent;
    }

    /**
     * Claims and sends one batch: one claim, one load of the claimed messages with their conversations and
     * contacts, and the outcomes recorded a few at a time (see {@link Outcomes}).
     *
     * @return how many entries were claimed
     */
    int dispatchBatch(String workerId, int batchSize) {
        Instant now = clock.instant();
        List<OutboxEntry> claimed = outbox.claimDue(now, batchSize, workerId, now.plus(lease), inDoubtGrace);
        if (claimed.isEmpty()) {
            return 0;
        }
        // A failed load leaves the entries claimed; they are taken again, in doubt, after the lease and the grace.
        long loadedAt = System.nanoTime();
        Map<String, OutgoingMessage> loaded = load(claimed);
        Outcomes outcomes = new Outcomes();
        for (OutboxEntry entry : claimed) {
            if (!clock.instant().isBefore(entry.leaseUntil())) {
                // Past its lease another worker may take the entry (after the in-doubt grace) and, not finding it at
                // the provider, send it: a send started now could be its second. Give it back instead.
                outbox.retryLater(entry, clock.instant(), "the claim ran out before its turn in the batch");
                continue;
            }
            try {
                deliver(entry, loaded.get(entry.messageId()), loadedAt, outcomes);
            } catch (RuntimeException e) {
                // A bug or a store hiccup must not lose the entry: leave it to be retried after backoff.
                log.warn("Delivery of message {} failed unexpectedly", entry.messageId(), e);
                outbox.retryLater(entry, clock.instant().plus(retryPolicy.backoff(entry.attempts() + 1, null)), "internal error");
            }
            outcomes.recordIfDue();
        }
        outcomes.record();
        return claimed.size();
    }

    private Map<String, OutgoingMessage> load(List<OutboxEntry> claimed) {
        Map<String, List<String>> idsByTenant = new LinkedHashMap<>();
        claimed.forEach(e -> idsByTenant.computeIfAbsent(e.tenantId(), t -> new ArrayList<>()).add(e.messageId()));
        Map<String, OutgoingMessage> loaded = new HashMap<>();
        idsByTenant.forEach((tenant, ids) -> loaded.putAll(store.outgoing(tenant, ids)));
        return loaded;
    }

    private void deliver(OutboxEntry entry, @Nullable OutgoingMessage outgoing, long loadedAt, Outcomes outcomes) {
        if (outgoing == null || !isWaitingToBeSent(outgoing.message())) {
            // Already with the provider (a callback got here first) or gone: drop the entry. Canceled is
            // no forward move from any such status, so completing only removes it.
            outcomes.addUnpublished(entry, DeliveryUpdate.of(DeliveryStatus.CANCELED, clock.instant()));
            return;
        }
        Message message = outgoing.message();
        Channel channel = channels.get(message.channel());
        if (channel == null) {
            outcomes.add(entry, failure(ErrorCode.UNKNOWN_CHANNEL.wireName(), "no channel is registered for " + message.channel()));
            return;
        }
        @Nullable Lookup inDoubt = entry.attemptInDoubt() ? settleDoubt(entry, outgoing, channel, outcomes) : null;
        if (inDoubt == Lookup.FOUND || inDoubt == Lookup.NOT_ANSWERED) {
            return;
        }
        boolean providerSaysOptedOut = consent.whileSending(message.tenantId(), outgoing.contact().id(), () -> {
            if (isOptedOut(outgoing, loadedAt)) {
                outcomes.add(entry, failure(ErrorCode.RECIPIENT_OPTED_OUT.wireName(), "recipient opted out of " + message.channel()));
                return false;
            }
            if (inDoubt != null) {
                recordResend(outgoing, inDoubt);
            }
            return send(entry, outgoing, channel, outcomes);
        });
        if (providerSaysOptedOut) {
            // Recorded after the send's consent lock is released: a consent change takes that lock itself.
            callbacks.optOut(outgoing.conversation(), message.channel(), "provider reported the recipient unsubscribed");
        }
    }

    /**
     * Asks the channel whether the provider has the message of an entry in doubt. A match no other message holds
     * ends the entry with the provider's record of it; a provider that cannot be asked now leaves the entry
     * claimed, so it comes back in doubt after the lease and the grace.
     */
    private Lookup settleDoubt(OutboxEntry entry, OutgoingMessage outgoing, Channel channel, Outcomes outcomes) {
        Message message = outgoing.message();
        SendLookup lookup;
        try {
            lookup = channel.lookUpEarlierSend(new OutboundDelivery(message, outgoing.conversation(), List.of(), entry.attempts() + 1),
                    entry.dueAt());
        } catch (RetriableMessagingException e) {
            log.warn("Message {} is in doubt and its provider could not be asked; asking again in {}: {}", message.id(),
                    lease.plus(inDoubtGrace), e.getMessage());
            return Lookup.NOT_ANSWERED;
        } catch (RuntimeException e) {
            log.warn("Message {} is in doubt and its provider refused the lookup: {}", message.id(), e.getMessage());
            return Lookup.REFUSED;
        }
        if (!lookup.answered()) {
            return Lookup.UNAVAILABLE;
        }
        for (DeliveryUpdate match : lookup.matches()) {
            String providerId = Objects.requireNonNull(match.providerMessageId());
            Optional<Message> holder = store.findMessageByProviderId(message.tenantId(), message.channel(), providerId);
            if (holder.isEmpty() || holder.get().id().equals(message.id())) {
                log.info("Message {} was in doubt; the provider has it as {}", message.id(), providerId);
                timeline.append(outgoing.conversation(), ConversationEvent.DELIVERY_IN_DOUBT,
                        Map.of("message_id", message.id(), "resolution", "found_at_provider", "provider_message_id", providerId));
                outcomes.add(entry, match);
                return Lookup.FOUND;
            }
        }
        return Lookup.NOT_FOUND;
    }

    private void recordResend(OutgoingMessage outgoing, Lookup lookup) {
        Message message = outgoing.message();
        log.info("Message {} was in doubt and nothing confirmed it (lookup: {}); sending it again", message.id(), lookup.wireName());
        timeline.append(outgoing.conversation(), ConversationEvent.DELIVERY_IN_DOUBT,
                Map.of("message_id", message.id(), "resolution", "resent", "lookup", lookup.wireName()));
    }

    /** The contact's consent as loaded with the batch, or as stored now when it may have changed since. */
    private boolean isOptedOut(OutgoingMessage outgoing, long loadedAt) {
        Contact contact = outgoing.contact();
        if (consent.changedSince(contact.tenantId(), contact.id(), loadedAt)) {
            contact = store.findContact(contact.tenantId(), contact.id()).orElse(contact);
        }
        return contact.isOptedOut(outgoing.message().channel());
    }

    /**
     * Hands the message to its channel and adds the outcome.
     *
     * @return whether the provider refused it because the recipient unsubscribed
     */
    private boolean send(OutboxEntry entry, OutgoingMessage outgoing, Channel channel, Outcomes outcomes) {
        Message message = outgoing.message();
        Conversation conversation = outgoing.conversation();
        List<String> refs = message.channel().equals(ChannelId.EMAIL) ? earlierThreadRefs(message) : List.of();
        try {
            SendResult result = channel.send(new OutboundDelivery(message, conversation, refs, entry.attempts() + 1));
            outcomes.add(entry, new DeliveryUpdate(result.status(), clock.instant(), result.providerMessageId(), null, null));
            return false;
        } catch (RetriableMessagingException e) {
            int attemptsMade = entry.attempts() + 1;
            if (retryPolicy.allowsAnotherAttempt(attemptsMade)) {
                Duration wait = retryPolicy.backoff(attemptsMade, e.retryAfter());
                log.debug("Message {} attempt {} failed transiently; retrying in {}", message.id(), attemptsMade, wait);
                outbox.retryLater(entry, clock.instant().plus(wait), Objects.requireNonNullElse(e.getMessage(), "transient failure"));
            } else {
                log.warn("Message {} failed after {} attempts: {}", message.id(), attemptsMade, e.getMessage());
                outcomes.add(entry, failure(e.code().wireName(), e.getMessage()), failed -> fallback.afterFailure(failed, outgoing));
            }
            return false;
        } catch (NonRetriableMessagingException e) {
            String code = e.providerErrorCode() != null ? e.providerErrorCode() : e.code().wireName();
            boolean optedOut = e.code() == ErrorCode.RECIPIENT_OPTED_OUT;
            outcomes.add(entry, failure(code, e.getMessage()), optedOut ? ignored -> { } : failed -> fallback.afterFailure(failed, outgoing));
            return optedOut;
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

    /**
     * Outcomes of sends not yet written to the outbox. Writing them per batch saves the store a transaction
     * per message; writing them at least every {@link #RECORD_INTERVAL_NANOS} keeps what a crash would send
     * twice to the sends of the last moment, and lets a slow channel's outcomes go out one by one.
     */
    private final class Outcomes {

        private final List<Completion> completions = new ArrayList<>();
        private final List<Consumer<Message>> afterwards = new ArrayList<>();
        private long recordedAt = System.nanoTime();

        /** Adds an outcome whose updated message is published as a status change. */
        void add(OutboxEntry entry, DeliveryUpdate update) {
            add(entry, update, timeline::statusChanged, message -> { });
        }

        /** Adds an outcome whose updated message is published, then handed to {@code followUp}. */
        void add(OutboxEntry entry, DeliveryUpdate update, Consumer<Message> followUp) {
            add(entry, update, timeline::statusChanged, followUp);
        }

        /** Adds an outcome that only removes the entry: its message did not change, so nothing is published. */
        void addUnpublished(OutboxEntry entry, DeliveryUpdate update) {
            add(entry, update, message -> { }, message -> { });
        }

        private void add(OutboxEntry entry, DeliveryUpdate update, Consumer<Message> publish, Consumer<Message> followUp) {
            completions.add(new Completion(entry, update));
            afterwards.add(publish.andThen(followUp));
        }

        void recordIfDue() {
            if (System.nanoTime() - recordedAt >= RECORD_INTERVAL_NANOS) {
                record();
            }
        }

        void record() {
            recordedAt = System.nanoTime();
            if (completions.isEmpty()) {
                return;
            }
            List<Optional<Message>> updated;
            try {
                updated = outbox.completeAll(List.copyOf(completions));
            } catch (NonRetriableMessagingException e) {
                if (e.code() != ErrorCode.CONFLICT) {
                    throw e;
                }
                updated = completeOneByOne();
            }
            for (int i = 0; i < updated.size(); i++) {
                updated.get(i).ifPresent(afterwards.get(i));
            }
            completions.clear();
            afterwards.clear();
        }

        /**
         * After the store refused the batch because a provider id in it is another message's: completes each on its
         * own, and fails the messages whose id clashes. Left claimed, they would be sent again after every lease.
         */
        private List<Optional<Message>> completeOneByOne() {
            List<Optional<Message>> updated = new ArrayList<>(completions.size());
            for (int i = 0; i < completions.size(); i++) {
                Completion completion = completions.get(i);
                try {
                    updated.add(outbox.complete(completion.entry(), completion.update()));
                } catch (NonRetriableMessagingException e) {
                    if (e.code() != ErrorCode.CONFLICT) {
                        throw e;
                    }
                    updated.add(outbox.complete(completion.entry(), providerIdConflict(completion)));
                    // The provider may well have sent it: no fallback copy.
                    afterwards.set(i, timeline::statusChanged);
                }
            }
            return updated;
        }
    }

    private DeliveryUpdate providerIdConflict(Completion completion) {
        OutboxEntry entry = completion.entry();
        String providerId = completion.update().providerMessageId();
        String holder = store.findMessage(entry.tenantId(), entry.messageId())
                .flatMap(m -> store.findMessageByProviderId(m.tenantId(), m.channel(), Objects.requireNonNull(providerId)))
                .map(Message::id).orElse("another message");
        log.error("Message {} was taken by the provider as {}, the id of message {}: marked failed", entry.messageId(), providerId, holder);
        return failure(PROVIDER_ID_CONFLICT, "the provider took this message as " + providerId + ", the id it gave message "
                + holder + "; this message may or may not have been sent");
    }
}
