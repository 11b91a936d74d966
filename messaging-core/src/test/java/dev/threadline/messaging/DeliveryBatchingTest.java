package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Workers write the outcomes of a batch of sends together, except when sends are slow. */
class DeliveryBatchingTest {

    private final InMemoryConversationStore store = new InMemoryConversationStore(new TimeOrderedIdGenerator(), Clock.systemUTC());
    private final RecordingOutbox outbox = new RecordingOutbox(store);
    private final List<MessagingEvent> statusEvents = new CopyOnWriteArrayList<>();

    @Test
    void aBatchOfFastSendsIsRecordedInOneWrite() {
        SimulatorChannel sms = new SimulatorChannel(ChannelId.SMS);
        try (MessageManager manager = manager(sms)) {
            List<Message> replies = queueReplies(manager, 10);

            assertThat(manager.deliverDue()).isEqualTo(10);

            assertThat(outbox.writes).containsExactly(10);
            assertThat(replies).allSatisfy(r -> assertThat(manager.getMessage("t", r.id()).status()).isEqualTo(DeliveryStatus.SENT));
            assertThat(statusEvents).extracting(MessagingEvent::messageId).containsExactlyElementsOf(replies.stream().map(Message::id).toList());
        }
    }

    @Test
    void sendsSlowerThanTheRecordIntervalAreRecordedOneByOne() {
        Channel slow = DelayingChannel.sleeping(new SimulatorChannel(ChannelId.SMS), 80);
        try (MessageManager manager = manager(slow)) {
            queueReplies(manager, 3);

            manager.deliverDue();

            assertThat(outbox.writes).containsExactly(1, 1, 1);
            assertThat(statusEvents).hasSize(3);
        }
    }

    @Test
    void aFailedSendIsRecordedWithTheBatchAndReportedAsFailed() {
        SimulatorChannel sms = new SimulatorChannel(ChannelId.SMS);
        try (MessageManager manager = manager(sms)) {
            List<Message> replies = queueReplies(manager, 3);
            sms.failNext(NonRetriableMessagingException.deliveryFailed("21211", "unknown number"));

            manager.deliverDue();

            assertThat(outbox.writes).containsExactly(3);
            assertThat(manager.getMessage("t", replies.get(0).id()).status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(manager.getMessage("t", replies.get(1).id()).status()).isEqualTo(DeliveryStatus.SENT);
        }
    }

    private MessageManager manager(Channel channel) {
        MessageManager manager = MessageManager.builder().store(store).outbox(outbox).channel(channel).batchSize(50).build();
        manager.subscribe(e -> {
            if (MessagingEvent.MESSAGE_STATUS.equals(e.type())) {
                statusEvents.add(e);
            }
        });
        return manager;
    }

    private static List<Message> queueReplies(MessageManager manager, int count) {
        ReceiveResult inbound = manager.receive(InboundMessage.builder("t", ChannelId.SMS).customerName("Ana")
                .customerPhone("+15551234567").body("Hi").build());
        return IntStream.range(0, count)
                .mapToObj(i -> manager.reply("t", inbound.conversation().id(), "Reply " + i, "staff")).toList();
    }
}
