package dev.threadline.messaging.spi;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.Satisfaction;
import java.util.List;

/** Judges how satisfied the customer is with a conversation. */
@FunctionalInterface
public interface SatisfactionScorer {

    /**
     * Judges the conversation.
     *
     * @param messages the conversation's recent messages as stored, oldest first, including those the customer
     *                 never got (drafts, failed sends...): judge only those {@linkplain Message#isPartOfTheExchange()
     *                 part of the exchange}
     */
    Satisfaction score(Conversation conversation, List<Message> messages);
}
