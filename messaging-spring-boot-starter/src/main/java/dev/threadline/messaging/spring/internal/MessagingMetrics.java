package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.AiReply;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.MessagingEventBus;
import dev.threadline.messaging.spi.OutboxStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;

/**
 * Micrometer meters of Threadline, fed by the manager's events:
 * {@code threadline.messages.received|sent|failed} (tag {@code channel}), {@code threadline.delivery.latency}
 * (queued to sent, tag {@code channel}), {@code threadline.outbox.depth}, and around the AI responder
 * {@code threadline.ai.latency}, {@code threadline.ai.errors} (tag {@code code}) and
 * {@code threadline.ai.fallbacks} (tag {@code code}: replies a fallback responder wrote in place of a failed provider).
 */
public final class MessagingMetrics implements DisposableBean {

    private final MeterRegistry registry;
    private final MessageManager manager;
    private final MessagingEventBus.Subscription subscription;

    public MessagingMetrics(MeterRegistry registry, MessageManager manager, OutboxStore outbox) {
        this.registry = registry;
        this.manager = manager;
        Gauge.builder("threadline.outbox.depth", outbox, OutboxStore::pendingCount)
                .description("Outbound messages waiting in the outbox")
                .register(registry);
        this.subscription = manager.subscribe(this::record);
    }

    /** Times the responder's calls and counts its failures by error code. */
    public static ResponderDecorator aiTiming(MeterRegistry registry) {
        Timer latency = Timer.builder("threadline.ai.latency").description("Time to generate an AI reply").register(registry);
        return responder -> request -> {
            Timer.Sample sample = Timer.start(registry);
            try {
                AiReply reply = responder.respond(request);
                sample.stop(latency);
                if (reply.replacedFailure() != null) {
                    String code = reply.replacedFailure().code().wireName();
                    errors(registry, code).increment();
                    Counter.builder("threadline.ai.fallbacks").tag("code", code)
                            .description("AI replies a fallback responder wrote because the AI provider failed")
                            .register(registry).increment();
                }
                return reply;
            } catch (RuntimeException e) {
                sample.stop(latency);
                String code = e instanceof MessagingException m ? m.code().wireName() : "unexpected";
                errors(registry, code).increment();
                throw e;
            }
        };
    }

    private static Counter errors(MeterRegistry registry, String code) {
        return Counter.builder("threadline.ai.errors").tag("code", code).description("Failed AI provider calls").register(registry);
    }

    private void record(MessagingEvent event) {
        if (event.messageId() == null || event.status() == null) {
            return;
        }
        DeliveryStatus status = event.status();
        boolean counted = MessagingEvent.MESSAGE_CREATED.equals(event.type()) && status == DeliveryStatus.RECEIVED
                || MessagingEvent.MESSAGE_STATUS.equals(event.type())
                && (status == DeliveryStatus.SENT || status == DeliveryStatus.FAILED || status == DeliveryStatus.UNDELIVERED);
        if (!counted) {
            return;
        }
        Message message;
        try {
            message = manager.getMessage(event.tenantId(), event.messageId());
        } catch (NonRetriableMessagingException e) {
            return;
        }
        String channel = message.channel().value();
        switch (status) {
            case RECEIVED -> counter("threadline.messages.received", channel, "Inbound messages stored").increment();
            case SENT -> {
                counter("threadline.messages.sent", channel, "Outbound messages accepted by the provider").increment();
                Timer.builder("threadline.delivery.latency").tag("channel", channel)
                        .description("Time from queueing a message to the provider accepting it")
                        .register(registry)
                        .record(Duration.between(message.createdAt(), message.statusAt()));
            }
            default -> counter("threadline.messages.failed", channel, "Outbound messages that failed or were undelivered").increment();
        }
    }

    private Counter counter(String name, String channel, String description) {
        return Counter.builder(name).tag("channel", channel).description(description).register(registry);
    }

    @Override
    public void destroy() {
        subscription.close();
    }
}
