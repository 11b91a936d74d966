package dev.threadline.messaging;

import dev.threadline.messaging.support.WireNames;
import java.util.Locale;

/** Lifecycle of a conversation. Only {@link #ACTIVE} conversations receive new inbound messages by threading. */
public enum ConversationStatus {
    ACTIVE, COMPLETED, ARCHIVED;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status with this wire name (ignoring case).
     *
     * @throws NonRetriableMessagingException {@code validation_failed} naming {@code field} for any other value
     */
    public static ConversationStatus fromWire(String value, String field) {
        return WireNames.parse(values(), ConversationStatus::wireName, value, field);
    }
}
