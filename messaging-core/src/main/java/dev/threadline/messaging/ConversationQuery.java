package dev.threadline.messaging;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for the conversation list.
 *
 * @param status only conversations with this status; null for every status but {@link ConversationStatus#SPAM}
 * @param text matches customer name, phone, email, subject or message text (case-insensitive)
 * @param page 1-based page number, used when {@code cursor} is null
 * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
 * @param cursor a {@link ConversationPage#nextCursor()} from the previous page; wins over {@code page}
 * @param inboxIds only conversations of these inboxes; null for every inbox
 * @param assigneeId only conversations assigned to this staff user; null for any
 * @param unassignedOnly only conversations nobody is assigned to
 * @param awaitingReplyOnly only conversations whose customer spoke last and got no answer yet
 * @param longestWaitingFirst order by {@link Conversation#awaitingReplySince()}, oldest first (only waiting
 *        conversations, then); else newest activity first
 * @param contextType only conversations about this kind of thing ({@link ConversationContext#type()}); null for any
 * @param contextId with {@code contextType}: only conversations about this one
 * @param draftsOnly only conversations holding an AI reply that waits for staff approval ({@link DeliveryStatus#DRAFT})
 */
public record ConversationQuery(@Nullable ChannelId channel, @Nullable ConversationStatus status, boolean unreadOnly,
                                @Nullable String text, int page, int pageSize, @Nullable String cursor,
                                @Nullable Set<String> inboxIds, @Nullable String assigneeId, boolean unassignedOnly,
                                boolean awaitingReplyOnly, boolean longestWaitingFirst, @Nullable String contextType,
                                @Nullable String contextId, boolean draftsOnly) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    public ConversationQuery {
        if (page < 1) {
            throw NonRetriableMessagingException.validation("page", "page must be 1 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw NonRetriableMessagingException.validation("page_size", "page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) page * pageSize > Integer.MAX_VALUE) {
            throw NonRetriableMessagingException.validation("page", "page is too deep: use the cursor to page further");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        inboxIds = inboxIds == null ? null : Set.copyOf(inboxIds);
        if (contextId != null && contextType == null) {
            throw NonRetriableMessagingException.validation("context_type", "context_id needs context_type");
        }
        if (assigneeId != null && unassignedOnly) {
            throw NonRetriableMessagingException.validation("assignee", "a conversation cannot be both assigned and unassigned");
        }
    }

    /** Everything, first page of the default size. */
    public static ConversationQuery all() {
        return new ConversationQuery(null, null, false, null, 1, DEFAULT_PAGE_SIZE, null, null, null, false, false, false, null, null, false);
    }

    /** Rows to skip for page-number paging. */
    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    public ConversationQuery withChannel(@Nullable ChannelId value) {
        return new ConversationQuery(value, status, unreadOnly, text, page, pageSize, cursor, inboxIds, assigneeId, unassignedOnly, awaitingReplyOnly, longestWaitingFirst, contextType, contextId, draftsOnly);
    }

    public ConversationQuery withStatus(@Nullable ConversationStatus value) {
        return new ConversationQuery(channel, value, unreadOnly, text, page, pageSize, cursor, inboxIds, assigneeId, unassignedOnly, awaitingReplyOnly, longestWaitingFirst, contextType, contextId, draftsOnly);
    }

    public ConversationQuery withUnreadOnly(boolean value) {
        return new ConversationQuery(channel, status, value, text, page, pageSize, cursor, inboxIds, assigneeId, unassignedOnly, awaitingReplyOnly, longestWaitingFirst, contextType, contextId, draftsOnly);
    }

    public ConversationQuery withText(@Nullable String value) {
        return new ConversationQuery(channel, status, unreadOnly, value, page, pageSize, cursor, inboxIds, assigneeId, unassignedOnly, awaitingReplyOnly, longestWaitingFirst, contextType, contextId, draftsOnly);
    }

    public ConversationQuery withPage(int value, int size) {
        return new ConversationQuery(channel, status, unreadOnly, text, value, size, null, inboxIds, assigneeId, unassignedOnly, awaitingReplyOnly, longestWaitingFirst, contextType, contextId, draftsOnly);
    }

    public ConversationQuery withCursor(@Nullable String value) {
        return new ConversationQuery(channel, status, unreadOnly, text, page, pageSize, value, inboxIds, assigneeId, unassignedOnly, awaitingReplyOnly, longestWaitingFirst, contextType, contextId, draftsOnly);
    }

    /** Only conversations of {@code value}'s inboxes; null for every inbox. */
    public ConversationQuery withInboxes(@Nullable Set<String> value) {
        return new ConversationQuery(channel, status, unreadOnly, text, page, pageSize, cursor, value, assigneeId, unassignedOnly, awaitingReplyOnly, longestWaitingFirst, contextType, contextId, draftsOnly);
    }

    /** Only conversations assigned to staff user {@code value}; null for any. */
    public ConversationQuery withAssignee(@Nullable String value) {
        return new ConversationQuery(channel, status, unreadOnly, text, page, pageSize, cursor, inboxIds, value, false, awaitingReplyOnly, longestWaitingFirst, contextType, contextId, draftsOnly);
    }

    /** Only conversations nobody is assigned to, or (false) any. */
    public ConversationQuery withUnassignedOnly(boolean value) {
        return new ConversationQuery(channel, status, unreadOnly, text, page, pageSize, cursor, inboxIds, null, value, awaitingReplyOnly, longestWaitingFirst, contextType, contextId, draftsOnly);
    }

    /** Only conversations that await a reply ({@code value}), or any. */
    public ConversationQuery withAwaitingReplyOnly(boolean value) {
        return new ConversationQuery(channel, status, unreadOnly, text, page, pageSize, cursor, inboxIds, assigneeId, unassignedOnly,
                value, longestWaitingFirst, contextType, contextId, draftsOnly);
    }

    /** The conversations that wait longest for a reply first ({@code value}), or the newest activity first. */
    public ConversationQuery withLongestWaitingFirst(boolean value) {
        return new ConversationQuery(channel, status, unreadOnly, text, page, pageSize, cursor, inboxIds, assigneeId, unassignedOnly,
                awaitingReplyOnly, value, contextType, contextId, draftsOnly);
    }

    /** Only conversations about {@code type} (and {@code id}, when given); null for any. */
    public ConversationQuery withContext(@Nullable String type, @Nullable String id) {
        return new ConversationQuery(channel, status, unreadOnly, text, page, pageSize, cursor, inboxIds, assigneeId, unassignedOnly,
                awaitingReplyOnly, longestWaitingFirst, type, id, draftsOnly);
    }

    /** Only conversations holding a draft AI reply ({@code value}), or any. */
    public ConversationQuery withDraftsOnly(boolean value) {
        return new ConversationQuery(channel, status, unreadOnly, text, page, pageSize, cursor, inboxIds, assigneeId, unassignedOnly,
                awaitingReplyOnly, longestWaitingFirst, contextType, contextId, value);
    }

    /**
     * True when the query filters by what the list totals kept per channel, status and unread cannot answer (inbox,
     * assignee, a wait for a reply, a context, drafts), so its total is counted.
     */
    public boolean countsItsTotal() {
        return inboxIds != null || assigneeId != null || unassignedOnly || awaitingReplyOnly || longestWaitingFirst
                || contextType != null || draftsOnly;
    }
}
