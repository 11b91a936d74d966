package dev.threadline.messaging.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An outbound message waiting to be sent; claimed by setting the worker and its lease. */
@Entity
@Table(name = "outbox")
@IdClass(TenantKey.class)
public class OutboxEntity {

    @Id
    @Column(name = "tenant_id")
    String tenantId;

    /** The message id. */
    @Id
    @Column(name = "message_id")
    String id;

    @Column(name = "due_at")
    Instant dueAt;

    int attempts;

    @Column(name = "worker_id")
    @Nullable String workerId;

    @Column(name = "lease_until")
    @Nullable Instant leaseUntil;

    @Column(name = "last_error")
    @Nullable String lastError;

    protected OutboxEntity() {
    }

    OutboxEntity(String tenantId, String messageId, Instant dueAt) {
        this.tenantId = tenantId;
        this.id = messageId;
        this.dueAt = dueAt;
    }
}
