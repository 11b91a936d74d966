package dev.threadline.messaging.sendgrid;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies verified Event Webhook events to a {@link MessageManager}: delivery statuses (forward only, matched by
 * our message id from the custom args, else by SendGrid's message id) and email opt-outs for bounces, spam reports
 * and unsubscribes.
 *
 * <p>SendGrid delivers an event more than once; each {@code sg_event_id} is claimed through
 * {@link MessageManager#markProcessed} under the key {@code sendgrid:<sg_event_id>} before it is applied, so a
 * repeat (even one handled by another app instance on the same store) changes nothing.
 *
 * <pre>{@code
 * verifier.verify(body, signatureHeader, timestampHeader);
 * processor.process(parser.parse(body), "acme");
 * }</pre>
 */
public final class SendGridEventProcessor {

    private static final Logger log = LoggerFactory.getLogger(SendGridEventProcessor.class);
    /** Prefix of the idempotency keys this processor records. */
    public static final String KEY_PREFIX = "sendgrid:";

    private final MessageManager manager;

    public SendGridEventProcessor(MessageManager manager) {
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    /**
     * Applies each event not seen before.
     *
     * @param defaultTenantId the tenant of events whose mail carried no tenant custom arg (mail sent by other
     *        software through the same SendGrid account)
     * @return how many events were new
     */
    public int process(List<SendGridEvent> events, String defaultTenantId) {
        int applied = 0;
        for (SendGridEvent event : events) {
            String tenantId = event.tenantId() != null ? event.tenantId() : defaultTenantId;
            if (!manager.markProcessed(tenantId, KEY_PREFIX + event.eventId())) {
                log.debug("SendGrid event {} was already processed", event.eventId());
                continue;
            }
            applied++;
            apply(tenantId, event);
        }
        return applied;
    }

    private void apply(String tenantId, SendGridEvent event) {
        if (event.status().isPresent()) {
            DeliveryUpdate update = event.toUpdate();
            if (event.messageId() != null) {
                manager.updateDelivery(tenantId, event.messageId(), update);
            } else if (event.sgMessageId() != null) {
                manager.updateDeliveryByProviderId(tenantId, ChannelId.EMAIL, event.sgMessageId(), update);
            }
        }
        if (event.optsOut()) {
            try {
                optOut(tenantId, event);
            } catch (NonRetriableMessagingException e) {
                // An address we could never have sent to: nothing to opt out.
                log.debug("SendGrid event {} names an unusable address: {}", event.eventId(), e.getMessage());
            }
        }
    }

    /** Opts out through the message when we know it, so its conversation's timeline records why. */
    private void optOut(String tenantId, SendGridEvent event) {
        String reason = "sendgrid " + event.type();
        if (event.messageId() != null) {
            try {
                manager.optOutForMessage(tenantId, event.messageId(), reason);
                return;
            } catch (NonRetriableMessagingException e) {
                if (e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
            }
        }
        manager.optOut(tenantId, ChannelId.EMAIL, event.email(), reason);
    }
}
