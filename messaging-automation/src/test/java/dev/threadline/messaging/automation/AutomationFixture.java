package dev.threadline.messaging.automation;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import dev.threadline.messaging.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A real {@link MessageManager} on the in-memory store with simulated SMS and email channels, a clock that
 * moves only when told, and {@link MessagingAutomation} on top. Unless told otherwise, AI replies are
 * generated only on request.
 */
public final class AutomationFixture implements AutoCloseable {

    public static final String TENANT = "glow-spa";

    public final MutableClock clock;
    public final InMemoryConversationStore store;
    public final SimulatorChannel sms = new SimulatorChannel(ChannelId.SMS);
    public final SimulatorChannel email = new SimulatorChannel(ChannelId.EMAIL);
    public final MessageManager manager;
    public final MessagingAutomation automation;
    private final AiMode aiMode;

    public AutomationFixture() {
        this(Instant.parse("2026-11-21T12:00:00Z"), b -> b);
    }

    public AutomationFixture(Instant start, UnaryOperator<MessagingAutomation.Builder> customize) {
        this(start, AiMode.OFF, customize);
    }

    /** With {@code aiMode} for inbound messages ({@link AiMode#DRAFT} holds AI replies for staff). */
    public AutomationFixture(Instant start, AiMode aiMode, UnaryOperator<MessagingAutomation.Builder> customize) {
        this.aiMode = aiMode;
        this.clock = new MutableClock(start);
        this.store = new InMemoryConversationStore(new TimeOrderedIdGenerator(clock), clock);
        this.manager = newManager();
        this.automation = customize.apply(MessagingAutomation.builder(manager).clock(clock)).build();
    }

    /** Another manager on the same store, as after a restart of the process. */
    public MessageManager newManager() {
        return MessageManager.builder()
                .store(store)
                .clock(clock)
                .channel(sms)
                .channel(email)
                .aiMode(aiMode)
                .responder(new KnowledgeBaseResponder(new KnowledgeBase("Glow Med Spa", List.of("Mon–Fri 9–6"),
                        List.of(new KnowledgeBase.Service("Botox", "$12 per unit", "30 minutes", "Smooths fine lines.", List.of())),
                        List.of("Dr. Rivera"), List.of())))
                .build();
    }

    /** A customer SMS, as the Twilio webhook would store it. */
    public ReceiveResult customerSms(String name, String phone, String body) {
        return manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerName(name).customerPhone(phone).body(body).build());
    }

    public void advance(Duration by) {
        clock.advance(by);
    }

    /** Sends whatever the outbox holds that is due now. */
    public int deliverDue() {
        return manager.deliverDue();
    }

    @Override
    public void close() {
        automation.close();
        manager.close();
    }
}
