package dev.threadline.messaging.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.sendgrid.internal.MailPayloads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SendGrid's signed Event Webhook: {@link #verify} checks the ECDSA (P-256, SHA-256) signature SendGrid puts over
 * the timestamp header followed by the raw body, and {@link #parse} reads the JSON array of events.
 *
 * <p>Verification uses the JDK's own EC support; SendGrid's helper class would need BouncyCastle. Verify the
 * bytes exactly as received, before any JSON parsing or re-encoding.
 */
public final class SendGridEventWebhook {

    /** Header carrying the base64 DER signature. */
    public static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
    /** Header carrying the Unix time in seconds that the signature covers. */
    public static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILTER_SUFFIX = ".filter";

    private final PublicKey publicKey;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * A webhook verifying with {@code publicKeyBase64}.
     *
     * @param publicKeyBase64 the verification key shown in SendGrid's Mail Settings (base64 of the
     *        X.509 SubjectPublicKeyInfo)
     * @param tolerance how far the signed timestamp may lie from now, either way
     * @throws IllegalArgumentException when the key is not a base64 EC public key
     */
    public SendGridEventWebhook(String publicKeyBase64, Duration tolerance, Clock clock) {
        this.publicKey = decodeKey(Objects.requireNonNull(publicKeyBase64, "publicKeyBase64"));
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The webhook of {@code settings}.
     *
     * @throws IllegalArgumentException when the settings have no webhook public key
     */
    public static SendGridEventWebhook of(SendGridSettings settings, Clock clock) {
        if (settings.webhookPublicKey() == null) {
            throw new IllegalArgumentException("webhookPublicKey is required to verify the Event Webhook");
        }
        return new SendGridEventWebhook(settings.webhookPublicKey(), settings.webhookTolerance(), clock);
    }

    /**
     * Checks that SendGrid signed this body recently.
     *
     * @param signature the {@value #SIGNATURE_HEADER} header
     * @param timestamp the {@value #TIMESTAMP_HEADER} header
     * @throws NonRetriableMessagingException {@code invalid_signature} when a header is missing, the timestamp lies
     *         outside the tolerance, or the signature does not match body and timestamp under the configured key
     */
    public void verify(byte[] rawBody, @Nullable String signature, @Nullable String timestamp) {
        if (signature == null || signature.isBlank()) {
            throw invalid("missing " + SIGNATURE_HEADER + " header", SIGNATURE_HEADER);
        }
        if (timestamp == null || timestamp.isBlank()) {
            throw invalid("missing " + TIMESTAMP_HEADER + " header", TIMESTAMP_HEADER);
        }
        requireFresh(timestamp.strip());
        if (!signatureMatches(rawBody, signature.strip(), timestamp.strip())) {
            throw invalid("the Event Webhook signature does not match", SIGNATURE_HEADER);
        }
    }

    private void requireFresh(String timestamp) {
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException | DateTimeException e) {
            throw invalid(TIMESTAMP_HEADER + " is not a Unix time", TIMESTAMP_HEADER);
        }
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw invalid("the Event Webhook timestamp is outside the accepted " + tolerance, TIMESTAMP_HEADER);
        }
    }

    private boolean signatureMatches(byte[] rawBody, String signature, String timestamp) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(rawBody);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // Not base64, or not a DER-encoded ECDSA signature: as good as a wrong one.
            return false;
        }
    }

    /**
     * Reads the events of a (verified) body.
     *
     * @throws NonRetriableMessagingException {@code malformed_request} when the body is not a JSON array of
     *         events or an event lacks {@code sg_event_id}, {@code event}, {@code email} or {@code timestamp}
     */
    public List<SendGridEvent> parse(byte[] rawBody) {
        JsonNode root;
        try {
            root = JSON.readTree(rawBody);
        } catch (IOException e) {
            throw malformed("the Event Webhook body is not JSON", null);
        }
        if (root == null || !root.isArray()) {
            throw malformed("the Event Webhook body must be a JSON array of events", null);
        }
        List<SendGridEvent> events = new ArrayList<>(root.size());
        for (JsonNode node : root) {
            events.add(event(node));
        }
        return events;
    }

    private static SendGridEvent event(JsonNode node) {
        if (!node.isObject()) {
            throw malformed("every Event Webhook entry must be an object", null);
        }
        JsonNode timestamp = node.path("timestamp");
        if (!timestamp.canConvertToLong()) {
            throw malformed("an event has no numeric timestamp", "timestamp");
        }
        String reason = text(node, "reason");
        return new SendGridEvent(required(node, "sg_event_id"), required(node, "event"),
                text(node, MailPayloads.MESSAGE_ID_ARG), text(node, MailPayloads.TENANT_ID_ARG),
                sgMessageId(text(node, "sg_message_id")), required(node, "email"),
                Instant.ofEpochSecond(timestamp.asLong()), reason != null ? reason : text(node, "response"),
                text(node, "type"));
    }

    /** SendGrid's message id as the send returned it: events append {@code .filter…} to the {@code X-Message-Id}. */
    private static @Nullable String sgMessageId(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        int filter = raw.indexOf(FILTER_SUFFIX);
        return filter > 0 ? raw.substring(0, filter) : raw;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw malformed("an event has no " + field, field);
        }
        return value;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static PublicKey decodeKey(String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64.strip());
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the Event Webhook public key is not a base64 EC public key", e);
        }
    }

    private static NonRetriableMessagingException invalid(String message, String field) {
        return new NonRetriableMessagingException(ErrorCode.INVALID_SIGNATURE, message, field);
    }

    private static NonRetriableMessagingException malformed(String message, @Nullable String field) {
        return new NonRetriableMessagingException(ErrorCode.MALFORMED_REQUEST, message, field);
    }
}
