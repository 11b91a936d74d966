package dev.threadline.messaging.openai;

import static dev.threadline.messaging.openai.Fixtures.conversation;
import static dev.threadline.messaging.openai.Fixtures.fromCustomer;
import static dev.threadline.messaging.openai.Fixtures.inbound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.offline.HeuristicSummarizer;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiSummarizerTest {

    private FakeChatCompletionsApi server;
    private OpenAiSummarizer summarizer;
    private final Conversation conversation = conversation(ChannelId.SMS);
    private final List<Message> messages = List.of(
            fromCustomer(conversation, "m1", 0, "Hi there!"),
            fromCustomer(conversation, "m2", 1, "Can I book a facial on Friday?"));

    @BeforeEach
    void start() {
        server = new FakeChatCompletionsApi();
        summarizer = new OpenAiSummarizer(OpenAiTestSettings.pointingAt(server).build());
    }

    @AfterEach
    void stop() {
        summarizer.close();
        server.close();
    }

    @Test
    void headlineComesFromTheModel() {
        server.answer("{\"headline\":\"Wants a facial on Friday\"}");

        assertThat(summarizer.headline(conversation, messages)).isEqualTo("Wants a facial on Friday");
    }

    @Test
    void headlineRequestForbidsGreetingsAndUsesAJsonSchema() {
        server.answer("{\"headline\":\"Wants a facial on Friday\"}");

        summarizer.headline(conversation, messages);

        var body = server.request(0).json();
        assertThat(body.path("messages").get(0).path("content").asText()).contains("Never answer with a greeting");
        assertThat(body.path("response_format").path("json_schema").path("name").asText()).isEqualTo("headline");
    }

    @Test
    void suggestionsReadOnlyWhatTheCustomerGot() {
        server.answer("{\"suggestions\":[\"Friday at 10 is free.\"]}");
        List<Message> withUnseen = List.of(
                fromCustomer(conversation, "m1", 0, "Can I book a facial on Friday?"),
                Fixtures.message(conversation, "m2", 1, Direction.OUTBOUND, Author.AI, "Draft text", DeliveryStatus.DRAFT),
                Fixtures.message(conversation, "m3", 2, Direction.OUTBOUND, Author.AI, "Discarded text", DeliveryStatus.CANCELED),
                Fixtures.message(conversation, "m4", 3, Direction.OUTBOUND, Author.STAFF, "Failed text", DeliveryStatus.FAILED),
                Fixtures.message(conversation, "m5", 4, Direction.OUTBOUND, Author.STAFF, "Later text", DeliveryStatus.SCHEDULED),
                Fixtures.message(conversation, "m6", 5, Direction.OUTBOUND, Author.STAFF, "Sent text", DeliveryStatus.SENT));

        summarizer.suggestReplies(conversation, withUnseen);

        String transcript = server.request(0).json().path("messages").get(1).path("content").asText();
        assertThat(transcript).contains("Can I book a facial on Friday?", "Sent text")
                .doesNotContain("Draft text", "Discarded text", "Failed text", "Later text");
    }

    @Test
    void bareGreetingHeadlineIsReplacedByTheHeuristicOne() {
        server.answer("{\"headline\":\"Hi there!\"}");

        assertThat(summarizer.headline(conversation, messages))
                .isEqualTo(new HeuristicSummarizer().headline(conversation, messages))
                .isEqualTo("Wants to book a facial on Friday");
    }

    @Test
    void unusableHeadlineAnswerIsReplacedByTheHeuristicOne() {
        server.answer("Sure! The customer wants a facial.");

        assertThat(summarizer.headline(conversation, messages)).isEqualTo("Wants to book a facial on Friday");
    }

    @Test
    void overlongHeadlineIsCut() {
        server.answer("{\"headline\":\"" + "Wants ".repeat(30) + "\"}");

        assertThat(summarizer.headline(conversation, messages)).hasSizeLessThanOrEqualTo(80).endsWith("…");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello!", "hey there 👋", "Customer says hi", "Greeting from the customer", "Good morning.",
            "The customer greeted the team"})
    void greetingsAreRecognised(String headline) {
        assertThat(OpenAiSummarizer.isBareGreeting(headline)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wants to book Botox", "Asks about opening hours", "Hello Kitty themed party booking"})
    void wantsAreNotMistakenForGreetings(String headline) {
        assertThat(OpenAiSummarizer.isBareGreeting(headline)).isFalse();
    }

    @Test
    void suggestionsAreDistinctAndAtMostThree() {
        server.answer("{\"suggestions\":[\"Friday 10:00 works!\",\"Friday 10:00 works!\",\"Shall I book 14:00?\","
                + "\" \",\"We also have Saturday.\",\"Anything else?\"]}");

        assertThat(summarizer.suggestReplies(conversation, messages))
                .containsExactly("Friday 10:00 works!", "Shall I book 14:00?", "We also have Saturday.");
    }

    @Test
    void noSuggestionsFromTheModelGivesTheHeuristicOnes() {
        server.answer("{\"suggestions\":[]}");

        assertThat(summarizer.suggestReplies(conversation, messages))
                .isEqualTo(new HeuristicSummarizer().suggestReplies(conversation, messages))
                .isNotEmpty();
    }

    @Test
    void managerHeadlineComesFromTheSummarizer() {
        server.answer("{\"headline\":\"Wants a facial on Friday\"}");
        try (var channel = new SimulatorChannel(ChannelId.SMS);
             var manager = MessageManager.builder().channel(channel).summarizer(summarizer).build()) {

            var received = manager.receive(inbound("Can I get a facial Friday?"));

            assertThat(manager.getConversation("tenant-1", received.conversation().id()).conversation().headline())
                    .isEqualTo("Wants a facial on Friday");
        }
    }
}
