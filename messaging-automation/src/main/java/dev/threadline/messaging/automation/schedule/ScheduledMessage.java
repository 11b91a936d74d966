package dev.threadline.messaging.automation.schedule;

import dev.threadline.messaging.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;

/** A message waiting in the outbox (or already queued when its time had come). */
public record ScheduledMessage(String tenantId, String messageId, String conversationId, Instant sendAt, DeliveryStatus status) {
    public ScheduledMessage {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(status, "status");
    }
}
