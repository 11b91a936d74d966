package dev.threadline.messaging.automation.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The conversations left unanswered for at least {@code threshold}, longest waiting first.
 */
public record Digest(String tenantId, Instant generatedAt, Duration threshold, List<UnansweredConversation> conversations)
        implements StaffNotification {

    public Digest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(threshold, "threshold");
        conversations = List.copyOf(conversations);
    }
}
