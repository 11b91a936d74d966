package dev.threadline.messaging.jpa;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** An SMS provider stand-in shared by every app instance of a test: counts each message it is asked to send. */
final class RecordingChannel implements Channel {

    private final Map<String, AtomicInteger> sendsByMessage = new ConcurrentHashMap<>();
    private final LongAdder sends = new LongAdder();

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
        sendsByMessage.computeIfAbsent(delivery.message().id(), id -> new AtomicInteger()).incrementAndGet();
        sends.increment();
        return SendResult.sent("SM" + delivery.message().id());
    }

    long totalSends() {
        return sends.sum();
    }

    Map<String, AtomicInteger> sendsByMessage() {
        return sendsByMessage;
    }
}
