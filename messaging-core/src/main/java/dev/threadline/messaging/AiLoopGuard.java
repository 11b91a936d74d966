package dev.threadline.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Stops AI conversations with machines: at most {@code maxReplies} automatic AI replies per conversation
 * within {@code window} without a customer turn a person wrote in between; then the conversation is
 * flagged for staff instead. A customer turn counts as written by a person unless it was recognized as an
 * automatic reply or repeats, word for word, an earlier customer message within the window (an SMS
 * auto-responder such as "I'm driving" says the same thing every time).
 *
 * @param maxReplies AI replies allowed in a row without a person's turn; at least 1
 * @param window how far back replies count
 */
public record AiLoopGuard(int maxReplies, Duration window) {

    /** Three AI replies per hour without a person's turn. */
    public static final AiLoopGuard DEFAULT = new AiLoopGuard(3, Duration.ofHours(1));

    public AiLoopGuard {
        Objects.requireNonNull(window, "window");
        if (maxReplies < 1) {
            throw new IllegalArgumentException("maxReplies must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    /**
     * Whether another automatic AI reply may follow {@code history}.
     *
     * @param history the conversation's newest messages in arrival order, the message to answer last
     */
    public boolean allowsAnotherReply(List<Message> history, Instant now) {
        Instant since = now.minus(window);
        int aiReplies = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            Message m = history.get(i);
            if (m.createdAt().isBefore(since)) {
                break;
            }
            if (m.direction() == Direction.OUTBOUND && m.author() == Author.AI) {
                aiReplies++;
            } else if (isCustomerTurn(m) && isWrittenByAPerson(history, i, since)) {
                break;
            }
        }
        return aiReplies < maxReplies;
    }

    private static boolean isCustomerTurn(Message m) {
        return m.direction() == Direction.INBOUND && m.author() == Author.CUSTOMER;
    }

    private static boolean isWrittenByAPerson(List<Message> history, int index, Instant since) {
        Message turn = history.get(index);
        if (turn.metadata().containsKey(Message.META_AUTO_REPLY)) {
            return false;
        }
        String words = comparable(turn.body());
        for (int j = index - 1; j >= 0; j--) {
            Message earlier = history.get(j);
            if (earlier.createdAt().isBefore(since)) {
                break;
            }
            if (isCustomerTurn(earlier) && comparable(earlier.body()).equals(words)) {
                return false;
            }
        }
        return true;
    }

    private static String comparable(String body) {
        return body.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
