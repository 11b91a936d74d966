package dev.threadline.messaging.spring.internal.web.webhooks;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.sendgrid.SendGridEvent;
import dev.threadline.messaging.sendgrid.SendGridEventProcessor;
import dev.threadline.messaging.sendgrid.SendGridEventParser;
import dev.threadline.messaging.sendgrid.SendGridEventVerifier;
import dev.threadline.messaging.sendgrid.SendGridInboundFields;
import dev.threadline.messaging.sendgrid.SendGridInboundParser;
import dev.threadline.messaging.spring.MessagingProperties;
import dev.threadline.messaging.spring.internal.WebhookTenants;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SendGrid's signed Event Webhook (delivery statuses and opt-outs, applied before they are acknowledged) and
 * Inbound Parse in parsed or raw mode (customer mail, acknowledged only once stored in the webhook intake, which
 * processes it right after; {@code 503} when it cannot be stored). Inbound Parse carries no signature; when
 * {@code messaging.sendgrid.inbound-token} is set the post must carry it as the {@code token} query parameter.
 */
@RestController
public final class SendGridWebhookController {

    /** The intake source of stored Inbound Parse posts. */
    public static final String INBOUND = "sendgrid.inbound";

    private final @Nullable SendGridEventVerifier verifier;
    private final SendGridEventParser eventParser;
    private final SendGridEventProcessor processor;
    private final SendGridInboundParser inboundParser;
    private final boolean verifySignatures;
    private final byte @Nullable [] inboundToken;
    private final String defaultTenant;
    private final WebhookTenants tenants;
    private final DurableWebhooks durable;

    SendGridWebhookController(ObjectProvider<SendGridEventVerifier> verifier, SendGridEventParser eventParser,
                              SendGridEventProcessor processor, SendGridInboundParser inboundParser, MessagingProperties properties,
                              WebhookTenants tenants, DurableWebhooks durable) {
        this.verifier = verifier.getIfAvailable();
        this.eventParser = eventParser;
        this.processor = processor;
        this.inboundParser = inboundParser;
        this.verifySignatures = properties.webhooks().verifySignatures();
        String token = properties.sendgrid().inboundToken();
        this.inboundToken = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.defaultTenant = properties.defaultTenant();
        this.tenants = tenants;
        this.durable = durable;
    }

    @PostMapping("/webhooks/sendgrid/events")
    ResponseEntity<Void> events(@RequestBody(required = false) byte @Nullable [] body,
                                @RequestHeader(value = SendGridEventVerifier.SIGNATURE_HEADER, required = false) @Nullable String signature,
                                @RequestHeader(value = SendGridEventVerifier.TIMESTAMP_HEADER, required = false) @Nullable String timestamp) {
        byte[] raw = body == null ? new byte[0] : body;
        if (verifySignatures) {
            if (verifier == null) {
                throw new NonRetriableMessagingException(ErrorCode.INVALID_SIGNATURE,
                        "messaging.sendgrid.webhook-public-key is not configured, so no Event Webhook signature can be verified",
                        SendGridEventVerifier.SIGNATURE_HEADER);
            }
            verifier.verify(raw, signature, timestamp);
        }
        List<SendGridEvent> events = eventParser.parse(raw);
        processor.process(events, defaultTenant);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/webhooks/sendgrid/inbound")
    ResponseEntity<Void> inbound(HttpServletRequest request, @RequestParam(value = "token", required = false) @Nullable String token)
            throws IOException, ServletException {
        if (inboundToken != null && (token == null || !MessageDigest.isEqual(inboundToken, token.getBytes(StandardCharsets.UTF_8)))) {
            throw new NonRetriableMessagingException(ErrorCode.INVALID_SIGNATURE, "the token query parameter is missing or wrong", "token");
        }
        Map<String, String> fields = fields(request);
        String tenantId = tenants.forEmail(fields.get("to"));
        // Read now so a malformed post is answered 400; what is stored is what SendGrid sent, attachments stored
        // only when the stored post is processed.
        inboundParser.validate(fields);
        durable.store(tenantId, INBOUND, fields);
        return ResponseEntity.status(HttpStatus.OK).build();
    }

    /**
     * The fields of the multipart post in either Inbound Parse mode: text fields decoded with the charsets SendGrid
     * names for them, the raw mode's {@code email} field byte for byte, parsed mode's files base64 (see
     * {@link SendGridInboundFields#decode(Map, Map)}).
     */
    private static Map<String, String> fields(HttpServletRequest request) throws IOException, ServletException {
        if (request.getContentType() == null || !request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new NonRetriableMessagingException(ErrorCode.MALFORMED_REQUEST, "Inbound Parse posts are multipart/form-data", null);
        }
        Map<String, byte[]> raw = new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Part part : request.getParts()) {
            Map<String, byte[]> into = part.getSubmittedFileName() == null ? raw : files;
            if (!into.containsKey(part.getName())) {
                into.put(part.getName(), part.getInputStream().readAllBytes());
            }
        }
        return SendGridInboundFields.decode(raw, files);
    }
}
