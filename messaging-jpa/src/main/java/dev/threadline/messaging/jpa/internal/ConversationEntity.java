package dev.threadline.messaging.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "conversations")
@IdClass(TenantKey.class)
public class ConversationEntity {

    @Id
    @Column(name = "tenant_id")
    String tenantId;

    @Id
    String id;

    String channel;

    @Column(name = "contact_id")
    String contactId;

    @Column(name = "customer_name")
    @Nullable String customerName;

    @Column(name = "customer_phone")
    @Nullable String customerPhone;

    @Column(name = "customer_email")
    @Nullable String customerEmail;

    @Column(name = "our_address")
    @Nullable String ourAddress;

    @Column(name = "thread_key")
    String threadKey;

    String status;

    @Nullable String subject;

    @Nullable String headline;

    @Column(name = "initiated_at")
    Instant initiatedAt;

    @Column(name = "last_activity_at")
    Instant lastActivityAt;

    @Column(name = "message_count")
    long messageCount;

    @Column(name = "unread_count")
    long unreadCount;

    @Column(name = "last_message_preview")
    @Nullable String lastMessagePreview;

    @Column(name = "satisfaction_score")
    @Nullable Double satisfactionScore;

    @Column(name = "satisfaction_sentiment")
    @Nullable String satisfactionSentiment;

    @Column(name = "satisfaction_outcome")
    @Nullable String satisfactionOutcome;

    @Column(name = "satisfaction_reason")
    @Nullable String satisfactionReason;

    @Column(name = "inbox_id")
    String inboxId;

    @Column(name = "assignee_id")
    @Nullable String assigneeId;

    @Column(name = "awaiting_reply_since")
    @Nullable Instant awaitingReplySince;

    @Column(name = "context_type")
    @Nullable String contextType;

    @Column(name = "context_id")
    @Nullable String contextId;

    @Column(name = "context_title")
    @Nullable String contextTitle;

    @Column(name = "context_url")
    @Nullable String contextUrl;

    /** JSON object of strings. */
    String metadata;

    @Version
    long version;

    protected ConversationEntity() {
    }
}
