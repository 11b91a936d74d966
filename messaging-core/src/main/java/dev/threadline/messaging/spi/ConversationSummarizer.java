package dev.threadline.messaging.spi;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import java.util.List;

/**
 * Summarizes conversations for staff. Both methods get the conversation's recent messages as stored, oldest first,
 * including those the customer never got (drafts, failed sends...): read only those
 * {@linkplain Message#isPartOfTheExchange() part of the exchange}.
 */
public interface ConversationSummarizer {

    /** A short statement of what the customer wants, never a bare greeting. */
    String headline(Conversation conversation, List<Message> messages);

    /** One to three replies staff could send next. */
    List<String> suggestReplies(Conversation conversation, List<Message> messages);
}
