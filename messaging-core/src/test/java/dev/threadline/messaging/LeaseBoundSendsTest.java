package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.OutboxEntry;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A worker never starts a send after its claim's lease ran out: past it, another worker may take the entry and, not
 * finding it at the provider, send it, so starting it too would send it twice.
 */
class LeaseBoundSendsTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final SimulatorChannel provider = new SimulatorChannel(ChannelId.SMS);

    @Test
    void sendsWhoseClaimRanOutWhileTheBatchWasSlowAreGivenBackAndSentOnceLater() {
        // Each send takes 10 s: the batch's lease covers the first three.
        Channel slow = new DelayingChannel(provider, () -> clock.advance(Duration.ofSeconds(10)));
        InMemoryConversationStore store = new InMemoryConversationStore(new TimeOrderedIdGenerator(clock), clock);
        RecordingOutbox outbox = new RecordingOutbox(store);
        try (MessageManager manager = MessageManager.builder().store(store).outbox(outbox).clock(clock).channel(slow)
                .deliveryLease(LEASE).batchSize(5).build()) {
            ReceiveResult inbound = manager.receive(InboundMessage.builder("t", ChannelId.SMS).customerName("Ana")
                    .customerPhone("+15551234567").body("Hi").generateAiReply(false).build());
            List<Message> replies = IntStream.range(0, 5)
                    .mapToObj(i -> manager.reply("t", inbound.conversation().id(), "Reply " + i, "staff")).toList();

            manager.deliverDue();

            assertThat(outbox.claims).as("one claim of all five, then a new claim of the two its lease did not cover")
                    .extracting(claim -> claim.stream().map(OutboxEntry::messageId).toList())
                    .containsExactly(ids(replies), ids(replies.subList(3, 5)));
            assertThat(provider.sent()).extracting(d -> d.message().id()).as("each sent once").containsExactlyElementsOf(ids(replies));
        }
    }

    private static List<String> ids(List<Message> messages) {
        return messages.stream().map(Message::id).toList();
    }

    /** A clock that moves only when told. */
    private static final class SteppingClock extends Clock {
        private volatile Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
