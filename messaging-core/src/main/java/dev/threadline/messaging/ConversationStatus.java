package dev.threadline.messaging;

import dev.threadline.messaging.support.WireNames;
import java.util.Locale;

/**
 * Lifecycle of a conversation. Only {@link #ACTIVE} and {@link #SPAM} conversations receive new inbound messages by
 * threading (one per thread): a spam conversation keeps catching its customer's messages, quietly.
 */
public enum ConversationStatus {
    ACTIVE, COMPLETED, ARCHIVED,
    /**
     * Marked as spam by staff: hidden from lists unless asked for, and its later messages are stored but get no AI
     * reply and no staff notification until staff set another status.
     */
    SPAM;

    /** Whether new inbound messages of the conversation's thread join it. */
    public boolean receivesThread() {
        return this == ACTIVE || this == SPAM;
    }

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
