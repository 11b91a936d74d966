package dev.threadline.messaging.automation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordUrgencyClassifierTest {

    private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");
    private static final Conversation CONVERSATION = new Conversation("c1", "t", ChannelId.SMS, "k1", "Ana", "+15551234567", null,
            null, "key", ConversationStatus.ACTIVE, null, null, AT, AT, 0, 0, null, null, "default", null, null, null, Map.of(), 0);

    private final KeywordUrgencyClassifier classifier = new KeywordUrgencyClassifier();

    private static Message inbound(String body) {
        return new Message("m1", "t", "c1", ChannelId.SMS, Direction.INBOUND, Author.CUSTOMER, body, null, List.of(), null, null,
                DeliveryStatus.RECEIVED, AT, AT, null, null, Map.of());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Please call me ASAP | true",
            "URGENT: swelling around my eye | true",
            "Is there bleeding after microneedling? | true",
            "Can I book an emergency slot | true",
            "What are your opening hours? | false",
            "I feel no urgency at all | false",
            "Swellingly vague word | false"})
    void matchesWholeKeywordsIgnoringCase(String body, boolean urgent) {
        assertThat(classifier.isUrgent(CONVERSATION, inbound(body))).isEqualTo(urgent);
    }
}
