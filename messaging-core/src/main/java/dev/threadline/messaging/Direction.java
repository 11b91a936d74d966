package dev.threadline.messaging;

import java.util.Locale;

/** Whether a message came from the customer or went to the customer. */
public enum Direction {
    INBOUND, OUTBOUND;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
