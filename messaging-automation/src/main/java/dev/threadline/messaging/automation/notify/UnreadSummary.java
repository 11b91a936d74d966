package dev.threadline.messaging.automation.notify;

import dev.threadline.messaging.ChannelId;
import java.util.Map;

/** In-app badge counts: unread customer messages in total and per channel (channels without unread left out). */
public record UnreadSummary(long total, Map<ChannelId, Long> byChannel) {
    public UnreadSummary {
        byChannel = Map.copyOf(byChannel);
    }
}
