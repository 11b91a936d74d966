package dev.threadline.messaging.automation.notify;

import java.util.Locale;

/** Which new-message notifications a staff member wants. The digest reaches everyone but {@link #NONE}. */
public enum NotificationLevel {
    ALL,
    URGENT_ONLY,
    NONE;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a new message of that urgency should reach a member at this level. */
    public boolean wants(boolean urgent) {
        return this == ALL || this == URGENT_ONLY && urgent;
    }
}
