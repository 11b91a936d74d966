package dev.threadline.messaging;

import org.jspecify.annotations.Nullable;

/**
 * Which channel to try when a message fails for good on its own, per tenant: e.g. email when an SMS
 * cannot be delivered. The fallback copy goes to the same contact's address on that channel, as a new
 * message in that channel's conversation, tagged {@code fallback_for} with the failed message's id.
 */
@FunctionalInterface
public interface FallbackChannels {

    /** No fallback anywhere (the default). */
    FallbackChannels NONE = (tenantId, failed) -> null;

    /** The channel to try after a permanent failure on {@code failed}, or null for none. */
    @Nullable ChannelId fallbackFor(String tenantId, ChannelId failed);
}
