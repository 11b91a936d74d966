package dev.threadline.messaging;

import java.util.Locale;

/** Lifecycle of a conversation. Only {@link #ACTIVE} conversations receive new inbound messages by threading. */
public enum ConversationStatus {
    ACTIVE, COMPLETED, ARCHIVED;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, reporting an unknown one as a validation error on {@code field}. */
    public static ConversationStatus fromWire(String value, String field) {
        for (ConversationStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new NonRetriableMessagingException(ErrorCode.VALIDATION_FAILED,
                "status must be one of active, completed, archived", field);
    }
}
