package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AiLoopGuardTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final AiLoopGuard guard = new AiLoopGuard(2, Duration.ofHours(1));
    private final List<Message> history = new ArrayList<>();

    @Test
    void aPersonsTurnAlwaysGetsAReply() {
        customer("Hi", 50);
        ai(49);
        customer("Can I book?", 40);
        ai(39);
        customer("Tuesday?", 30);

        assertThat(guard.allowsAnotherReply(history, NOW)).isTrue();
    }

    @Test
    void anAutoResponderRepeatingItselfIsCutOffAfterTheLimit() {
        customer("I'm driving with Do Not Disturb on. I'll see your message when I get where I'm going.", 30);
        ai(29);
        customer("I'm driving with Do Not Disturb on.  I'll see your message when I get where I'm going.", 28);
        assertThat(guard.allowsAnotherReply(history, NOW)).as("one AI reply so far").isTrue();
        ai(27);
        customer("i'm driving with do not disturb on. I'll see your message when I get where I'm going.", 26);

        assertThat(guard.allowsAnotherReply(history, NOW)).isFalse();
    }

    @Test
    void recognizedAutomaticRepliesAreNotAPersonsTurn() {
        customer("Hi", 30);
        ai(29);
        automatic("I am out of the office until Monday.", 28);
        ai(27);
        automatic("I am out of the office until Monday (2).", 26);

        assertThat(guard.allowsAnotherReply(history, NOW)).isFalse();
    }

    @Test
    void repliesOlderThanTheWindowDoNotCount() {
        customer("Same text", 200);
        ai(190);
        ai(100);
        customer("Same text", 5);

        assertThat(guard.allowsAnotherReply(history, NOW)).isTrue();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new AiLoopGuard(0, Duration.ofHours(1))).hasMessageContaining("maxReplies");
        assertThatThrownBy(() -> new AiLoopGuard(1, Duration.ZERO)).hasMessageContaining("window");
    }

    private void customer(String body, int minutesAgo) {
        history.add(message(Direction.INBOUND, Author.CUSTOMER, body, minutesAgo, Map.of()));
    }

    private void automatic(String body, int minutesAgo) {
        history.add(message(Direction.INBOUND, Author.CUSTOMER, body, minutesAgo, Map.of(Message.META_AUTO_REPLY, "subject")));
    }

    private void ai(int minutesAgo) {
        history.add(message(Direction.OUTBOUND, Author.AI, "Happy to help!", minutesAgo, Map.of()));
    }

    private Message message(Direction direction, Author author, String body, int minutesAgo, Map<String, String> metadata) {
        Instant at = NOW.minus(Duration.ofMinutes(minutesAgo));
        return new Message("m" + history.size(), "acme", "c1", ChannelId.SMS, direction, author, body, null, List.of(), null, null,
                direction == Direction.INBOUND ? DeliveryStatus.RECEIVED : DeliveryStatus.SENT, at, at, null, null, metadata);
    }
}
