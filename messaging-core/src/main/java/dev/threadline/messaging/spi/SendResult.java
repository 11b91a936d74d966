package dev.threadline.messaging.spi;

import dev.threadline.messaging.DeliveryStatus;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the provider said when it took a message.
 *
 * @param providerMessageId the provider's id, used to match later status callbacks
 * @param status usually {@link DeliveryStatus#SENDING} or {@link DeliveryStatus#SENT}
 */
public record SendResult(@Nullable String providerMessageId, DeliveryStatus status) {
    public SendResult {
        Objects.requireNonNull(status, "status");
    }

    public static SendResult sent(@Nullable String providerMessageId) {
        return new SendResult(providerMessageId, DeliveryStatus.SENT);
    }
}
