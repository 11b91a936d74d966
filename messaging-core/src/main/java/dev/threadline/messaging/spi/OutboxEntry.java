package dev.threadline.messaging.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A claimed outbox row.
 *
 * @param attempts delivery attempts made before this claim
 * @param attemptInDoubt whether an earlier claim of this entry ran out without an outcome: its worker stopped
 *        (a crash, a kill) while it may have been sending, so the provider may have the message already
 */
public record OutboxEntry(String tenantId, String messageId, Instant dueAt, int attempts, String workerId,
                          Instant leaseUntil, boolean attemptInDoubt) {
    public OutboxEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
}
