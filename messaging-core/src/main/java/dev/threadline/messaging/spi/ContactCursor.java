package dev.threadline.messaging.spi;

import dev.threadline.messaging.NonRetriableMessagingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Keyset position in the contact list (contact ids descending: newest first with time-ordered ids), encoded as an
 * opaque URL-safe string. The next page holds contacts whose id is below {@code id}.
 */
public record ContactCursor(String id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor, reporting a tampered one as a validation error on {@code cursor}. */
    public static ContactCursor decode(String encoded) {
        try {
            return new ContactCursor(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw NonRetriableMessagingException.validation("cursor", "cursor is not one this API returned");
        }
    }
}
