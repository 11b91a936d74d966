package dev.threadline.messaging;

import java.util.Locale;

/** Who wrote a message. */
public enum Author {
    CUSTOMER, STAFF, AI, SYSTEM;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
