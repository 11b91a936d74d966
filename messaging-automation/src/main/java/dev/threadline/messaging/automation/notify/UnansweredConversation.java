package dev.threadline.messaging.automation.notify;

import dev.threadline.messaging.ChannelId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A conversation whose customer is waiting for an answer.
 *
 * @param waitingSince the first customer message after our last reply
 * @param waiting how long they have waited when the digest was made
 * @param lastMessage the start of the customer's newest message
 */
public record UnansweredConversation(String conversationId, ChannelId channel, @Nullable String customerName,
                                     Instant waitingSince, Duration waiting, String lastMessage) {
    public UnansweredConversation {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(waitingSince, "waitingSince");
        Objects.requireNonNull(waiting, "waiting");
        Objects.requireNonNull(lastMessage, "lastMessage");
    }
}
