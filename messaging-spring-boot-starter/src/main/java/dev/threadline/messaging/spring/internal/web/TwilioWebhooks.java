package dev.threadline.messaging.spring.internal.web;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.intake.IntakeRequest;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spring.internal.WebhookTenants;
import dev.threadline.messaging.twilio.TwilioStatusCallback;
import dev.threadline.messaging.twilio.TwilioWebhookParser;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Twilio's webhooks do to the conversations: an inbound message is received by the manager, a status
 * callback moves its message's delivery status. Used by the routes and by the intake that processes what
 * they stored.
 */
final class TwilioWebhooks {

    static final String INBOUND = "twilio.sms";
    static final String STATUS = "twilio.status";

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);
    /**
     * How long a status callback for a SID no message has yet is tried again: a callback can overtake the
     * send it reports on, before the delivery worker stored the SID. Twilio also calls back for messages sent
     * outside this app, which never match.
     */
    private static final Duration UNKNOWN_SID_PATIENCE = Duration.ofMinutes(2);

    private final MessageManager manager;
    private final ConversationStore store;
    private final TwilioWebhookParser parser;
    private final WebhookTenants tenants;
    private final Clock clock;
    private final @Nullable String fromNumber;

    TwilioWebhooks(MessageManager manager, ConversationStore store, TwilioWebhookParser parser, WebhookTenants tenants,
                   Clock clock, @Nullable String fromNumber) {
        this.manager = manager;
        this.store = store;
        this.parser = parser;
        this.tenants = tenants;
        this.clock = clock;
        this.fromNumber = fromNumber;
    }

    /** The tenant of an inbound message: the one our number (To) belongs to. */
    String inboundTenant(Map<String, String> params) {
        return tenants.forPhone(params.get("To"));
    }

    /** The tenant of a status callback: our number (From) decides; without From, the number we send from. */
    String statusTenant(TwilioStatusCallback callback) {
        return tenants.forPhone(callback.from() != null ? callback.from() : fromNumber);
    }

    /** Receives a stored inbound message. */
    void receive(IntakeRequest request) {
        manager.receive(parser.parseInbound(request.tenantId(), request.fields()));
    }

    /**
     * Applies a status callback to the message with its SID.
     *
     * @return false when no message has that SID (yet)
     */
    boolean applyStatus(String tenantId, TwilioStatusCallback callback) {
        Optional<Message> message = target(tenantId, callback);
        if (message.isEmpty()) {
            return false;
        }
        DeliveryUpdate update = callback.toUpdate(clock.instant());
        if (!manager.updateDelivery(tenantId, message.get().id(), update).applied()) {
            log.debug("Twilio status {} for {} is not a forward move", update.status().wireName(), callback.messageSid());
        } else if (callback.recipientOptedOut()) {
            manager.optOutForMessage(tenantId, message.get().id(), "Twilio error 21610: the recipient unsubscribed");
        }
        return true;
    }

    /**
     * The message a callback reports on: by our id on the callback URL, which finds it even when its worker died
     * before storing the SID; else by the SID.
     */
    private Optional<Message> target(String tenantId, TwilioStatusCallback callback) {
        if (callback.messageId() != null) {
            Optional<Message> ours = store.findMessage(tenantId, callback.messageId());
            if (ours.isPresent()) {
                return ours;
            }
        }
        for (ChannelId channel : callback.possibleChannels()) {
            Optional<Message> message = store.findMessageByProviderId(tenantId, channel, callback.messageSid());
            if (message.isPresent()) {
                return message;
            }
        }
        return Optional.empty();
    }

    /** Applies a stored status callback whose SID was unknown when it came; throws to be tried again later. */
    void applyStored(IntakeRequest request) {
        TwilioStatusCallback callback = parser.parseStatus(request.fields());
        if (applyStatus(request.tenantId(), callback)) {
            return;
        }
        if (Duration.between(request.receivedAt(), clock.instant()).compareTo(UNKNOWN_SID_PATIENCE) < 0) {
            throw new IllegalStateException("no message has MessageSid " + callback.messageSid() + " yet");
        }
        log.debug("Twilio status {} for unknown MessageSid {} dropped", callback.status().wireName(), callback.messageSid());
    }
}
