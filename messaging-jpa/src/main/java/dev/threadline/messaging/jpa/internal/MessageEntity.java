package dev.threadline.messaging.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message row: inserted once; afterwards only the delivery columns change, by conditional updates. */
@Entity
@Table(name = "messages")
@IdClass(TenantKey.class)
public class MessageEntity {

    @Id
    @Column(name = "tenant_id")
    String tenantId;

    @Id
    String id;

    @Column(name = "conversation_id")
    String conversationId;

    String channel;

    String direction;

    String author;

    String body;

    @Nullable String subject;

    /** JSON array of strings. */
    @Column(name = "media_urls")
    String mediaUrls;

    @Column(name = "provider_message_id")
    @Nullable String providerMessageId;

    @Column(name = "thread_ref")
    @Nullable String threadRef;

    String status;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "status_at")
    Instant statusAt;

    @Column(name = "error_code")
    @Nullable String errorCode;

    @Column(name = "error_message")
    @Nullable String errorMessage;

    /** JSON object of strings. */
    String metadata;

    protected MessageEntity() {
    }
}
