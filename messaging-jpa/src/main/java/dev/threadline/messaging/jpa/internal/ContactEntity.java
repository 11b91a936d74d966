package dev.threadline.messaging.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "contacts")
@IdClass(TenantKey.class)
public class ContactEntity {

    @Id
    @Column(name = "tenant_id")
    String tenantId;

    @Id
    String id;

    @Nullable String name;

    @Nullable String phone;

    @Nullable String email;

    /** Channel ids, comma-separated. */
    @Column(name = "opted_out_channels")
    String optedOutChannels = "";

    @Column(name = "created_at")
    Instant createdAt;

    protected ContactEntity() {
    }
}
