package dev.threadline.messaging;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A change of delivery status, from a delivery worker or a provider callback.
 *
 * @param providerMessageId set when the update also tells us the provider's id (first successful send)
 */
public record DeliveryUpdate(DeliveryStatus status, Instant at, @Nullable String providerMessageId,
                             @Nullable String errorCode, @Nullable String errorMessage) {
    public DeliveryUpdate {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    public static DeliveryUpdate of(DeliveryStatus status, Instant at) {
        return new DeliveryUpdate(status, at, null, null, null);
    }
}
