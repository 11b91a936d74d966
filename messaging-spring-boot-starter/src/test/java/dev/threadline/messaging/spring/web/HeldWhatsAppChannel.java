package dev.threadline.messaging.spring.web;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendResult;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@code whatsapp} channel whose sends the test holds: each send waits until the test releases its message,
 * then answers like Twilio, {@code sending} under the SID {@link #sidOf} the message id. This recreates a
 * provider that has taken the message (and may already call back) while our delivery worker has not yet
 * stored the SID.
 */
final class HeldWhatsAppChannel implements Channel {

    private static final Duration LONGEST_HOLD = Duration.ofSeconds(10);

    private final ConcurrentMap<String, CountDownLatch> started = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CountDownLatch> released = new ConcurrentHashMap<>();

    /** The SID this channel answers for the message with id {@code messageId}. */
    static String sidOf(String messageId) {
        return "SM" + messageId.replace("-", "");
    }

    @Override
    public ChannelId id() {
        return ChannelId.WHATSAPP;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return ChannelCapabilities.SMS;
    }

    @Override
    public SendResult send(OutboundDelivery delivery) {
        String messageId = delivery.message().id();
        latch(started, messageId).countDown();
        try {
            if (!latch(released, messageId).await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RetriableMessagingException("the test never released message " + messageId, null, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableMessagingException("interrupted while held", null, e);
        }
        return new SendResult(sidOf(messageId), DeliveryStatus.SENDING);
    }

    /** Waits until the delivery worker is sending {@code messageId}; false when it did not start in time. */
    boolean awaitSending(String messageId) throws InterruptedException {
        return latch(started, messageId).await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the send of {@code messageId} answer. */
    void release(String messageId) {
        latch(released, messageId).countDown();
    }

    private static CountDownLatch latch(ConcurrentMap<String, CountDownLatch> latches, String messageId) {
        return latches.computeIfAbsent(messageId, id -> new CountDownLatch(1));
    }
}
