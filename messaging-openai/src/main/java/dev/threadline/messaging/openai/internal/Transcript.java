package dev.threadline.messaging.openai.internal;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import java.util.List;

/** A conversation written out as plain text for a model to judge or summarize. */
public final class Transcript {

    private Transcript() {
    }

    /** The messages that are {@linkplain Message#isPartOfTheExchange() part of the exchange} with the customer. */
    public static List<Message> exchanged(List<Message> messages) {
        return messages.stream().filter(Message::isPartOfTheExchange).toList();
    }

    /** Channel, customer and subject, then one line per message labelled with who wrote it. */
    public static String of(Conversation conversation, List<Message> messages) {
        StringBuilder text = new StringBuilder("Channel: ").append(conversation.channel().value());
        if (conversation.customerName() != null && !conversation.customerName().isBlank()) {
            text.append("\nCustomer name: ").append(conversation.customerName().strip());
        }
        if (conversation.subject() != null && !conversation.subject().isBlank()) {
            text.append("\nSubject: ").append(conversation.subject().strip());
        }
        text.append("\n\nConversation:");
        for (Message m : exchanged(messages)) {
            text.append('\n').append(speaker(m)).append(": ").append(m.body().strip().replaceAll("\\s*\\n\\s*", " / "));
            if (!m.mediaUrls().isEmpty()) {
                text.append(" [").append(m.mediaUrls().size()).append(" attachment(s)]");
            }
        }
        return text.toString();
    }

    private static String speaker(Message m) {
        if (m.direction() == Direction.INBOUND) {
            return "Customer";
        }
        return m.author() == Author.STAFF ? "Staff" : m.author() == Author.AI ? "Assistant" : "Business (automatic)";
    }
}
