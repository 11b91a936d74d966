package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import dev.threadline.messaging.testkit.MutableClock;
import dev.threadline.messaging.testkit.fakes.FakeSendGridApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SendGrid took the mail but its answer never reached us: the outbox schedules a retry, and the {@code processed}
 * event that follows must settle the message so the retry does not mail the customer twice.
 */
class LostAnswerTest {

    private static final String TENANT = "acme";

    private final MutableClock clock = MutableClock.fixed();
    @AutoClose
    private final FakeSendGridApi sendGrid = new FakeSendGridApi();
    private final InMemoryConversationStore store = new InMemoryConversationStore(new TimeOrderedIdGenerator(clock), clock);
    @AutoClose
    private final SendGridChannel channel = new SendGridChannel(
            SendGridSettings.builder("SG.test-key", "hello@acme.test").apiBaseUrl(sendGrid.baseUrl()).build(), clock);
    @AutoClose
    private final MessageManager manager = MessageManager.builder().clock(clock).store(store).channel(channel).build();
    private final SendGridEventProcessor processor = new SendGridEventProcessor(manager);
    private Message queued;

    @BeforeEach
    void sendWhileTheAnswerGetsLost() {
        sendGrid.answer(503, Map.of(), "");
        queued = manager.send(OutboundMessage.builder(TENANT, ChannelId.EMAIL).customerName("Ana Lima")
                .customerEmail("ana@example.com").subject("Your booking").body("See you Thursday.").build());
        manager.deliverDue();
        processor.process(List.of(new SendGridEvent("e-1", "processed", queued.id(), TENANT, "sg-accepted-1",
                "ana@example.com", clock.instant(), null, null)), TENANT);
    }

    @Test
    void processedEventSettlesTheMailWithSendGridsId() {
        Message settled = manager.getMessage(TENANT, queued.id());

        assertThat(List.of(settled.status(), settled.providerMessageId())).containsExactly(DeliveryStatus.SENT, "sg-accepted-1");
    }

    @Test
    void dueRetryDoesNotSendTheMailAgain() {
        clock.advance(Duration.ofMinutes(10));

        manager.deliverDue();

        assertThat(sendGrid.requests()).hasSize(1);
    }
}
