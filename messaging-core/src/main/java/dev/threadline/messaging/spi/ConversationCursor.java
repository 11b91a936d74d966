package dev.threadline.messaging.spi;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Keyset position in the conversation list, encoded as an opaque URL-safe string: {@code position} is the last
 * row's last activity (newest activity first, ties by id descending), or in
 * {@link ConversationQuery#longestWaitingFirst() waiting order} the time it has waited since (oldest first, ties by
 * id ascending). Stores use it to serve {@link ConversationQuery#cursor()}: the next page holds rows strictly after
 * this position.
 *
 * <p>It also carries the {@code total} counted for the first page, so later pages need no count: counting
 * every matching row costs far more than reading a keyset page, and would make deep pages slow.
 */
public record ConversationCursor(Instant position, String id, long total) {

    /** The cursor pointing just after {@code last} in the order {@code query} asks for, carrying the list's {@code total}. */
    public static ConversationCursor after(Conversation last, long total, ConversationQuery query) {
        return new ConversationCursor(position(last, query), last.id(), total);
    }

    /** Where {@code c} sorts in the order {@code query} asks for. */
    public static Instant position(Conversation c, ConversationQuery query) {
        return query.longestWaitingFirst() ? Objects.requireNonNull(c.awaitingReplySince(), "a waiting conversation") : c.lastActivityAt();
    }

    public String encode() {
        String raw = position.getEpochSecond() + ":" + position.getNano() + ":" + total + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor, reporting a tampered one as a validation error on {@code cursor}. */
    public static ConversationCursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 4);
            return new ConversationCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[3],
                    Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw NonRetriableMessagingException.validation("cursor", "cursor is not one this API returned");
        }
    }

    /** Whether {@code c} comes after this position in the order {@code query} asks for. */
    public boolean isFollowedBy(Conversation c, ConversationQuery query) {
        if (query.longestWaitingFirst()) {
            int byWait = position(c, query).compareTo(position);
            return byWait > 0 || (byWait == 0 && c.id().compareTo(id) > 0);
        }
        int byTime = c.lastActivityAt().compareTo(position);
        return byTime < 0 || (byTime == 0 && c.id().compareTo(id) < 0);
    }
}
