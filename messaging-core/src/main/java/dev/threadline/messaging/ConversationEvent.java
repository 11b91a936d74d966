package dev.threadline.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An entry of a conversation's timeline beyond its messages: status changes, AI tool calls and their
 * results, opt-outs, staff actions. Tool-call events are what let an AI conversation be replayed exactly.
 *
 * @param data JSON-compatible values (strings, numbers, booleans, lists, maps)
 */
public record ConversationEvent(String id, String tenantId, String conversationId, String type,
                                Map<String, Object> data, Instant occurredAt) {

    /** Conversation status changed; data: {@code from}, {@code to}. */
    public static final String STATUS_CHANGED = "conversation.status_changed";
    /** An AI tool call and its result; data: {@code call_id}, {@code tool}, {@code arguments}, {@code result}, {@code error}, {@code idempotency_key}. */
    public static final String TOOL_CALL = "ai.tool_call";
    /** An AI reply failed; data: {@code code}, {@code message}. */
    public static final String AI_FAILED = "ai.failed";
    /**
     * The contact opted out of the channel; data: {@code channel}, {@code reason} ({@code keyword},
     * {@code stop_request} or what a provider reported) and, for a keyword, {@code keyword}.
     */
    public static final String OPTED_OUT = "contact.opted_out";
    /** The contact opted back in; data: {@code channel}, {@code keyword}. */
    public static final String OPTED_IN = "contact.opted_in";
    /** Conversation marked read; data: {@code cleared}. */
    public static final String MARKED_READ = "conversation.marked_read";
    /** Satisfaction scored; data: {@code score}, {@code sentiment}, {@code outcome}. */
    public static final String SCORED = "conversation.scored";
    /** A failed message was sent again on the fallback channel; data: {@code message_id}, {@code channel}, {@code fallback_message_id}. */
    public static final String FALLBACK_SENT = "message.fallback_sent";
    /** The conversation needs a person; data: {@code reason} (see {@link Conversation#NEEDS_STAFF}). */
    public static final String FLAGGED_FOR_STAFF = "conversation.flagged_for_staff";
    /** A staff action (reply, approve, discard) for the audit trail; data: {@code actor}, {@code action}, {@code message_id}. */
    public static final String STAFF_ACTION = "staff.action";
    /** The conversation's assignee changed; data: {@code actor}, {@code from} and {@code to} (user ids, empty for nobody). */
    public static final String ASSIGNED = "conversation.assigned";
    /** The conversation moved to another inbox; data: {@code actor}, {@code from}, {@code to} (inbox ids). */
    public static final String MOVED = "conversation.moved";
    /**
     * A send attempt was interrupted (its worker stopped mid-send) and nothing confirmed it within the in-doubt
     * grace; data: {@code message_id}, {@code resolution} ({@code found_at_provider} with
     * {@code provider_message_id}, or {@code resent} with {@code lookup}: {@code not_found}, {@code unavailable}
     * or {@code refused}).
     */
    public static final String DELIVERY_IN_DOUBT = "message.delivery_in_doubt";

    public ConversationEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(type, "type");
        data = Map.copyOf(data);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
