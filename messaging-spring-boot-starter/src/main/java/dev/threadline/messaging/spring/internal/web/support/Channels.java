package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;

/** Channel ids from requests: only those the manager serves are accepted. */
public final class Channels {

    private Channels() {
    }

    /** @throws NonRetriableMessagingException {@code unknown_channel} on {@code field} for an id the manager does not serve */
    public static ChannelId known(MessageManager manager, String value, String field) {
        ChannelId channel;
        try {
            channel = new ChannelId(value);
        } catch (IllegalArgumentException e) {
            channel = null;
        }
        if (channel == null || !manager.isKnownChannel(channel)) {
            throw new NonRetriableMessagingException(ErrorCode.UNKNOWN_CHANNEL, "unknown channel: " + value, field);
        }
        return channel;
    }
}
