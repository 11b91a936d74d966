package dev.threadline.messaging.spi;

import dev.threadline.messaging.ChannelId;
import java.time.Instant;

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

    /**
     * Asks the provider whether it already has this message, before it is sent again after an attempt whose
     * outcome was lost: a worker stopped while it may have been sending. Match on what the provider keeps of
     * a message (recipient, sender, text, and our message id where it keeps one); the delivery worker takes
     * the oldest match no other message has claimed as the outcome of the lost attempt, and sends again only
     * when there is none.
     *
     * <p>The default answers {@link SendLookup#UNAVAILABLE}: the message is then sent again once the
     * delivery's in-doubt grace is over, unless a status callback confirmed it meanwhile.
     *
     * @param since no attempt of this delivery started before this instant (by the worker's clock)
     * @throws dev.threadline.messaging.RetriableMessagingException when the provider could not be asked now;
     *         the delivery stays in doubt and is looked up again later
     * @throws dev.threadline.messaging.NonRetriableMessagingException when the provider refuses the lookup;
     *         the message is sent again as if no lookup were offered
     */
    default SendLookup lookUpEarlierSend(OutboundDelivery delivery, Instant since) {
        return SendLookup.UNAVAILABLE;
    }
}
