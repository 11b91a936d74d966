package dev.threadline.messaging.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendResult;
import dev.threadline.messaging.spring.MessagingAutoConfiguration;
import dev.threadline.messaging.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code messaging.delivery.*} reaches the manager's delivery workers. */
class DeliveryPropertiesTest {

    private final MutableClock clock = MutableClock.fixed();
    private final StopsAfterFirstSend sms = new StopsAfterFirstSend();

    @Test
    void aMessageWhoseWorkerStoppedWaitsForTheLeaseAndTheConfiguredInDoubtGrace() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class))
                .withPropertyValues("messaging.delivery.enabled=false", "messaging.jpa.enabled=false", "messaging.delivery.lease=2m",
                        "messaging.delivery.in-doubt-grace=5m")
                .withBean(Clock.class, () -> clock)
                .withBean("hostSms", Channel.class, () -> sms)
                .run(context -> {
                    MessageManager manager = context.getBean(MessageManager.class);
                    ReceiveResult received = manager.receive(InboundMessage.builder("acme", ChannelId.SMS).customerName("Ana")
                            .customerPhone("+14155550123").body("Hi").generateAiReply(false).build());
                    manager.reply("acme", received.conversation().id(), "See you at 3", "staff");
                    assertThatThrownBy(manager::deliverDue).isInstanceOf(WorkerStopped.class);

                    clock.advance(Duration.ofMinutes(7).minusSeconds(1));
                    manager.deliverDue();
                    assertThat(sms.sends).as("within lease and grace").hasValue(1);
                    clock.advance(Duration.ofSeconds(1));
                    manager.deliverDue();
                    assertThat(sms.sends).as("sent again once they are over").hasValue(2);
                });
    }

    /** Thrown out of a send as if the worker's process died there. */
    private static final class WorkerStopped extends Error {
        WorkerStopped() {
            super("the delivery worker stopped");
        }
    }

    /** An SMS provider that takes every message, but the worker stops right after the first send. */
    private static final class StopsAfterFirstSend implements Channel {
        final AtomicInteger sends = new AtomicInteger();

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
            if (sends.incrementAndGet() == 1) {
                throw new WorkerStopped();
            }
            return SendResult.sent("SM" + sends.get());
        }
    }
}
