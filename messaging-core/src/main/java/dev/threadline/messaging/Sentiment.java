package dev.threadline.messaging;

import java.util.Locale;

/** Overall customer sentiment of a scored conversation. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name leniently; anything unknown is {@link #NEUTRAL}. */
    public static Sentiment fromWire(String value) {
        for (Sentiment s : values()) {
            if (s.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return s;
            }
        }
        return NEUTRAL;
    }
}
