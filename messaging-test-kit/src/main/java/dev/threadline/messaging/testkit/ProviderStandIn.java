package dev.threadline.messaging.testkit;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendLookup;
import dev.threadline.messaging.spi.SendResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * An SMS provider for delivery scenarios: takes every message under a new id and keeps what it took, can make the
 * delivery worker stop just before or just after a send (as a crash or {@code kill -9} would), and, when told to,
 * answers lookups from what it took, matching on recipient and text as a provider's message list would.
 */
final class ProviderStandIn implements Channel {

    /** What a provider took: our message id (which a real provider would not know), its id, recipient and text. */
    record Taken(String messageId, String providerId, @Nullable String to, String body, Instant at) {
    }

    /** Thrown out of a send to stop the worker there, as if its process died: nothing catches it on the way out. */
    static final class WorkerStopped extends Error {
        WorkerStopped() {
            super("the delivery worker stopped");
        }
    }

    private enum Stop { NONE, BEFORE_SEND, AFTER_SEND }

    private final Clock clock;
    private final List<Taken> taken = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile Stop stop = Stop.NONE;
    private volatile boolean answersLookups;
    private volatile @Nullable RetriableMessagingException nextLookupFailure;
    private volatile @Nullable String sameIdForEverySend;

    ProviderStandIn(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ChannelId id() {
        return ChannelId.SMS;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return ChannelCapabilities.SMS;
    }

    @Override
    public SendResult send(OutboundDelivery delivery) {
        Stop now = stop;
        stop = Stop.NONE;
        if (now == Stop.BEFORE_SEND) {
            throw new WorkerStopped();
        }
        String fixed = sameIdForEverySend;
        String providerId = fixed != null ? fixed : "SM-" + sequence.incrementAndGet();
        taken.add(new Taken(delivery.message().id(), providerId, delivery.conversation().customerPhone(), delivery.message().body(),
                clock.instant()));
        if (now == Stop.AFTER_SEND) {
            throw new WorkerStopped();
        }
        return SendResult.sent(providerId);
    }

    @Override
    public SendLookup lookUpEarlierSend(OutboundDelivery delivery, Instant since) {
        RetriableMessagingException failure = nextLookupFailure;
        nextLookupFailure = null;
        if (failure != null) {
            throw failure;
        }
        if (!answersLookups) {
            return SendLookup.UNAVAILABLE;
        }
        return SendLookup.answered(taken.stream()
                .filter(t -> Objects.equals(t.to(), delivery.conversation().customerPhone()) && t.body().equals(delivery.message().body())
                        && !t.at().isBefore(since))
                .map(t -> new DeliveryUpdate(DeliveryStatus.SENT, clock.instant(), t.providerId(), null, null))
                .toList());
    }

    /** The next send reaches the provider, then the worker stops before it can record the answer. */
    void stopWorkerAfterNextSend() {
        stop = Stop.AFTER_SEND;
    }

    /** The worker stops after claiming the next message, before the provider sees it. */
    void stopWorkerBeforeNextSend() {
        stop = Stop.BEFORE_SEND;
    }

    /** Lookups answer from what the provider took, instead of {@link SendLookup#UNAVAILABLE}. */
    void answerLookups() {
        answersLookups = true;
    }

    /** The next lookup finds the provider unavailable. */
    void failNextLookup() {
        nextLookupFailure = new RetriableMessagingException("provider unavailable", null, null);
    }

    /** Every send is answered with this provider id, as a faulty provider might. */
    void answerEverySendWith(String providerId) {
        sameIdForEverySend = providerId;
    }

    /** Everything the provider took, in order. */
    List<Taken> taken() {
        return List.copyOf(taken);
    }

    /** What the provider took of one message. */
    List<Taken> takenOf(String messageId) {
        return taken.stream().filter(t -> t.messageId().equals(messageId)).toList();
    }
}
