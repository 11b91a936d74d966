package dev.threadline.messaging.twilio;

import dev.threadline.messaging.InboundMessage;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and parses Twilio's webhooks in one object.
 *
 * @deprecated use {@link TwilioSignatureVerifier} and {@link TwilioWebhookParser}; parsing needs no auth token
 */
@Deprecated(forRemoval = true)
public final class TwilioWebhooks {

    /** The header carrying Twilio's request signature. */
    public static final String SIGNATURE_HEADER = TwilioSignatureVerifier.SIGNATURE_HEADER;

    private final TwilioSignatureVerifier verifier;
    private final TwilioWebhookParser parser;

    /** @see TwilioSignatureVerifier#TwilioSignatureVerifier(String) */
    public TwilioWebhooks(String authToken, String defaultRegion) {
        this.verifier = new TwilioSignatureVerifier(authToken);
        this.parser = new TwilioWebhookParser(defaultRegion);
    }

    /** @see TwilioSignatureVerifier#verify */
    public void verify(String url, Map<String, String> params, @Nullable String signature) {
        verifier.verify(url, params, signature);
    }

    /** @see TwilioWebhookParser#parseInbound */
    public InboundMessage parseInbound(String tenantId, Map<String, String> params) {
        return parser.parseInbound(tenantId, params);
    }

    /** @see TwilioWebhookParser#parseStatus */
    public TwilioStatusCallback parseStatus(Map<String, String> params) {
        return parser.parseStatus(params);
    }
}
