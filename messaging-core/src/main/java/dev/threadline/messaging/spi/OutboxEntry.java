package dev.threadline.messaging.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A claimed outbox row.
 *
 * @param attempts delivery attempts made before this claim
 */
public record OutboxEntry(String tenantId, String messageId, Instant dueAt, int attempts, String workerId,
                          Instant leaseUntil) {
    public OutboxEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
}
