package dev.threadline.messaging.spring.internal.web.webhooks;

import dev.threadline.messaging.CallbackResult;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.intake.IntakeRequest;
import dev.threadline.messaging.spring.internal.WebhookTenants;
import dev.threadline.messaging.twilio.TwilioStatusCallback;
import dev.threadline.messaging.twilio.TwilioStatusProcessor;
import dev.threadline.messaging.twilio.TwilioWebhookParser;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Twilio's webhooks do to the conversations: an inbound message is received by the manager, a status
 * callback moves its message's delivery status. Used by the routes and by the intake that processes what
 * they stored.
 */
public final class TwilioWebhooks {

    /** The intake source of stored inbound messages. */
    public static final String INBOUND = "twilio.sms";
    /** The intake source of stored status callbacks. */
    public static final String STATUS = "twilio.status";

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);

    private final MessageManager manager;
    private final TwilioStatusProcessor statuses;
    private final TwilioWebhookParser parser;
    private final WebhookTenants tenants;
    private final @Nullable String fromNumber;

    public TwilioWebhooks(MessageManager manager, TwilioStatusProcessor statuses, TwilioWebhookParser parser, WebhookTenants tenants,
                          @Nullable String fromNumber) {
        this.manager = manager;
        this.statuses = statuses;
        this.parser = parser;
        this.tenants = tenants;
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
    public void receive(IntakeRequest request) {
        manager.receive(parser.parseInbound(request.tenantId(), request.fields()));
    }

    /**
     * Applies a status callback.
     *
     * @return false when no message has its id or SID (yet)
     */
    boolean applyStatus(String tenantId, TwilioStatusCallback callback) {
        return statuses.process(tenantId, callback).known();
    }

    /** Applies a stored status callback whose SID was unknown when it came; throws to be tried again later. */
    public void applyStored(IntakeRequest request) {
        TwilioStatusCallback callback = parser.parseStatus(request.fields());
        CallbackResult result = statuses.process(request.tenantId(), callback);
        if (statuses.worthRetrying(result, request.receivedAt())) {
            throw new IllegalStateException("no message has MessageSid " + callback.messageSid() + " yet");
        }
        if (!result.known()) {
            log.debug("Twilio status {} for unknown MessageSid {} dropped", callback.status().wireName(), callback.messageSid());
        }
    }
}
