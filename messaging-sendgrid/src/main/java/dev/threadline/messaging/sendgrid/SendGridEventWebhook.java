package dev.threadline.messaging.sendgrid;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and parses SendGrid's Event Webhook in one object.
 *
 * @deprecated use {@link SendGridEventVerifier} and {@link SendGridEventParser}; parsing needs no public key
 */
@Deprecated(forRemoval = true)
public final class SendGridEventWebhook {

    /** Header carrying the base64 DER signature. */
    public static final String SIGNATURE_HEADER = SendGridEventVerifier.SIGNATURE_HEADER;
    /** Header carrying the Unix time in seconds that the signature covers. */
    public static final String TIMESTAMP_HEADER = SendGridEventVerifier.TIMESTAMP_HEADER;

    private final SendGridEventVerifier verifier;
    private final SendGridEventParser parser = new SendGridEventParser();

    /** @see SendGridEventVerifier#SendGridEventVerifier(String, Duration, Clock) */
    public SendGridEventWebhook(String publicKeyBase64, Duration tolerance, Clock clock) {
        this.verifier = new SendGridEventVerifier(publicKeyBase64, tolerance, clock);
    }

    /** @see SendGridEventVerifier#verify */
    public void verify(byte[] rawBody, @Nullable String signature, @Nullable String timestamp) {
        verifier.verify(rawBody, signature, timestamp);
    }

    /** @see SendGridEventParser#parse */
    public List<SendGridEvent> parse(byte[] rawBody) {
        return parser.parse(rawBody);
    }
}
