package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.simulator.SimulatorChannel;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundDeliveryTest {

    @Test
    void workersSendQueuedRepliesWithoutBeingAsked() throws InterruptedException {
        SimulatorChannel sms = new SimulatorChannel(ChannelId.SMS);
        BlockingQueue<MessagingEvent> sent = new ArrayBlockingQueue<>(10);
        try (MessageManager manager = MessageManager.builder().channel(sms).pollInterval(Duration.ofSeconds(30)).build()) {
            manager.subscribe(e -> {
                if (e.status() == DeliveryStatus.SENT) {
                    sent.add(e);
                }
            });
            manager.startDelivery(2);
            ReceiveResult inbound = manager.receive(InboundMessage.builder("t", ChannelId.SMS).customerName("Ana")
                    .customerPhone("+15551234567").body("Hi").build());

            Message reply = manager.reply("t", inbound.conversation().id(), "Hello Ana", "staff");

            // The long poll interval proves the enqueue woke a worker rather than a poll finding it.
            MessagingEvent event = sent.poll(10, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            assertThat(event.messageId()).isEqualTo(reply.id());
            assertThat(sms.sent()).hasSize(1);
        }
    }

    @Test
    void simulatorReportsDeliveryLikeAProviderCallback() throws InterruptedException {
        SimulatorChannel sms = new SimulatorChannel(ChannelId.SMS);
        BlockingQueue<MessagingEvent> delivered = new ArrayBlockingQueue<>(10);
        try (MessageManager manager = MessageManager.builder().channel(sms).build(); sms) {
            sms.reportDeliveries(manager, Duration.ofMillis(10), java.time.Clock.systemUTC());
            manager.subscribe(e -> {
                if (e.status() == DeliveryStatus.DELIVERED) {
                    delivered.add(e);
                }
            });
            ReceiveResult inbound = manager.receive(InboundMessage.builder("t", ChannelId.SMS).customerName("Ana")
                    .customerPhone("+15551234567").body("Hi").build());
            Message reply = manager.reply("t", inbound.conversation().id(), "Hello Ana", "staff");
            manager.deliverDue();

            assertThat(delivered.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(manager.getMessage("t", reply.id()).status()).isEqualTo(DeliveryStatus.DELIVERED);
        }
    }
}
