package dev.threadline.messaging;

import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendResult;

/** A channel whose provider takes a while to answer: {@code delay} runs before every send. */
record DelayingChannel(Channel delegate, Runnable delay) implements Channel {

    /** A provider that takes {@code millis} of real time per send. */
    static DelayingChannel sleeping(Channel delegate, long millis) {
        return new DelayingChannel(delegate, () -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public ChannelId id() {
        return delegate.id();
    }

    @Override
    public ChannelCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public SendResult send(OutboundDelivery delivery) {
        delay.run();
        return delegate.send(delivery);
    }
}
