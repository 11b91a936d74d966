package dev.threadline.benchmarks;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendResult;
import java.util.concurrent.atomic.AtomicLong;

/** An SMS channel whose provider answers at once: what is left is the library's own cost. It counts sends. */
final class NoOpChannel implements Channel {

    private final AtomicLong sends = new AtomicLong();

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
        return SendResult.sent("noop-" + sends.incrementAndGet());
    }

    /** Counts a send made outside the library (by the raw baseline). */
    void sendRaw() {
        sends.incrementAndGet();
    }

    long sends() {
        return sends.get();
    }
}
