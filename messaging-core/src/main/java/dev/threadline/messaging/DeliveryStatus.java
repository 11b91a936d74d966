package dev.threadline.messaging;

import dev.threadline.messaging.support.WireNames;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Delivery state of a message. Outbound statuses only move forward: a late {@code sent} callback
 * never overwrites {@code delivered}, and nothing leaves a final status except {@code delivered → read}.
 */
public enum DeliveryStatus {
    /** An inbound message, stored. */
    RECEIVED(0),
    /** An AI reply held for staff approval. */
    DRAFT(0),
    /** Waiting in the outbox for a later send time. */
    SCHEDULED(1),
    /** Waiting in the outbox to be sent now. */
    QUEUED(2),
    /** Handed to the provider, not yet confirmed. */
    SENDING(3),
    /** Accepted by the provider. */
    SENT(4),
    DELIVERED(5),
    READ(6),
    UNDELIVERED(5),
    FAILED(5),
    CANCELED(5);

    private static final Set<DeliveryStatus> FINAL = EnumSet.of(READ, UNDELIVERED, FAILED, CANCELED);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
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
    public static DeliveryStatus fromWire(String value, String field) {
        return WireNames.parse(values(), DeliveryStatus::wireName, value, field);
    }

    /** Whether no further transition is possible. */
    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /**
     * Whether a message in this status may move to {@code next}. Equal statuses are not a move, so a
     * repeated callback is a no-op. {@code canceled} is only reachable before the provider has the message.
     */
    public boolean canMoveTo(DeliveryStatus next) {
        if (this == RECEIVED || next == RECEIVED || isFinal() || next == DRAFT) {
            return false;
        }
        if (next == CANCELED) {
            return this == DRAFT || this == SCHEDULED || this == QUEUED;
        }
        if (this == DELIVERED) {
            return next == READ;
        }
        return next.rank > rank;
    }
}
