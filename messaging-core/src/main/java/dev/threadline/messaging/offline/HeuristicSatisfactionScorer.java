package dev.threadline.messaging.offline;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.Satisfaction;
import dev.threadline.messaging.Sentiment;
import dev.threadline.messaging.spi.SatisfactionScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores satisfaction from word signals in the customer's messages, and the outcome from what was said
 * on both sides. Coarse, but works offline on any channel and any conversation length. Only messages
 * {@linkplain Message#isPartOfTheExchange() part of the exchange} count: a draft that says "you're all set"
 * booked nothing, and a reply that failed answered nothing.
 */
public final class HeuristicSatisfactionScorer implements SatisfactionScorer {

    private static final Pattern POSITIVE = Pattern.compile(
            "\\b(thanks|thank you|great|perfect|awesome|amazing|love|appreciate|wonderful|excellent|helpful|sounds good|see you)\\b|[👍😊🙏❤️]");
    private static final Pattern NEGATIVE = Pattern.compile(
            "\\b(terrible|awful|angry|upset|disappointed|worst|refund|complaint|complain|rude|frustrated|unacceptable|ridiculous|never again)\\b|[😡😠👎]");
    private static final Pattern BOOKED = Pattern.compile("\\b(booked|confirmed|you're all set|you are all set|see you on)\\b");
    private static final Pattern ESCALATED = Pattern.compile("\\b(manager|team member will|escalat)");

    @Override
    public Satisfaction score(Conversation conversation, List<Message> messages) {
        int positive = 0;
        int negative = 0;
        boolean answered = false;
        boolean booked = false;
        boolean escalated = false;
        for (Message m : messages) {
            if (!m.isPartOfTheExchange()) {
                continue;
            }
            String lower = Intents.lower(m.body());
            if (m.direction() == Direction.INBOUND) {
                positive += count(POSITIVE.matcher(lower));
                negative += count(NEGATIVE.matcher(lower));
            } else {
                answered = true;
                booked |= BOOKED.matcher(lower).find();
                escalated |= ESCALATED.matcher(lower).find();
            }
        }
        double score = Math.max(1.0, Math.min(5.0, 3.0 + 0.5 * positive - 0.75 * negative + (booked ? 0.5 : 0)));
        Sentiment sentiment = score >= 3.5 ? Sentiment.POSITIVE : score <= 2.5 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        String outcome = booked ? "booked" : negative > positive && answered ? "escalated" : escalated ? "escalated"
                : answered ? "question_answered" : "unresolved";
        String reason = reason(positive, negative, booked) + "; outcome " + outcome;
        return new Satisfaction(Math.round(score * 10) / 10.0, sentiment, outcome, reason);
    }

    /** Names every signal that moved the score, so the reason never contradicts the sentiment beside it. */
    private static String reason(int positive, int negative, boolean booked) {
        List<String> signals = new ArrayList<>();
        if (positive > 0) {
            signals.add(positive + (positive == 1 ? " positive word" : " positive words"));
        }
        if (negative > 0) {
            signals.add(negative + (negative == 1 ? " negative word" : " negative words"));
        }
        if (booked) {
            signals.add("a booking confirmed");
        }
        return signals.isEmpty() ? "No positive or negative signals from the customer" : "Signals: " + String.join(", ", signals);
    }

    private static int count(Matcher matcher) {
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
