package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.OutboxStore;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Threadline's health: {@code DOWN} when the store cannot be read; details name the outbox backlog, the
 * implementation serving each channel and the AI responder.
 */
public final class MessagingHealthIndicator extends AbstractHealthIndicator {

    /** A tenant id no one uses: reading its unread counts exercises the store without touching real data. */
    private static final String PROBE_TENANT = "threadline-health-probe";

    private final ConversationStore store;
    private final OutboxStore outbox;
    private final Map<String, String> channels;
    private final String responder;

    public MessagingHealthIndicator(ConversationStore store, OutboxStore outbox, Map<ChannelId, Channel> channels,
                                    @Nullable AiResponder responder) {
        super("Threadline health check failed");
        this.store = store;
        this.outbox = outbox;
        this.channels = new TreeMap<>();
        channels.forEach((id, channel) -> this.channels.put(id.value(), channel.getClass().getSimpleName()));
        this.responder = responder == null ? "none" : responder.getClass().getSimpleName();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        store.unreadByChannel(PROBE_TENANT);
        builder.up()
                .withDetail("store", store.getClass().getSimpleName())
                .withDetail("outbox_backlog", outbox.pendingCount())
                .withDetail("channels", channels)
                .withDetail("ai_responder", responder);
    }
}
