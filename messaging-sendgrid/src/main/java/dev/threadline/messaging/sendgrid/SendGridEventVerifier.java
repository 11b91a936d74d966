package dev.threadline.messaging.sendgrid;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
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
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Checks the signature of SendGrid's signed Event Webhook: the ECDSA (P-256, SHA-256) signature SendGrid puts over
 * the timestamp header followed by the raw body, made with the key whose public half Mail Settings shows. Read a
 * verified body with {@link SendGridEventParser}.
 *
 * <p>Verification uses the JDK's own EC support; SendGrid's helper class would need BouncyCastle. Verify the
 * bytes exactly as received, before any JSON parsing or re-encoding. Thread-safe.
 */
public final class SendGridEventVerifier {

    /** Header carrying the base64 DER signature. */
    public static final String SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
    /** Header carrying the Unix time in seconds that the signature covers. */
    public static final String TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

    private final PublicKey publicKey;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * A verifier checking signatures with {@code publicKeyBase64}.
     *
     * @param publicKeyBase64 the verification key shown in SendGrid's Mail Settings (base64 of the
     *        X.509 SubjectPublicKeyInfo)
     * @param tolerance how far the signed timestamp may lie from now, either way
     * @throws IllegalArgumentException when the key is not a base64 EC public key
     */
    public SendGridEventVerifier(String publicKeyBase64, Duration tolerance, Clock clock) {
        this.publicKey = decodeKey(Objects.requireNonNull(publicKeyBase64, "publicKeyBase64"));
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The verifier of {@code settings}' webhook public key and tolerance.
     *
     * @throws IllegalArgumentException when the settings have no webhook public key
     */
    public static SendGridEventVerifier of(SendGridSettings settings, Clock clock) {
        if (settings.webhookPublicKey() == null) {
            throw new IllegalArgumentException("webhookPublicKey is required to verify the Event Webhook");
        }
        return new SendGridEventVerifier(settings.webhookPublicKey(), settings.webhookTolerance(), clock);
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
}
