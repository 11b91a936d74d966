package dev.threadline.messaging;

import dev.threadline.messaging.support.WireNames;
import java.util.Locale;

/** Overall customer sentiment of a scored conversation. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The sentiment with this wire name (ignoring case).
     *
     * @throws NonRetriableMessagingException {@code validation_failed} naming {@code field} for any other value
     */
    public static Sentiment fromWire(String value, String field) {
        return WireNames.parse(values(), Sentiment::wireName, value, field);
    }
}
