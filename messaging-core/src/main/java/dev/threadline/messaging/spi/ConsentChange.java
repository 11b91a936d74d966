package dev.threadline.messaging.spi;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationEvent;
import java.util.Objects;

/**
 * A change of the contact's consent on one channel that a message carries (a {@code STOP}, a
 * {@code START}), stored in the same transaction as that message, with the timeline event that records it.
 *
 * @param optedOut true to opt the conversation's contact out of {@code channel}, false to opt back in
 */
public record ConsentChange(ChannelId channel, boolean optedOut, ConversationEvent event) {
    public ConsentChange {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
    }
}
