package dev.threadline.messaging.offline;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.ConversationSummarizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headlines and suggested replies without a model. The headline is the customer's first substantive
 * sentence rephrased as a want ("Can I book Botox Friday?" becomes "Wants to book Botox Friday");
 * greetings never become headlines. Both read only the customer's messages, which are always
 * {@linkplain Message#isPartOfTheExchange() part of the exchange}, so our drafts and failed sends never count.
 */
public final class HeuristicSummarizer implements ConversationSummarizer {

    private static final int MAX_HEADLINE = 80;
    private static final Pattern WANTS_TO = Pattern.compile(
            "^(?:can|could|may) (?:i|we) (?:please )?(.+)|^i(?:'d| would) (?:like|love) to (.+)|^i (?:want|need|hope) to (.+)|^(?:i'm|i am) (?:looking|hoping) to (.+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WANTS = Pattern.compile(
            "^i(?:'d| would) like (.+)|^i (?:want|need) (.+)|^(?:i'm|i am) (?:looking|interested) (?:for|in) (.+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION = Pattern.compile(
            "^(?:how|what|when|where|which|who|why|do|does|is|are|can you|could you|will|would you)\\b.*", Pattern.CASE_INSENSITIVE);

    @Override
    public String headline(Conversation conversation, List<Message> messages) {
        for (Message m : messages) {
            if (m.direction() != Direction.INBOUND) {
                continue;
            }
            List<String> sentences = Intents.substantiveSentences(m.body());
            if (!sentences.isEmpty()) {
                return cap(rephrase(sentences.get(0)));
            }
        }
        return conversation.subject() != null && !conversation.subject().isBlank() ? cap(conversation.subject()) : "New conversation";
    }

    private static String rephrase(String sentence) {
        String s = sentence.replaceAll("[?!.]+$", "").strip();
        Matcher wantsTo = WANTS_TO.matcher(s);
        if (wantsTo.matches()) {
            return "Wants to " + firstGroup(wantsTo);
        }
        Matcher wants = WANTS.matcher(s);
        if (wants.matches()) {
            return "Wants " + firstGroup(wants);
        }
        if (QUESTION.matcher(s).matches()) {
            return "Asks: " + capitalized(s) + "?";
        }
        return capitalized(s);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String firstGroup(Matcher m) {
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) {
                return m.group(i);
            }
        }
        return m.group();
    }

    private static String cap(String text) {
        return text.length() <= MAX_HEADLINE ? text : text.substring(0, MAX_HEADLINE - 1).strip() + "…";
    }

    @Override
    public List<String> suggestReplies(Conversation conversation, List<Message> messages) {
        String lower = Intents.lastFromCustomer(messages).map(m -> Intents.lower(m.body())).orElse("");
        List<String> suggestions = new ArrayList<>();
        if (Intents.wantsCancel(lower)) {
            suggestions.add("No problem, I can help with that. Which appointment would you like to change?");
        } else if (Intents.wantsBooking(lower)) {
            suggestions.add("I'd be happy to book that for you. What day and time work best?");
        }
        if (Intents.asksPrice(lower)) {
            suggestions.add("Happy to share our pricing. Which treatment are you interested in?");
        }
        suggestions.add("Thanks for reaching out! Let me check and get right back to you.");
        suggestions.add("Is there anything else I can help you with?");
        return List.copyOf(suggestions.subList(0, Math.min(3, suggestions.size())));
    }
}
