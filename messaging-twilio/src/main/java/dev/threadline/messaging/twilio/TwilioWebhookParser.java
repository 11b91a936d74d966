package dev.threadline.messaging.twilio;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.twilio.internal.TwilioAddresses;
import dev.threadline.messaging.twilio.internal.TwilioStatuses;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses the webhooks Twilio posts: inbound messages ({@code /webhooks/twilio/sms}) and status callbacks
 * ({@code /webhooks/twilio/status}). Needs no key: check the signature first with
 * {@link TwilioSignatureVerifier} (unless the host has deliberately switched checks off).
 *
 * <pre>{@code
 * TwilioWebhookParser parser = new TwilioWebhookParser();
 * manager.receive(parser.parseInbound("acme", form));
 * }</pre>
 */
public final class TwilioWebhookParser {

    /** Most media Twilio attaches to one message. */
    private static final int MAX_MEDIA = 10;

    /**
     * A parser. Phone numbers are passed on as Twilio sent them (without a {@code whatsapp:} prefix):
     * {@link dev.threadline.messaging.MessageManager#receive} normalizes the customer's number, once.
     */
    public TwilioWebhookParser() {
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
                .customerPhone(TwilioAddresses.bare(from))
                .customerName(whatsApp ? blankToNull(params.get("ProfileName")) : null)
                .ourAddress(to == null || to.isBlank() ? null : TwilioAddresses.bare(to))
                .body(params.getOrDefault("Body", ""))
                .mediaUrls(mediaUrls)
                .metadata(metadata)
                .build();
    }

    /**
     * Parses a status callback from its form fields and the query string of the URL Twilio called, which carries
     * our message id ({@value TwilioSettings#MESSAGE_ID_PARAMETER}) for messages this library sent.
     *
     * @param queryString the raw query, as {@code HttpServletRequest.getQueryString()} gives it; {@code null} when none
     * @throws NonRetriableMessagingException as {@link #parseStatus(Map)}
     */
    public TwilioStatusCallback parseStatus(Map<String, String> form, @Nullable String queryString) {
        String messageId = queryParameter(queryString, TwilioSettings.MESSAGE_ID_PARAMETER);
        if (messageId == null) {
            return parseStatus(form);
        }
        Map<String, String> params = new LinkedHashMap<>(form);
        params.put(TwilioSettings.MESSAGE_ID_PARAMETER, messageId);
        return parseStatus(params);
    }

    /**
     * Parses a status callback: {@code MessageSid}, {@code MessageStatus}, and when present {@code ErrorCode},
     * {@code ErrorMessage}, {@code From}, {@code To} and our message id ({@value TwilioSettings#MESSAGE_ID_PARAMETER},
     * which Twilio does not post: it comes from the callback URL's query, so pass the query's value in among the
     * fields, e.g. when a stored callback is processed later). Twilio sends the addresses, but they are not needed to
     * find the message; when neither is present the callback's channel is unknown ({@code null}).
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
        String from = blankToNull(params.get("From"));
        String to = blankToNull(params.get("To"));
        return new TwilioStatusCallback(sid, channel(from, to), status,
                blankToNull(params.get("ErrorCode")), blankToNull(params.get("ErrorMessage")),
                from == null ? null : TwilioAddresses.bare(from), to == null ? null : TwilioAddresses.bare(to),
                blankToNull(params.get(TwilioSettings.MESSAGE_ID_PARAMETER)));
    }

    /** The first value of {@code name} in a raw query string, decoded; {@code null} when absent or blank. */
    private static @Nullable String queryParameter(@Nullable String queryString, String name) {
        if (queryString == null) {
            return null;
        }
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return blankToNull(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw NonRetriableMessagingException.validation(name, name + " is not URL-encoded: " + pair.substring(eq + 1));
                }
            }
        }
        return null;
    }

    /** Twilio prefixes WhatsApp addresses, so either address names the channel; without both it is unknown. */
    private static @Nullable ChannelId channel(@Nullable String from, @Nullable String to) {
        if (from == null && to == null) {
            return null;
        }
        boolean whatsApp = (from != null && TwilioAddresses.isWhatsApp(from)) || (to != null && TwilioAddresses.isWhatsApp(to));
        return whatsApp ? ChannelId.WHATSAPP : ChannelId.SMS;
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
