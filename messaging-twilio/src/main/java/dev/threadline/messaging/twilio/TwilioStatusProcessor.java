package dev.threadline.messaging.twilio;

import dev.threadline.messaging.CallbackResult;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.MessageManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies Twilio status callbacks to a {@link MessageManager}, the same with or without Spring: the message is found by
 * our id on the callback URL (which also confirms a send whose worker stopped before storing the SID), else by the SID
 * on each channel it may be on; statuses only move forward; Twilio's error 21610 (the recipient replied STOP) opts
 * the recipient out.
 *
 * <pre>{@code
 * verifier.verify(url, params, signatureHeader);
 * CallbackResult result = processor.process("acme", parser.parseStatus(params));
 * if (processor.worthRetrying(result, receivedAt)) { ... keep the callback and process it again later ... }
 * }</pre>
 */
public final class TwilioStatusProcessor {

    /**
     * How long a callback for a SID no message has yet is worth trying again: a callback can overtake the send it
     * reports on, before the delivery worker stored the SID. Twilio also calls back for messages sent by other
     * software on the account, which never match.
     */
    public static final Duration UNKNOWN_SID_PATIENCE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(TwilioStatusProcessor.class);

    private final MessageManager manager;
    private final Clock clock;

    public TwilioStatusProcessor(MessageManager manager, Clock clock) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Applies one callback for {@code tenantId}.
     *
     * @return applied, not a forward move, or unknown when no message has its id or SID (yet)
     */
    public CallbackResult process(String tenantId, TwilioStatusCallback callback) {
        DeliveryUpdate update = callback.toUpdate(clock.instant());
        CallbackResult result = callback.messageId() != null
                ? manager.updateDelivery(tenantId, callback.messageId(), update)
                : CallbackResult.unknown();
        for (ChannelId channel : callback.possibleChannels()) {
            if (result.known()) {
                break;
            }
            result = manager.updateDeliveryByProviderId(tenantId, channel, callback.messageSid(), update);
        }
        if (result.outcome() == CallbackResult.Outcome.NOT_FORWARD) {
            log.debug("Twilio status {} for {} is not a forward move", update.status().wireName(), callback.messageSid());
        }
        if (result.applied() && callback.recipientOptedOut()) {
            manager.optOutForMessage(tenantId, Objects.requireNonNull(result.message()).id(),
                    "Twilio error 21610: the recipient unsubscribed");
        }
        return result;
    }

    /** Whether a callback that found no message, received at {@code receivedAt}, should be processed again later. */
    public boolean worthRetrying(CallbackResult result, Instant receivedAt) {
        return !result.known() && Duration.between(receivedAt, clock.instant()).compareTo(UNKNOWN_SID_PATIENCE) < 0;
    }
}
