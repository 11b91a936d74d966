package dev.threadline.messaging.spring.internal.web;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spring.MessagingProperties;
import dev.threadline.messaging.spring.internal.WebhookTenants;
import dev.threadline.messaging.twilio.TwilioSignatureVerifier;
import dev.threadline.messaging.twilio.TwilioStatusCallback;
import dev.threadline.messaging.twilio.TwilioWebhookParser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's inbound message and status callback webhooks. The signature is checked against
 * {@code messaging.twilio.public-base-url} plus the path and query Twilio called (or the request's own URL
 * when no public URL is configured). Inbound messages are acknowledged with an empty TwiML
 * {@code <Response/>} and processed right after.
 *
 * <p>A status callback can overtake the send it reports on: Twilio may call back before the delivery worker has
 * stored the message's SID. A callback for an unknown SID is therefore acknowledged at once and tried again a few
 * times over about three seconds on the webhook executor before it is dropped.
 */
@RestController
final class TwilioWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    /** The waits before each new look for an unknown SID: 2.75 s in all, well past a send's commit. */
    private static final List<Duration> UNKNOWN_SID_RETRIES =
            List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1));

    private final MessageManager manager;
    private final ConversationStore store;
    private final @Nullable TwilioSignatureVerifier verifier;
    private final TwilioWebhookParser parser;
    private final boolean verifySignatures;
    private final @Nullable String publicBaseUrl;
    private final WebhookTenants tenants;
    private final WebhookExecutor executor;
    private final Clock clock;
    private final @Nullable String fromNumber;

    TwilioWebhookController(MessageManager manager, ConversationStore store, ObjectProvider<TwilioSignatureVerifier> verifier,
                            TwilioWebhookParser parser, MessagingProperties properties, WebhookTenants tenants,
                            WebhookExecutor executor, Clock clock) {
        this.manager = manager;
        this.store = store;
        this.verifier = verifier.getIfAvailable();
        this.parser = parser;
        this.verifySignatures = properties.webhooks().verifySignatures();
        String base = properties.twilio().publicBaseUrl();
        this.publicBaseUrl = base == null || base.isBlank() ? null : base.strip().replaceAll("/+$", "");
        this.tenants = tenants;
        this.executor = executor;
        this.clock = clock;
        this.fromNumber = properties.twilio().fromNumber();
    }

    @PostMapping(value = "/webhooks/twilio/sms", produces = MediaType.ALL_VALUE)
    ResponseEntity<String> inbound(HttpServletRequest request) {
        Map<String, String> params = FormParameters.of(request);
        verify(request, params);
        String tenantId = tenants.forPhone(params.get("To"));
        InboundMessage inbound = parser.parseInbound(tenantId, params);
        executor.submit("Twilio message " + inbound.providerMessageId(), () -> manager.receive(inbound));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    @PostMapping(value = "/webhooks/twilio/status", produces = MediaType.ALL_VALUE)
    ResponseEntity<String> status(HttpServletRequest request) {
        Map<String, String> params = FormParameters.of(request);
        verify(request, params);
        TwilioStatusCallback callback = parser.parseStatus(params);
        // A status callback comes from our number, which decides the tenant; without From, the number we send from.
        String tenantId = tenants.forPhone(callback.from() != null ? callback.from() : fromNumber);
        DeliveryUpdate update = callback.toUpdate(clock.instant());
        if (!apply(tenantId, callback, update)) {
            retryUnknownSid(tenantId, callback, update, 0);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    /** Applies {@code update} to the message with the callback's SID; false when no message has that SID (yet). */
    private boolean apply(String tenantId, TwilioStatusCallback callback, DeliveryUpdate update) {
        for (ChannelId channel : callback.possibleChannels()) {
            Optional<Message> message = store.findMessageByProviderId(tenantId, channel, callback.messageSid());
            if (message.isPresent()) {
                if (manager.updateDelivery(tenantId, message.get().id(), update).isEmpty()) {
                    log.debug("Twilio status {} for {} is not a forward move", update.status().wireName(), callback.messageSid());
                } else if (callback.recipientOptedOut()) {
                    manager.optOutForMessage(tenantId, message.get().id(), "Twilio error 21610: the recipient unsubscribed");
                }
                return true;
            }
        }
        return false;
    }

    private void retryUnknownSid(String tenantId, TwilioStatusCallback callback, DeliveryUpdate update, int retry) {
        if (retry == UNKNOWN_SID_RETRIES.size()) {
            log.debug("Twilio status {} for unknown MessageSid {} dropped", update.status().wireName(), callback.messageSid());
            return;
        }
        executor.submitAfter(UNKNOWN_SID_RETRIES.get(retry), "Twilio status " + callback.messageSid(), () -> {
            if (!apply(tenantId, callback, update)) {
                retryUnknownSid(tenantId, callback, update, retry + 1);
            }
        });
    }

    private void verify(HttpServletRequest request, Map<String, String> params) {
        if (!verifySignatures) {
            return;
        }
        if (verifier == null) {
            throw new NonRetriableMessagingException(ErrorCode.INVALID_SIGNATURE,
                    "messaging.twilio.auth-token is not configured, so no Twilio signature can be verified",
                    TwilioSignatureVerifier.SIGNATURE_HEADER);
        }
        verifier.verify(calledUrl(request), params, request.getHeader(TwilioSignatureVerifier.SIGNATURE_HEADER));
    }

    private String calledUrl(HttpServletRequest request) {
        String base = publicBaseUrl != null ? publicBaseUrl + request.getRequestURI() : request.getRequestURL().toString();
        String query = request.getQueryString();
        return query == null || query.isEmpty() ? base : base + "?" + query;
    }
}
