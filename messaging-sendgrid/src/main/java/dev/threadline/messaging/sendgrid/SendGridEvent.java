package dev.threadline.messaging.sendgrid;

import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One event of SendGrid's Event Webhook.
 *
 * @param eventId SendGrid's {@code sg_event_id}: the same for every repeated delivery of this event
 * @param type the event name as SendGrid sends it ({@code processed}, {@code delivered}, {@code bounce}, …)
 * @param messageId our message id, from the {@code threadline_message_id} custom arg
 * @param tenantId our tenant, from the {@code threadline_tenant_id} custom arg
 * @param sgMessageId SendGrid's message id without the {@code .filter…} suffix it appends, i.e. the
 *        {@code X-Message-Id} the send returned
 * @param email the recipient
 * @param timestamp when it happened
 * @param reason SendGrid's explanation of a bounce, drop or deferral
 * @param bounceType {@code bounce} (the address was rejected) or {@code blocked} (the message was), on bounces
 */
public record SendGridEvent(String eventId, String type, @Nullable String messageId, @Nullable String tenantId,
                            @Nullable String sgMessageId, String email, Instant timestamp, @Nullable String reason,
                            @Nullable String bounceType) {

    private static final Set<String> OPT_OUT_TYPES = Set.of("spamreport", "unsubscribe", "group_unsubscribe");
    /** Reasons of a {@code dropped} event that say SendGrid's suppression list already holds the address. */
    private static final Set<String> SUPPRESSED_REASONS = Set.of("Bounced Address", "Unsubscribed Address",
            "Spam Reporting Address");

    public SendGridEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * The delivery status this event reports: {@code processed} → sent, {@code delivered} → delivered,
     * {@code open} and {@code click} → read, {@code bounce} → undelivered, {@code dropped} → failed. Deferrals
     * (SendGrid is still trying), spam reports and unsubscribes say nothing about delivery and give none.
     */
    public Optional<DeliveryStatus> status() {
        return Optional.ofNullable(switch (type) {
            case "processed" -> DeliveryStatus.SENT;
            case "delivered" -> DeliveryStatus.DELIVERED;
            case "open", "click" -> DeliveryStatus.READ;
            case "bounce" -> DeliveryStatus.UNDELIVERED;
            case "dropped" -> DeliveryStatus.FAILED;
            default -> null;
        });
    }

    /**
     * Whether the recipient should get no more email: a spam report, an unsubscribe, a hard bounce, or a drop
     * because SendGrid suppresses the address for one of those. A {@code blocked} bounce rejected this message,
     * not the address, so it does not opt out.
     */
    public boolean optsOut() {
        return OPT_OUT_TYPES.contains(type)
                || "bounce".equals(type) && !"blocked".equals(bounceType)
                || "dropped".equals(type) && reason != null && SUPPRESSED_REASONS.contains(reason);
    }

    /**
     * The delivery update for {@link dev.threadline.messaging.MessageManager#updateDelivery}, carrying SendGrid's
     * message id (which fills it in when the answer to our send was lost); failures carry the event type as error
     * code and SendGrid's reason as message.
     *
     * @throws IllegalStateException when the event reports no status (see {@link #status()})
     */
    public DeliveryUpdate toUpdate() {
        DeliveryStatus status = status().orElseThrow(() -> new IllegalStateException(type + " reports no delivery status"));
        boolean failure = status == DeliveryStatus.UNDELIVERED || status == DeliveryStatus.FAILED;
        return new DeliveryUpdate(status, timestamp, sgMessageId, failure ? type : null, failure ? reason : null);
    }
}
