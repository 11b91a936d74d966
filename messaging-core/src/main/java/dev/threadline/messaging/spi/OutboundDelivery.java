package dev.threadline.messaging.spi;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import java.util.List;
import java.util.Objects;

/**
 * Everything a channel needs to send one message.
 *
 * @param message the stored outbound message; its id is the idempotency key and its
 *        {@link Message#threadRef()} the {@code Message-ID} to use for email
 * @param conversation the conversation it belongs to, with the customer's address
 * @param earlierThreadRefs {@code Message-ID}s of earlier messages in the conversation, oldest first,
 *        for {@code In-Reply-To}/{@code References}
 * @param attempt 1 for the first attempt
 */
public record OutboundDelivery(Message message, Conversation conversation, List<String> earlierThreadRefs, int attempt) {
    public OutboundDelivery {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(conversation, "conversation");
        earlierThreadRefs = List.copyOf(earlierThreadRefs);
    }
}
