package dev.threadline.messaging;

import java.util.Objects;

/**
 * Result of satisfaction scoring.
 *
 * @param score 1.0 to 5.0
 * @param sentiment overall sentiment
 * @param outcome short lower-case label such as {@code booked}, {@code question_answered}, {@code escalated}, {@code unresolved}
 * @param reason one line explaining the score
 */
public record Satisfaction(double score, Sentiment sentiment, String outcome, String reason) {
    public Satisfaction {
        if (!(score >= 1.0 && score <= 5.0)) {
            throw new IllegalArgumentException("score must be within 1.0..5.0: " + score);
        }
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }
}
