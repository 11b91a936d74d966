package dev.threadline.messaging.support;

/**
 * Counts the SMS segments a text needs: GSM-7 (160 per single message, 153 per concatenated part; the
 * extension-table characters count double) or UCS-2 when any other character appears (70, 67; characters
 * outside the Basic Multilingual Plane count as two code units).
 */
public final class SmsSegments {

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENDED = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    /** Whether the whole text fits the GSM-7 alphabet. */
    public static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> GSM7_BASIC.indexOf(c) >= 0 || GSM7_EXTENDED.indexOf(c) >= 0);
    }

    /** Segments needed to send {@code text}; 1 for an empty text. */
    public static int count(String text) {
        if (isGsm7(text)) {
            int septets = text.chars().map(c -> GSM7_EXTENDED.indexOf(c) >= 0 ? 2 : 1).sum();
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length();
        return units <= 70 ? 1 : (units + 66) / 67;
    }
}
