package dev.threadline.messaging.spi;

import dev.threadline.messaging.ChannelId;

/**
 * A way to reach customers: SMS, email, WhatsApp, or a host's own. The manager validates, stores and
 * tracks every message around {@link #send}; a channel only talks to its provider.
 *
 * <p>Implementations throw {@link dev.threadline.messaging.RetriableMessagingException} for failures
 * that may pass (timeouts, 429, 5xx) and {@link dev.threadline.messaging.NonRetriableMessagingException}
 * with {@link dev.threadline.messaging.ErrorCode#DELIVERY_FAILED} and the provider's code for
 * permanent rejections, or {@link dev.threadline.messaging.ErrorCode#RECIPIENT_OPTED_OUT} when the
 * provider says the recipient unsubscribed.
 */
public interface Channel {

    /** The id messages on this channel carry. */
    ChannelId id();

    /** What this channel can carry. */
    ChannelCapabilities capabilities();

    /** Hands one message to the provider. Called at most once per delivery attempt, from a delivery worker. */
    SendResult send(OutboundDelivery delivery);
}
