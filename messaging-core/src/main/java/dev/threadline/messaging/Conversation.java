package dev.threadline.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thread with one contact on one channel, with denormalized counters so lists need no joins.
 *
 * @param threadKey identifies the thread for inbound threading; at most one active conversation per key
 * @param ourAddress our number or address the customer wrote to, when known
 * @param lastMessagePreview the start of the newest message's text
 * @param inboxId the inbox the conversation is worked in ({@link dev.threadline.messaging.staff.Inbox#DEFAULT_ID} unless routed)
 * @param assigneeId the staff user who owns it, or null when nobody does
 * @param awaitingReplySince when the oldest customer message nobody has answered yet arrived; null when the last
 *        word is ours (kept by the store as messages are appended, see {@link ConversationCounters})
 * @param context what the conversation is about (a listing, an order), or null
 * @param version optimistic-lock version, bumped by every change
 */
public record Conversation(
        String id,
        String tenantId,
        ChannelId channel,
        String contactId,
        @Nullable String customerName,
        @Nullable String customerPhone,
        @Nullable String customerEmail,
        @Nullable String ourAddress,
        String threadKey,
        ConversationStatus status,
        @Nullable String subject,
        @Nullable String headline,
        Instant initiatedAt,
        Instant lastActivityAt,
        long messageCount,
        long unreadCount,
        @Nullable String lastMessagePreview,
        @Nullable Satisfaction satisfaction,
        String inboxId,
        @Nullable String assigneeId,
        @Nullable Instant awaitingReplySince,
        @Nullable ConversationContext context,
        Map<String, String> metadata,
        long version) {

    /**
     * {@link #metadata()} key set when the conversation needs a person (e.g. {@code stop_request}: the
     * customer asked in plain words to stop; {@code ai_loop_guard}: the AI replied too often without a
     * customer writing in between); its value says why.
     */
    public static final String NEEDS_STAFF = "needs_staff";

    /** Characters of the newest message kept as {@link #lastMessagePreview()}. */
    public static final int PREVIEW_LENGTH = 140;

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(threadKey, "threadKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(initiatedAt, "initiatedAt");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        Objects.requireNonNull(inboxId, "inboxId");
        metadata = Map.copyOf(metadata);
    }

    /** The customer's address on this conversation's channel: the phone for phone channels, else the email. */
    public @Nullable String customerAddress() {
        return channel.isPhoneBased() ? customerPhone : customerEmail != null ? customerEmail : customerPhone;
    }

    public Conversation withStatus(ConversationStatus newStatus) {
        return new Conversation(id, tenantId, channel, contactId, customerName, customerPhone, customerEmail, ourAddress,
                threadKey, newStatus, subject, headline, initiatedAt, lastActivityAt, messageCount, unreadCount,
                lastMessagePreview, satisfaction, inboxId, assigneeId, awaitingReplySince, context, metadata, version);
    }

    public Conversation withHeadline(@Nullable String newHeadline) {
        return new Conversation(id, tenantId, channel, contactId, customerName, customerPhone, customerEmail, ourAddress,
                threadKey, status, subject, newHeadline, initiatedAt, lastActivityAt, messageCount, unreadCount,
                lastMessagePreview, satisfaction, inboxId, assigneeId, awaitingReplySince, context, metadata, version);
    }

    public Conversation withSatisfaction(@Nullable Satisfaction newSatisfaction) {
        return new Conversation(id, tenantId, channel, contactId, customerName, customerPhone, customerEmail, ourAddress,
                threadKey, status, subject, headline, initiatedAt, lastActivityAt, messageCount, unreadCount,
                lastMessagePreview, newSatisfaction, inboxId, assigneeId, awaitingReplySince, context, metadata, version);
    }

    /** This conversation moved to inbox {@code newInboxId}. */
    public Conversation withInbox(String newInboxId) {
        return new Conversation(id, tenantId, channel, contactId, customerName, customerPhone, customerEmail, ourAddress,
                threadKey, status, subject, headline, initiatedAt, lastActivityAt, messageCount, unreadCount,
                lastMessagePreview, satisfaction, newInboxId, assigneeId, awaitingReplySince, context, metadata, version);
    }

    /** This conversation about {@code newContext}. */
    public Conversation withContext(@Nullable ConversationContext newContext) {
        return new Conversation(id, tenantId, channel, contactId, customerName, customerPhone, customerEmail, ourAddress,
                threadKey, status, subject, headline, initiatedAt, lastActivityAt, messageCount, unreadCount,
                lastMessagePreview, satisfaction, inboxId, assigneeId, awaitingReplySince, newContext, metadata, version);
    }

    /** This conversation owned by staff user {@code newAssigneeId}, or by nobody when null. */
    public Conversation withAssignee(@Nullable String newAssigneeId) {
        return new Conversation(id, tenantId, channel, contactId, customerName, customerPhone, customerEmail, ourAddress,
                threadKey, status, subject, headline, initiatedAt, lastActivityAt, messageCount, unreadCount,
                lastMessagePreview, satisfaction, inboxId, newAssigneeId, awaitingReplySince, context, metadata, version);
    }

    /** This conversation with {@code key} set to {@code value} in its metadata. */
    public Conversation withMetadataEntry(String key, String value) {
        Map<String, String> changed = new java.util.LinkedHashMap<>(metadata);
        changed.put(key, value);
        return new Conversation(id, tenantId, channel, contactId, customerName, customerPhone, customerEmail, ourAddress,
                threadKey, status, subject, headline, initiatedAt, lastActivityAt, messageCount, unreadCount,
                lastMessagePreview, satisfaction, inboxId, assigneeId, awaitingReplySince, context, changed, version);
    }

    /** This conversation with its counters moved by one appended message (see {@link ConversationCounters}). */
    public Conversation withAppended(Message message) {
        return with(ConversationCounters.appending(message));
    }

    /** This conversation with its list fields moved as {@code change} says, and a new version. */
    public Conversation with(ConversationCounters change) {
        Instant activity = change.activityAt() != null && change.activityAt().isAfter(lastActivityAt) ? change.activityAt() : lastActivityAt;
        return new Conversation(id, tenantId, channel, contactId, customerName, customerPhone, customerEmail, ourAddress,
                threadKey, status, subject != null ? subject : change.subject(), headline, initiatedAt, activity,
                messageCount + change.messages(), unreadCount + change.unread(),
                change.preview() != null ? change.preview() : lastMessagePreview, satisfaction, inboxId, assigneeId,
                change.answered() ? null : awaitingReplySince != null ? awaitingReplySince : change.awaitingFrom(), context, metadata,
                version + 1);
    }

    public Conversation withUnreadCount(long newUnreadCount) {
        return new Conversation(id, tenantId, channel, contactId, customerName, customerPhone, customerEmail, ourAddress,
                threadKey, status, subject, headline, initiatedAt, lastActivityAt, messageCount, newUnreadCount,
                lastMessagePreview, satisfaction, inboxId, assigneeId, awaitingReplySince, context, metadata, version);
    }

    public Conversation withVersion(long newVersion) {
        return new Conversation(id, tenantId, channel, contactId, customerName, customerPhone, customerEmail, ourAddress,
                threadKey, status, subject, headline, initiatedAt, lastActivityAt, messageCount, unreadCount,
                lastMessagePreview, satisfaction, inboxId, assigneeId, awaitingReplySince, context, metadata, newVersion);
    }

    /** The first {@code length} code points of {@code text}, with an ellipsis when cut. */
    public static String preview(String text, int length) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= length) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, length - 1)) + "…";
    }
}
