package dev.threadline.messaging.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * A restarted app keeps its messages and gets a new simulator: the provider ids the new one hands out must not
 * collide with the ones stored before the restart, or every send after it is stuck.
 */
class SimulatorRestartTest {

    private final InMemoryConversationStore database = new InMemoryConversationStore(new TimeOrderedIdGenerator(), Clock.systemUTC());

    @Test
    void sendsAfterARestartOnTheSameStoreAreSent() {
        Message beforeRestart = sendOnce();
        Message afterRestart = sendOnce();

        assertThat(beforeRestart.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(afterRestart.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(afterRestart.providerMessageId()).startsWith("SIMSMS").isNotEqualTo(beforeRestart.providerMessageId());
    }

    /** One app run: a new manager and simulator over the same store, one message sent. */
    private Message sendOnce() {
        try (SimulatorChannel sms = new SimulatorChannel(ChannelId.SMS);
             MessageManager manager = MessageManager.builder().store(database).channel(sms).build()) {
            Message queued = manager.send(OutboundMessage.builder("t", ChannelId.SMS)
                    .customerPhone("+14155550123").body("Your appointment is confirmed.").build());
            manager.deliverDue();
            return manager.getMessage("t", queued.id());
        }
    }
}
