package dev.threadline.messaging.spring.internal.web.webhooks;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spring.MessagingProperties;
import dev.threadline.messaging.twilio.TwilioSettings;
import dev.threadline.messaging.twilio.TwilioSignatureVerifier;
import dev.threadline.messaging.twilio.TwilioStatusCallback;
import dev.threadline.messaging.twilio.TwilioWebhookParser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's inbound message and status callback webhooks. The signature is checked against
 * {@code messaging.twilio.public-base-url} plus the path and query Twilio called (or the request's own URL
 * when no public URL is configured). An inbound message is acknowledged with an empty TwiML
 * {@code <Response/>} only once it is stored in the webhook intake, which processes it right after; when it
 * cannot be stored, the route answers {@code 503} and Twilio sends it again.
 *
 * <p>A status callback is applied before it is acknowledged, found by our message id on the callback URL (so even a
 * send whose worker died before storing the SID is settled) or else by its SID. It can overtake the send it reports
 * on: Twilio may call back before the delivery worker has stored the SID. A callback that finds no message is
 * stored in the intake and tried again for a while.
 */
@RestController
public final class TwilioWebhookController {

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final TwilioWebhooks twilio;
    private final DurableWebhooks durable;
    private final @Nullable TwilioSignatureVerifier verifier;
    private final TwilioWebhookParser parser;
    private final boolean verifySignatures;
    private final @Nullable String publicBaseUrl;

    TwilioWebhookController(TwilioWebhooks twilio, DurableWebhooks durable, ObjectProvider<TwilioSignatureVerifier> verifier,
                            TwilioWebhookParser parser, MessagingProperties properties) {
        this.twilio = twilio;
        this.durable = durable;
        this.verifier = verifier.getIfAvailable();
        this.parser = parser;
        this.verifySignatures = properties.webhooks().verifySignatures();
        String base = properties.twilio().publicBaseUrl();
        this.publicBaseUrl = base == null || base.isBlank() ? null : base.strip().replaceAll("/+$", "");
    }

    @PostMapping(value = "/webhooks/twilio/sms", produces = MediaType.ALL_VALUE)
    ResponseEntity<String> inbound(HttpServletRequest request) {
        Map<String, String> params = FormParameters.of(request);
        verify(request, params);
        String tenantId = twilio.inboundTenant(params);
        // Parsed now so a malformed post is answered 400; what is stored is what Twilio sent.
        parser.parseInbound(tenantId, params);
        durable.store(tenantId, TwilioWebhooks.INBOUND, params);
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    @PostMapping(value = "/webhooks/twilio/status", produces = MediaType.ALL_VALUE)
    ResponseEntity<String> status(HttpServletRequest request) {
        Map<String, String> params = FormParameters.of(request);
        verify(request, params);
        TwilioStatusCallback callback = parser.parseStatus(params, request.getQueryString());
        String tenantId = twilio.statusTenant(callback);
        if (!twilio.applyStatus(tenantId, callback)) {
            Map<String, String> stored = new LinkedHashMap<>(params);
            if (callback.messageId() != null) {
                // Twilio posts our id only in the URL: keep it with the fields for the stored callback.
                stored.put(TwilioSettings.MESSAGE_ID_PARAMETER, callback.messageId());
            }
            durable.store(tenantId, TwilioWebhooks.STATUS, stored);
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
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
