package dev.threadline.messaging.spi;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Keyset position in the conversation list (newest activity first, ties by id descending), encoded as
 * an opaque URL-safe string. Stores use it to serve {@link ConversationQuery#cursor()}: the next page
 * holds rows strictly after this position.
 *
 * <p>It also carries the {@code total} counted for the first page, so later pages need no count: counting
 * every matching row costs far more than reading a keyset page, and would make deep pages slow.
 */
public record ConversationCursor(Instant lastActivityAt, String id, long total) {

    /** The cursor pointing just after {@code last}, carrying the list's {@code total}. */
    public static ConversationCursor after(Conversation last, long total) {
        return new ConversationCursor(last.lastActivityAt(), last.id(), total);
    }

    public String encode() {
        String raw = lastActivityAt.getEpochSecond() + ":" + lastActivityAt.getNano() + ":" + total + ":" + id;
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

    /** Whether {@code c} comes after this position in list order. */
    public boolean isBefore(Conversation c) {
        int byTime = c.lastActivityAt().compareTo(lastActivityAt);
        return byTime < 0 || (byTime == 0 && c.id().compareTo(id) < 0);
    }
}
