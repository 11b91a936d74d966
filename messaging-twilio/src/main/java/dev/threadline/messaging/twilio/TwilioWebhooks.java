package dev.threadline.messaging.twilio;

import com.twilio.security.RequestValidator;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.support.PhoneNumbers;
import dev.threadline.messaging.twilio.internal.TwilioAddresses;
import dev.threadline.messaging.twilio.internal.TwilioStatuses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and parses the webhooks Twilio posts: inbound messages ({@code /webhooks/twilio/sms}) and
 * status callbacks ({@code /webhooks/twilio/status}). Framework-free: a host passes the public URL Twilio
 * called, the form parameters and the {@code X-Twilio-Signature} header.
 *
 * <pre>{@code
 * TwilioWebhooks webhooks = new TwilioWebhooks(authToken, "US");
 * webhooks.verify("https://example.com/webhooks/twilio/sms", form, request.getHeader("X-Twilio-Signature"));
 * manager.receive(webhooks.parseInbound("acme", form));
 * }</pre>
 */
public final class TwilioWebhooks {

    /** The header carrying Twilio's request signature. */
    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    /** Most media Twilio attaches to one message. */
    private static final int MAX_MEDIA = 10;

    private final RequestValidator validator;
    private final String defaultRegion;

    /**
     * @param authToken the account's auth token, the key Twilio signs webhooks with
     * @param defaultRegion ISO region for numbers without a country code (Twilio sends E.164, so rarely used)
     */
    public TwilioWebhooks(String authToken, String defaultRegion) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("authToken is required to verify Twilio webhooks");
        }
        this.validator = new RequestValidator(authToken);
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
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

    /**
     * Parses an inbound SMS, MMS or WhatsApp message. {@code MessageSid} becomes the provider message id (so a
     * retried webhook is stored once), {@code From} the customer's phone, {@code To} our address, and
     * {@code MediaUrlN}/{@code MediaContentTypeN} the media URLs and {@code media_content_type_N} metadata.
     * WhatsApp's {@code ProfileName} becomes the customer's name.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} naming the missing or malformed parameter
     */
    public InboundMessage parseInbound(String tenantId, Map<String, String> params) {
        String sid = required(params, "MessageSid");
        String from = required(params, "From");
        boolean whatsApp = TwilioAddresses.isWhatsApp(from);
        int mediaCount = mediaCount(params);
        List<String> mediaUrls = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < mediaCount; i++) {
            mediaUrls.add(required(params, "MediaUrl" + i));
            String type = params.get("MediaContentType" + i);
            if (type != null && !type.isBlank()) {
                metadata.put("media_content_type_" + i, type.strip());
            }
        }
        String to = params.get("To");
        return InboundMessage.builder(tenantId, whatsApp ? ChannelId.WHATSAPP : ChannelId.SMS)
                .providerMessageId(sid)
                .customerPhone(PhoneNumbers.toE164(TwilioAddresses.bare(from), defaultRegion, "From"))
                .customerName(whatsApp ? blankToNull(params.get("ProfileName")) : null)
                .ourAddress(to == null || to.isBlank() ? null : TwilioAddresses.bare(to))
                .body(params.getOrDefault("Body", ""))
                .mediaUrls(mediaUrls)
                .metadata(metadata)
                .build();
    }

    /**
     * Parses a status callback ({@code MessageSid}, {@code MessageStatus}, {@code ErrorCode},
     * {@code ErrorMessage}, {@code From}, {@code To}).
     *
     * @throws NonRetriableMessagingException {@code validation_failed} for a missing parameter or a status
     *         Twilio does not define, naming the parameter
     */
    public TwilioStatusCallback parseStatus(Map<String, String> params) {
        String sid = required(params, "MessageSid");
        String statusName = required(params, "MessageStatus");
        DeliveryStatus status = TwilioStatuses.toDeliveryStatus(statusName);
        if (status == null) {
            throw NonRetriableMessagingException.validation("MessageStatus",
                    "unknown MessageStatus '" + statusName + "'; expected one of " + TwilioStatuses.known());
        }
        String from = required(params, "From");
        String to = required(params, "To");
        boolean whatsApp = TwilioAddresses.isWhatsApp(from) || TwilioAddresses.isWhatsApp(to);
        return new TwilioStatusCallback(sid, whatsApp ? ChannelId.WHATSAPP : ChannelId.SMS, status,
                blankToNull(params.get("ErrorCode")), blankToNull(params.get("ErrorMessage")),
                TwilioAddresses.bare(from), TwilioAddresses.bare(to));
    }

    private static int mediaCount(Map<String, String> params) {
        String raw = params.get("NumMedia");
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            int count = Integer.parseInt(raw.strip());
            if (count >= 0 && count <= MAX_MEDIA) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw NonRetriableMessagingException.validation("NumMedia", "NumMedia must be a whole number from 0 to " + MAX_MEDIA + ": " + raw);
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw NonRetriableMessagingException.validation(name, name + " is required");
        }
        return value.strip();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
