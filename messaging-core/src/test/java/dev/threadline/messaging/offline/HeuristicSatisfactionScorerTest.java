package dev.threadline.messaging.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.Satisfaction;
import dev.threadline.messaging.Sentiment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reason beside a score names what moved it, so it never contradicts the sentiment. */
class HeuristicSatisfactionScorerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void aConfirmedBookingIsPositiveAndTheReasonSaysSo() {
        Satisfaction score = score(message(Direction.INBOUND, "Can I come Friday at 10?"),
                message(Direction.OUTBOUND, "You're all set for Friday at 10."));

        assertThat(score.sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(score.reason()).isEqualTo("Signals: a booking confirmed; outcome booked").doesNotContain("0 positive");
    }

    @Test
    void wordsOnBothSidesAreCountedInTheReason() {
        Satisfaction score = score(message(Direction.INBOUND, "Thanks, that was great but the wait was awful"),
                message(Direction.OUTBOUND, "Sorry about the wait!"));

        assertThat(score.reason()).startsWith("Signals: 2 positive words, 1 negative word;");
    }

    @Test
    void noSignalsIsNeutralAndSaysThereWereNone() {
        Satisfaction score = score(message(Direction.INBOUND, "What time do you open on Saturday?"),
                message(Direction.OUTBOUND, "We open at 9."));

        assertThat(score.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(score.reason()).isEqualTo("No positive or negative signals from the customer; outcome question_answered");
    }

    @Test
    void messagesTheCustomerNeverGotAreNoAnswerAndNoBooking() {
        Satisfaction score = score(message(Direction.INBOUND, "Can I come Friday at 10?"),
                message(Direction.OUTBOUND, "You're all set for Friday at 10.", DeliveryStatus.DRAFT),
                message(Direction.OUTBOUND, "Booked you for Friday at 10.", DeliveryStatus.FAILED),
                message(Direction.OUTBOUND, "Confirmed: Friday at 10.", DeliveryStatus.CANCELED));

        assertThat(List.of(score.outcome(), score.score(), score.sentiment())).containsExactly("unresolved", 3.0, Sentiment.NEUTRAL);
    }

    private static Satisfaction score(Message... messages) {
        Conversation conversation = new Conversation("c1", "t", ChannelId.SMS, "k1", "Ana", "+15551234567", null, null, "key",
                ConversationStatus.ACTIVE, null, null, NOW, NOW, 0, 0, null, null, "default", null, null, null, Map.of(), 0);
        return new HeuristicSatisfactionScorer().score(conversation, List.of(messages));
    }

    private static Message message(Direction direction, String body) {
        return message(direction, body, direction == Direction.INBOUND ? DeliveryStatus.RECEIVED : DeliveryStatus.SENT);
    }

    private static Message message(Direction direction, String body, DeliveryStatus status) {
        return new Message("m-" + body.hashCode(), "t", "c1", ChannelId.SMS, direction,
                direction == Direction.INBOUND ? Author.CUSTOMER : Author.AI, body, null, List.of(), null, null,
                status, NOW, NOW, null, null, Map.of());
    }
}
