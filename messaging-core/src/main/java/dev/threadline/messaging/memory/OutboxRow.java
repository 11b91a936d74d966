package dev.threadline.messaging.memory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One outbox entry of the in-memory store: when it is due, and which worker holds it until when. */
final class OutboxRow {
    final String tenantId;
    final String messageId;
    Instant dueAt;
    int attempts;
    @Nullable String workerId;
    @Nullable Instant leaseUntil;

    OutboxRow(String tenantId, String messageId, Instant dueAt) {
        this.tenantId = tenantId;
        this.messageId = messageId;
        this.dueAt = dueAt;
    }
}
