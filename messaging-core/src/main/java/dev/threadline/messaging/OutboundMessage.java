package dev.threadline.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message we start: a reminder, a campaign message, a staff message to a new customer. Replies to an
 * existing conversation use {@link MessageManager#reply}. Build with {@link #builder(String, ChannelId)}.
 *
 * @param sendAt null sends now; a later time schedules it in the outbox
 * @param messageId our id for the message, chosen by the caller to make sending it idempotent: a send with an id the
 *                  tenant already has queues nothing and returns that message (e.g. a campaign sending again after a
 *                  crash); null lets the manager choose one
 */
public record OutboundMessage(
        String tenantId,
        ChannelId channel,
        @Nullable String customerName,
        @Nullable String customerPhone,
        @Nullable String customerEmail,
        @Nullable String ourAddress,
        String body,
        @Nullable String subject,
        List<String> mediaUrls,
        Author author,
        @Nullable Instant sendAt,
        Map<String, String> metadata,
        @Nullable String messageId) {

    public OutboundMessage {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(channel, "channel");
        body = body == null ? "" : body;
        mediaUrls = List.copyOf(mediaUrls);
        Objects.requireNonNull(author, "author");
        metadata = Map.copyOf(metadata);
    }

    public static Builder builder(String tenantId, ChannelId channel) {
        return new Builder(tenantId, channel);
    }

    /** Builder for {@link OutboundMessage}. */
    public static final class Builder {
        private final String tenantId;
        private final ChannelId channel;
        private @Nullable String customerName;
        private @Nullable String customerPhone;
        private @Nullable String customerEmail;
        private @Nullable String ourAddress;
        private String body = "";
        private @Nullable String subject;
        private List<String> mediaUrls = List.of();
        private Author author = Author.STAFF;
        private @Nullable Instant sendAt;
        private Map<String, String> metadata = Map.of();
        private @Nullable String messageId;

        private Builder(String tenantId, ChannelId channel) {
            this.tenantId = tenantId;
            this.channel = channel;
        }

        public Builder customerName(@Nullable String value) { this.customerName = value; return this; }
        public Builder customerPhone(@Nullable String value) { this.customerPhone = value; return this; }
        public Builder customerEmail(@Nullable String value) { this.customerEmail = value; return this; }
        public Builder ourAddress(@Nullable String value) { this.ourAddress = value; return this; }
        public Builder body(String value) { this.body = value; return this; }
        public Builder subject(@Nullable String value) { this.subject = value; return this; }
        public Builder mediaUrls(List<String> value) { this.mediaUrls = value; return this; }
        public Builder author(Author value) { this.author = value; return this; }
        public Builder sendAt(@Nullable Instant value) { this.sendAt = value; return this; }
        public Builder metadata(Map<String, String> value) { this.metadata = value; return this; }
        public Builder messageId(@Nullable String value) { this.messageId = value; return this; }

        public OutboundMessage build() {
            return new OutboundMessage(tenantId, channel, customerName, customerPhone, customerEmail, ourAddress, body,
                    subject, mediaUrls, author, sendAt, metadata, messageId);
        }
    }
}
