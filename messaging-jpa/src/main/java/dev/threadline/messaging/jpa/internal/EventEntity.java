package dev.threadline.messaging.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "conversation_events")
@IdClass(TenantKey.class)
public class EventEntity {

    @Id
    @Column(name = "tenant_id")
    String tenantId;

    @Id
    String id;

    @Column(name = "conversation_id")
    String conversationId;

    String type;

    /** JSON object. */
    String data;

    @Column(name = "occurred_at")
    Instant occurredAt;

    protected EventEntity() {
    }
}
