package dev.threadline.messaging.spi;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import java.util.List;

/** Summarizes conversations for staff. */
public interface ConversationSummarizer {

    /** A short statement of what the customer wants, never a bare greeting. */
    String headline(Conversation conversation, List<Message> messages);

    /** One to three replies staff could send next. */
    List<String> suggestReplies(Conversation conversation, List<Message> messages);
}
