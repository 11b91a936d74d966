package dev.threadline.messaging.twilio;

import com.twilio.security.RequestValidator;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code X-Twilio-Signature} of the webhooks Twilio posts, with the account's auth token.
 * Framework-free: a host passes the public URL Twilio called, the form parameters and the header. Parse a
 * verified request with {@link TwilioWebhookParser}.
 *
 * <pre>{@code
 * TwilioSignatureVerifier verifier = new TwilioSignatureVerifier(authToken);
 * verifier.verify("https://example.com/webhooks/twilio/sms", form, request.getHeader(TwilioSignatureVerifier.SIGNATURE_HEADER));
 * }</pre>
 */
public final class TwilioSignatureVerifier {

    /** The header carrying Twilio's request signature. */
    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final RequestValidator validator;

    /**
     * @param authToken the account's auth token, the key Twilio signs webhooks with
     * @throws IllegalArgumentException when the token is blank
     */
    public TwilioSignatureVerifier(String authToken) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("authToken is required to verify Twilio webhooks");
        }
        this.validator = new RequestValidator(authToken);
    }

    /**
     * Checks Twilio's signature: HMAC-SHA1 with the auth token over the URL Twilio called followed by every
     * form parameter's name and value, sorted by name, base64-encoded.
     *
     * @param url the full public URL Twilio called, with its query string
     * @throws NonRetriableMessagingException {@code invalid_signature} when the signature is missing or does not match
     */
    public void verify(String url, Map<String, String> params, @Nullable String signature) {
        if (signature == null || signature.isBlank()) {
            throw new NonRetriableMessagingException(ErrorCode.INVALID_SIGNATURE, SIGNATURE_HEADER + " header is missing", SIGNATURE_HEADER);
        }
        if (!validator.validate(url, params, signature.strip())) {
            throw new NonRetriableMessagingException(ErrorCode.INVALID_SIGNATURE,
                    SIGNATURE_HEADER + " does not match the URL and parameters", SIGNATURE_HEADER);
        }
    }
}
