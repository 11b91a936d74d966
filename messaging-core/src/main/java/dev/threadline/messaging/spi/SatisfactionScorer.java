package dev.threadline.messaging.spi;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.Satisfaction;
import java.util.List;

/** Judges how satisfied the customer is with a conversation. */
@FunctionalInterface
public interface SatisfactionScorer {
    Satisfaction score(Conversation conversation, List<Message> messages);
}
