package dev.threadline.messaging.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A key recorded once per tenant: a webhook delivery or an idempotent tool call. */
@Entity
@Table(name = "processed_keys")
@IdClass(TenantKey.class)
public class ProcessedKeyEntity {

    @Id
    @Column(name = "tenant_id")
    String tenantId;

    @Id
    @Column(name = "processed_key")
    String id;

    @Column(name = "processed_at")
    Instant processedAt;

    protected ProcessedKeyEntity() {
    }

    ProcessedKeyEntity(String tenantId, String key, Instant processedAt) {
        this.tenantId = tenantId;
        this.id = key;
        this.processedAt = processedAt;
    }
}
