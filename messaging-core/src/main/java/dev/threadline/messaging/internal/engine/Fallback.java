package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.FallbackChannels;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.spi.OutgoingMessage;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** After a permanent failure, sends a copy on the tenant's fallback channel when the contact can be reached there. */
final class Fallback {

    private static final Logger log = LoggerFactory.getLogger(Fallback.class);

    private final FallbackChannels fallbacks;
    private final Outbound outbound;
    private final Timeline timeline;

    Fallback(FallbackChannels fallbacks, Outbound outbound, Timeline timeline) {
        this.fallbacks = fallbacks;
        this.outbound = outbound;
        this.timeline = timeline;
    }

    /** Sends the copy of {@code failed}, whose conversation and contact the dispatcher loaded with it. */
    void afterFailure(Message failed, OutgoingMessage loaded) {
        ChannelId fallback = fallbacks.fallbackFor(failed.tenantId(), failed.channel());
        if (fallback == null || fallback.equals(failed.channel()) || !outbound.canSend(fallback)) {
            return;
        }
        try {
            Optional<Message> copy = outbound.sendCopy(loaded.contact(), fallback, loaded.conversation().subject(), failed.body(),
                    failed.author(), Map.of("fallback_for", failed.id()));
            if (copy.isEmpty()) {
                log.info("No fallback on {} for message {}: the contact has no address there", fallback, failed.id());
                return;
            }
            timeline.append(loaded.conversation(), ConversationEvent.FALLBACK_SENT, Map.of("message_id", failed.id(),
                    "channel", fallback.value(), "fallback_message_id", copy.get().id()));
        } catch (MessagingException e) {
            // Opted out there, or the copy does not fit that channel: the failure stands as recorded.
            log.info("No fallback on {} for message {}: {}", fallback, failed.id(), e.getMessage());
        }
    }
}
