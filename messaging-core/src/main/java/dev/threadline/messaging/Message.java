package dev.threadline.messaging;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One message in a conversation. Messages are append-only; only the delivery fields change.
 *
 * @param id time-ordered id: messages of a conversation sort by it in arrival order
 * @param providerMessageId the provider's id (Twilio SID, SendGrid message id), unique per channel and tenant
 * @param threadRef the RFC 5322 {@code Message-ID} of an email, used to thread replies
 * @param createdAt when the message was received or first queued
 * @param statusAt when {@code status} last changed
 * @param metadata string facts about the message; the library's own keys are the {@code META_*} constants
 */
public record Message(
        String id,
        String tenantId,
        String conversationId,
        ChannelId channel,
        Direction direction,
        Author author,
        String body,
        @Nullable String subject,
        List<String> mediaUrls,
        @Nullable String providerMessageId,
        @Nullable String threadRef,
        DeliveryStatus status,
        Instant createdAt,
        Instant statusAt,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        Map<String, String> metadata) {

    /** Statuses of messages that are not part of the exchange: see {@link #isPartOfTheExchange()}. */
    private static final Set<DeliveryStatus> NOT_EXCHANGED = EnumSet.of(DeliveryStatus.DRAFT, DeliveryStatus.CANCELED,
            DeliveryStatus.SCHEDULED, DeliveryStatus.FAILED, DeliveryStatus.UNDELIVERED);

    /** {@code "true"} on an AI reply written by a fallback responder because the AI provider failed. */
    public static final String META_AI_FALLBACK = "ai_fallback";
    /** On a fallback AI reply: the error code of the provider's failure it replaced. */
    public static final String META_AI_ERROR_CODE = "ai_error_code";
    /** On a fallback AI reply: the message of the provider's failure it replaced. */
    public static final String META_AI_ERROR_MESSAGE = "ai_error_message";

    /**
     * On an inbound message no person wrote (an out-of-office reply, a bounce, list mail): why it was
     * recognized as automatic. Such messages are stored but never answered by the AI.
     */
    public static final String META_AUTO_REPLY = "auto_reply";

    /**
     * On an inbound message whose body held characters no database stores (NUL, half a surrogate pair): the
     * body as the provider sent it, those characters written as {@code \\uXXXX}. The stored body leaves them out.
     */
    public static final String META_ORIGINAL_BODY = "original_body";
    /** On a message a staff user wrote: the user's id. */
    public static final String META_SENT_BY_ID = "sent_by_id";
    /** On a message a staff user wrote: the user's name when they sent it. */
    public static final String META_SENT_BY_NAME = "sent_by_name";
    /** Like {@link #META_ORIGINAL_BODY}, for the subject. */
    public static final String META_ORIGINAL_SUBJECT = "original_subject";

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        mediaUrls = List.copyOf(mediaUrls);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(statusAt, "statusAt");
        metadata = Map.copyOf(metadata);
    }

    /**
     * This message after a delivery update; the caller has checked the transition. A provider id, once set, stays:
     * a later update with another one (a second attempt's) does not replace it.
     */
    public Message withDelivery(DeliveryUpdate update) {
        return new Message(id, tenantId, conversationId, channel, direction, author, body, subject, mediaUrls,
                providerMessageId != null ? providerMessageId : update.providerMessageId(), threadRef,
                update.status(), createdAt, update.at(), update.errorCode() != null ? update.errorCode() : errorCode,
                update.errorMessage() != null ? update.errorMessage() : errorMessage, metadata);
    }

    /** This message with a different body (approving an edited draft). */
    public Message withBody(String newBody) {
        return new Message(id, tenantId, conversationId, channel, direction, author, newBody, subject, mediaUrls,
                providerMessageId, threadRef, status, createdAt, statusAt, errorCode, errorMessage, metadata);
    }

    /**
     * Whether this message is part of the exchange with the customer: they wrote it, or it was handed to them or is
     * on its way. What an AI reads as the conversation, what staff see as answered, and what a transcript shows.
     * Drafts, canceled and not-yet-due scheduled messages and sends that failed are not: the customer never got them.
     */
    public boolean isPartOfTheExchange() {
        return !NOT_EXCHANGED.contains(status);
    }
}
