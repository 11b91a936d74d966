package dev.threadline.messaging.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeuristicSummarizerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hi there!|Can I book Botox Friday?|Wants to book Botox Friday",
            "Hello|I'd like to reschedule my facial|Wants to reschedule my facial",
            "Good morning!|I need a chemical peel before my wedding|Wants a chemical peel before my wedding",
            "Hey. How much is a HydraFacial?|-|Asks: How much is a HydraFacial?",
            "hi|My appointment is running late|My appointment is running late",
            "Hello, I'm interested in lip filler|-|Wants lip filler",
            "Hi there, what does a HydraFacial include?|-|Asks: What does a HydraFacial include?",
            "Good morning - can I book a facial for Saturday?|-|Wants to book a facial for Saturday",
    })
    void headlineIsTheFirstWantNotTheGreeting(String first, String second, String expected) {
        assertThat(new HeuristicSummarizer().headline(conversation(), inbound(first, second))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Hi there!", "Hello", "hey team", "Good evening."})
    void greetingOnlyConversationsGetANeutralHeadline(String greeting) {
        assertThat(new HeuristicSummarizer().headline(conversation(), inbound(greeting, "-"))).isEqualTo("New conversation");
    }

    private static Conversation conversation() {
        return new Conversation("c1", "t", ChannelId.SMS, "k1", "Ana", "+15551234567", null, null, "key",
                ConversationStatus.ACTIVE, null, null, NOW, NOW, 0, 0, null, null, "default", null, null, null, Map.of(), 0);
    }

    private static List<Message> inbound(String... bodies) {
        return Arrays.stream(bodies).filter(b -> !b.equals("-"))
                .map(b -> new Message("m-" + b.hashCode(), "t", "c1", ChannelId.SMS, Direction.INBOUND, Author.CUSTOMER, b, null,
                        List.of(), null, null, DeliveryStatus.RECEIVED, NOW, NOW, null, null, Map.of()))
                .toList();
    }
}
