package dev.threadline.messaging.staff;

import dev.threadline.messaging.support.WireNames;
import java.util.Locale;

/** What a staff user may do. Each role includes every role declared before it. */
public enum Role {
    /** Reads the conversations of their inboxes. */
    VIEWER,
    /** Also replies, approves or discards drafts, marks read, scores, changes status and takes conversations. */
    AGENT,
    /** Also works every inbox, assigns anyone, and runs templates, reminders, campaigns and analytics. */
    ADMIN,
    /** Also manages staff users, inboxes and API keys. An API key acts as the owner of its tenant. */
    OWNER;

    /** True when this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role named {@code value} (any case).
     *
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code validation_failed} naming {@code field}
     */
    public static Role fromWire(String value, String field) {
        return WireNames.parse(values(), Role::wireName, value, field);
    }
}
