package dev.threadline.messaging.twilio.internal;

/** Twilio addresses WhatsApp users as {@code whatsapp:+15551234567}; SMS numbers carry no prefix. */
public final class TwilioAddresses {

    public static final String WHATSAPP_PREFIX = "whatsapp:";

    private TwilioAddresses() {
    }

    public static boolean isWhatsApp(String address) {
        return address.regionMatches(true, 0, WHATSAPP_PREFIX, 0, WHATSAPP_PREFIX.length());
    }

    /** The address without a {@code whatsapp:} prefix. */
    public static String bare(String address) {
        String trimmed = address.strip();
        return isWhatsApp(trimmed) ? trimmed.substring(WHATSAPP_PREFIX.length()) : trimmed;
    }

    /** The address with exactly one {@code whatsapp:} prefix. */
    public static String whatsApp(String address) {
        return WHATSAPP_PREFIX + bare(address);
    }
}
