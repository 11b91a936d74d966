package dev.threadline.messaging.twilio.internal;

import dev.threadline.messaging.DeliveryStatus;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Twilio's message statuses in Threadline's terms. Twilio's {@code queued}, {@code accepted} and
 * {@code scheduled} mean Twilio holds the message, which is our {@code sending}; our {@code queued} is
 * the outbox's, before Twilio has it.
 */
public final class TwilioStatuses {

    private static final Map<String, DeliveryStatus> BY_WIRE_NAME = Map.of(
            "queued", DeliveryStatus.SENDING,
            "accepted", DeliveryStatus.SENDING,
            "scheduled", DeliveryStatus.SENDING,
            "sending", DeliveryStatus.SENDING,
            "sent", DeliveryStatus.SENT,
            "delivered", DeliveryStatus.DELIVERED,
            "read", DeliveryStatus.READ,
            "undelivered", DeliveryStatus.UNDELIVERED,
            "failed", DeliveryStatus.FAILED,
            "canceled", DeliveryStatus.CANCELED);

    private TwilioStatuses() {
    }

    /** The delivery status for Twilio's {@code status}; {@code null} when Twilio's value is not one of its message statuses. */
    public static @Nullable DeliveryStatus toDeliveryStatus(@Nullable String status) {
        return status == null ? null : BY_WIRE_NAME.get(status.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Where a message stands once Twilio took it: {@code sent} when Twilio says it left (or got further),
     * otherwise {@code sending}.
     */
    public static DeliveryStatus afterCreation(@Nullable String status) {
        DeliveryStatus mapped = toDeliveryStatus(status);
        boolean left = mapped == DeliveryStatus.SENT || mapped == DeliveryStatus.DELIVERED || mapped == DeliveryStatus.READ;
        return left ? DeliveryStatus.SENT : DeliveryStatus.SENDING;
    }

    /** The statuses understood, for error messages. */
    public static String known() {
        return String.join(", ", BY_WIRE_NAME.keySet().stream().sorted().toList());
    }
}
