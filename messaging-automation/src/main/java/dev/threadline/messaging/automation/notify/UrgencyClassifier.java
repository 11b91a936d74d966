package dev.threadline.messaging.automation.notify;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;

/**
 * Decides whether a customer message needs attention now. {@link KeywordUrgencyClassifier} is the default;
 * an AI-backed classifier may be injected instead, with keywords as its fallback when it fails.
 */
@FunctionalInterface
public interface UrgencyClassifier {

    boolean isUrgent(Conversation conversation, Message message);
}
