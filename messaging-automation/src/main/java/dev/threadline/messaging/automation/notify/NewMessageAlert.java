package dev.threadline.messaging.automation.notify;

import dev.threadline.messaging.ChannelId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer wrote.
 *
 * @param preview the start of the message, short enough for an SMS
 */
public record NewMessageAlert(String tenantId, String conversationId, String messageId, ChannelId channel,
                              @Nullable String customerName, String preview, boolean urgent, Instant receivedAt)
        implements StaffNotification {

    public NewMessageAlert {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(preview, "preview");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
