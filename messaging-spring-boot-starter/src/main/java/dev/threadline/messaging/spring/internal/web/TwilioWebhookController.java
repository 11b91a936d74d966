package dev.threadline.messaging.spring.internal.web;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spring.MessagingProperties;
import dev.threadline.messaging.spring.internal.WebhookTenants;
import dev.threadline.messaging.twilio.TwilioStatusCallback;
import dev.threadline.messaging.twilio.TwilioWebhooks;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
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
 */
@RestController
final class TwilioWebhookController {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final MessageManager manager;
    private final @Nullable TwilioWebhooks verifier;
    private final TwilioWebhooks parser;
    private final boolean verifySignatures;
    private final @Nullable String publicBaseUrl;
    private final WebhookTenants tenants;
    private final WebhookExecutor executor;
    private final Clock clock;
    private final @Nullable String fromNumber;

    TwilioWebhookController(MessageManager manager, ObjectProvider<TwilioWebhooks> webhooks, MessagingProperties properties,
                            WebhookTenants tenants, WebhookExecutor executor, Clock clock) {
        this.manager = manager;
        this.verifier = webhooks.getIfAvailable();
        // Without an auth token nothing can be verified; the parser needs no key.
        this.parser = verifier != null ? verifier : new TwilioWebhooks("no-auth-token-configured", properties.defaultRegion());
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
        boolean addressed = has(params, "From") && has(params, "To");
        TwilioStatusCallback callback = parser.parseStatus(addressed ? params : withOurNumber(params));
        // A status callback comes from our number: its From decides the tenant.
        String tenantId = tenants.forPhone(callback.from());
        var update = callback.toUpdate(clock.instant());
        var applied = manager.updateDeliveryByProviderId(tenantId, callback.channel(), callback.messageSid(), update);
        if (applied.isEmpty() && !addressed) {
            applied = manager.updateDeliveryByProviderId(tenantId, ChannelId.WHATSAPP, callback.messageSid(), update);
        }
        if (applied.isEmpty()) {
            log.info("Twilio status {} for {} changed nothing (unknown MessageSid or not a forward move)",
                    update.status().wireName(), callback.messageSid());
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    private void verify(HttpServletRequest request, Map<String, String> params) {
        if (!verifySignatures) {
            return;
        }
        if (verifier == null) {
            throw new NonRetriableMessagingException(ErrorCode.INVALID_SIGNATURE,
                    "messaging.twilio.auth-token is not configured, so no Twilio signature can be verified", TwilioWebhooks.SIGNATURE_HEADER);
        }
        verifier.verify(calledUrl(request), params, request.getHeader(TwilioWebhooks.SIGNATURE_HEADER));
    }

    private String calledUrl(HttpServletRequest request) {
        String base = publicBaseUrl != null ? publicBaseUrl + request.getRequestURI() : request.getRequestURL().toString();
        String query = request.getQueryString();
        return query == null || query.isEmpty() ? base : base + "?" + query;
    }

    /**
     * Twilio always sends {@code From} and {@code To}; a callback without them is read as one from our
     * configured number (on sms, then whatsapp), so its status still applies.
     */
    private Map<String, String> withOurNumber(Map<String, String> params) {
        Map<String, String> completed = new LinkedHashMap<>(params);
        String ours = fromNumber != null && !fromNumber.isBlank() ? fromNumber : "unknown";
        for (String name : new String[] {"From", "To"}) {
            if (!has(params, name)) {
                completed.put(name, ours);
            }
        }
        return completed;
    }

    private static boolean has(Map<String, String> params, String name) {
        String value = params.get(name);
        return value != null && !value.isBlank();
    }
}
