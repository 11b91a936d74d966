package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.Channel;
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

    private final MessageManager manager;
    private final String store;
    private final Map<String, String> channels;
    private final String responder;

    /** @param store the name of the store's implementation, for the details */
    public MessagingHealthIndicator(MessageManager manager, String store, Map<ChannelId, Channel> channels,
                                    @Nullable AiResponder responder) {
        super("Threadline health check failed");
        this.manager = manager;
        this.store = store;
        this.channels = new TreeMap<>();
        channels.forEach((id, channel) -> this.channels.put(id.value(), channel.getClass().getSimpleName()));
        this.responder = responder == null ? "none" : responder.getClass().getSimpleName();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        manager.unreadCounts(PROBE_TENANT);
        builder.up()
                .withDetail("store", store)
                .withDetail("outbox_backlog", manager.pendingDeliveries())
                .withDetail("channels", channels)
                .withDetail("ai_responder", responder);
    }
}
