package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.OutboxStore;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counts the store calls of the path every customer message takes: an inbound SMS from a new customer, its AI reply
 * and the reply's delivery. Each call is a round trip (a transaction) on a database store, so the count is a cost
 * that must not creep up; lower the bound when the path gets cheaper.
 */
class StoreRoundTripsTest {

    /**
     * Measured on this path: duplicate check, thread, contact, open, append, the history (read once for the headline
     * and the AI), headline, consent, append of the reply, claim, load, complete, and the claim that finds nothing
     * more. It was 15 while the headline and the AI each read the history, 14 while earlier tool calls were read for a
     * host with no tools.
     */
    private static final int MOST_CALLS = 13;

    @Test
    void anInboundSmsWithItsAiReplyDeliveredTakesABoundedNumberOfStoreCalls() {
        InMemoryConversationStore memory = new InMemoryConversationStore(new TimeOrderedIdGenerator(), Clock.systemUTC());
        List<String> calls = new ArrayList<>();
        Object counting = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConversationStore.class, OutboxStore.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        KnowledgeBase spa = KnowledgeBase.builder("Glow Med Spa").hours("Mon-Fri 9am-6pm").build();
        try (MessageManager manager = MessageManager.builder().store((ConversationStore) counting).outbox((OutboxStore) counting)
                .channel(new SimulatorChannel(ChannelId.SMS)).responder(new KnowledgeBaseResponder(spa)).build()) {
            ReceiveResult received = manager.receive(InboundMessage.builder("t", ChannelId.SMS).customerName("Ana")
                    .customerPhone("+14155550123").providerMessageId("SM1").body("What are your hours?").build());
            manager.deliverDue();

            assertThat(received.aiReply()).isNotNull();
            assertThat(manager.getMessage("t", received.aiReply().id()).status()).isEqualTo(DeliveryStatus.SENT);
        }
        assertThat(calls).as("store calls: %s", calls).hasSizeLessThanOrEqualTo(MOST_CALLS + 1); // + the getMessage above
    }
}
