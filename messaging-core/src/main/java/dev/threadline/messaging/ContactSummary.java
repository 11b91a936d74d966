package dev.threadline.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A contact as the contact list shows it.
 *
 * @param channels the channels the contact has conversations on
 * @param lastActivityAt the newest activity of any of its conversations, or null when it has none
 * @param conversationCount its conversations on every channel
 */
public record ContactSummary(Contact contact, Set<ChannelId> channels, @Nullable Instant lastActivityAt, long conversationCount) {

    public ContactSummary {
        Objects.requireNonNull(contact, "contact");
        channels = Set.copyOf(channels);
    }
}
