package dev.threadline.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message from a customer, as parsed from a provider webhook or simulated by the console. Build with
 * {@link #builder(String, ChannelId)}.
 *
 * @param customerPhone the sender's phone for sms/whatsapp/voice (any common format; normalized to E.164)
 * @param customerEmail the sender's email for email
 * @param ourAddress the number or address the customer wrote to
 * @param providerMessageId the provider's id (Twilio {@code MessageSid}); a repeat is stored once
 * @param threadRef this email's {@code Message-ID}
 * @param references {@code In-Reply-To} and {@code References} ids of an email, used for threading
 * @param conversationId join this conversation instead of threading
 * @param context what the message is about (a listing, an order): set on its conversation
 * @param markedSpam the sender is known to be a bot (e.g. a filled honeypot field): its conversation becomes
 *        {@link ConversationStatus#SPAM} before anything answers or notifies
 * @param inboxId the inbox a new conversation opens in; null routes it by {@code ourAddress} (see
 *        {@link dev.threadline.messaging.staff.Inbox})
 * @param generateAiReply null follows the tenant's {@link AiMode}; false never replies; true always generates
 * @param receivedAt null means now
 * @param headers transport headers of the message (an email's RFC 5322 header fields), names in lower case;
 *        read to recognize automatic replies, not stored
 */
public record InboundMessage(
        String tenantId,
        ChannelId channel,
        @Nullable String customerName,
        @Nullable String customerPhone,
        @Nullable String customerEmail,
        @Nullable String ourAddress,
        String body,
        @Nullable String subject,
        List<String> mediaUrls,
        @Nullable String providerMessageId,
        @Nullable String threadRef,
        List<String> references,
        @Nullable String conversationId,
        @Nullable String inboxId,
        @Nullable ConversationContext context,
        boolean markedSpam,
        Author author,
        @Nullable Boolean generateAiReply,
        @Nullable Instant receivedAt,
        Map<String, String> metadata,
        Map<String, String> headers) {

    public InboundMessage {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(channel, "channel");
        body = body == null ? "" : body;
        mediaUrls = List.copyOf(mediaUrls);
        references = List.copyOf(references);
        Objects.requireNonNull(author, "author");
        metadata = Map.copyOf(metadata);
        headers = Map.copyOf(headers);
    }

    /** This message, opening a new conversation in {@code value}. */
    public InboundMessage withInboxId(@Nullable String value) {
        return new InboundMessage(tenantId, channel, customerName, customerPhone, customerEmail, ourAddress, body, subject,
                mediaUrls, providerMessageId, threadRef, references, conversationId, value, context, markedSpam, author, generateAiReply,
                receivedAt, metadata, headers);
    }

    public static Builder builder(String tenantId, ChannelId channel) {
        return new Builder(tenantId, channel);
    }

    /** Builder for {@link InboundMessage}; only tenant, channel and body are needed in most cases. */
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
        private @Nullable String providerMessageId;
        private @Nullable String threadRef;
        private List<String> references = List.of();
        private @Nullable String conversationId;
        private @Nullable String inboxId;
        private @Nullable ConversationContext context;
        private boolean markedSpam;
        private Author author = Author.CUSTOMER;
        private @Nullable Boolean generateAiReply;
        private @Nullable Instant receivedAt;
        private Map<String, String> metadata = Map.of();
        private Map<String, String> headers = Map.of();

        private Builder(String tenantId, ChannelId channel) {
            this.tenantId = tenantId;
            this.channel = channel;
        }

        public Builder customerName(@Nullable String value) { this.customerName = value; return this; }
        public Builder customerPhone(@Nullable String value) { this.customerPhone = value; return this; }
        public Builder customerEmail(@Nullable String value) { this.customerEmail = value; return this; }
        public Builder ourAddress(@Nullable String value) { this.ourAddress = value; return this; }
        public Builder body(@Nullable String value) { this.body = value == null ? "" : value; return this; }
        public Builder subject(@Nullable String value) { this.subject = value; return this; }
        public Builder mediaUrls(List<String> value) { this.mediaUrls = value; return this; }
        public Builder providerMessageId(@Nullable String value) { this.providerMessageId = value; return this; }
        public Builder threadRef(@Nullable String value) { this.threadRef = value; return this; }
        public Builder references(List<String> value) { this.references = value; return this; }
        public Builder conversationId(@Nullable String value) { this.conversationId = value; return this; }
        public Builder inboxId(@Nullable String value) { this.inboxId = value; return this; }
        public Builder context(@Nullable ConversationContext value) { this.context = value; return this; }
        public Builder markedSpam(boolean value) { this.markedSpam = value; return this; }
        public Builder author(Author value) { this.author = value; return this; }
        public Builder generateAiReply(@Nullable Boolean value) { this.generateAiReply = value; return this; }
        public Builder receivedAt(@Nullable Instant value) { this.receivedAt = value; return this; }
        public Builder metadata(Map<String, String> value) { this.metadata = value; return this; }
        /** Transport headers; names are lower-cased here, the first value of a repeated name is kept by the caller. */
        public Builder headers(Map<String, String> value) {
            Map<String, String> lowerCased = new java.util.LinkedHashMap<>();
            value.forEach((name, v) -> lowerCased.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), v));
            this.headers = lowerCased;
            return this;
        }

        public InboundMessage build() {
            return new InboundMessage(tenantId, channel, customerName, customerPhone, customerEmail, ourAddress, body,
                    subject, mediaUrls, providerMessageId, threadRef, references, conversationId, inboxId, context, markedSpam, author,
                    generateAiReply, receivedAt, metadata, headers);
        }
    }
}
