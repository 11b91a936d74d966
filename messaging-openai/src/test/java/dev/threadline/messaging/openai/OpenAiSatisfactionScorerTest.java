package dev.threadline.messaging.openai;

import static dev.threadline.messaging.openai.Fixtures.conversation;
import static dev.threadline.messaging.openai.Fixtures.fromAi;
import static dev.threadline.messaging.openai.Fixtures.fromCustomer;
import static dev.threadline.messaging.openai.Fixtures.inbound;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.Satisfaction;
import dev.threadline.messaging.Sentiment;
import dev.threadline.messaging.offline.HeuristicSatisfactionScorer;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiSatisfactionScorerTest {

    private FakeChatCompletionsApi server;
    private OpenAiSatisfactionScorer scorer;

    @BeforeEach
    void start() {
        server = new FakeChatCompletionsApi();
        scorer = new OpenAiSatisfactionScorer(OpenAiTestSettings.pointingAt(server).build());
    }

    @AfterEach
    void stop() {
        scorer.close();
        server.close();
    }

    @Test
    void requestAsksForTheSatisfactionJsonSchema() {
        Conversation conversation = conversation(ChannelId.SMS);
        server.answer("{\"score\":4,\"sentiment\":\"positive\",\"outcome\":\"booked\",\"reason\":\"Booked happily.\"}");

        scorer.score(conversation, List.of(fromCustomer(conversation, "m1", 0, "Thanks, booked!")));

        JsonNode format = server.request(0).json().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema").path("required"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("score", "sentiment", "outcome", "reason");
        assertThat(format.path("json_schema").path("schema").path("properties").path("sentiment").path("enum"))
                .extracting(JsonNode::asText).containsExactly("positive", "neutral", "negative");
    }

    @Test
    void transcriptListsTheMessagesInOrderWithWhoWroteThem() {
        Conversation conversation = conversation(ChannelId.EMAIL);
        server.answer("{\"score\":4,\"sentiment\":\"positive\",\"outcome\":\"booked\",\"reason\":\"Booked.\"}");

        scorer.score(conversation, List.of(
                fromCustomer(conversation, "m1", 0, "Can I book a facial?"),
                fromAi(conversation, "m2", 1, "Booked for Friday."),
                fromCustomer(conversation, "m3", 2, "Thank you!")));

        String transcript = server.request(0).json().path("messages").get(1).path("content").asText();
        assertThat(transcript).contains("Channel: email")
                .containsSubsequence("Customer: Can I book a facial?", "Assistant: Booked for Friday.", "Customer: Thank you!");
    }

    @Test
    void draftsAndDiscardedRepliesAreNotJudged() {
        Conversation conversation = conversation(ChannelId.SMS);
        server.answer("{\"score\":3,\"sentiment\":\"neutral\",\"outcome\":\"unresolved\",\"reason\":\"Waiting.\"}");

        scorer.score(conversation, List.of(
                fromCustomer(conversation, "m1", 0, "Price of a facial?"),
                Fixtures.message(conversation, "m2", 1, Direction.OUTBOUND, Author.AI, "Unsent draft text", DeliveryStatus.DRAFT)));

        assertThat(server.request(0).json().path("messages").get(1).path("content").asText()).doesNotContain("Unsent draft text");
    }

    @Test
    void wellFormedAnswerIsReturnedAsIs() {
        Conversation conversation = conversation(ChannelId.SMS);
        server.answer("{\"score\":4.5,\"sentiment\":\"positive\",\"outcome\":\"booked\",\"reason\":\"Customer booked and thanked us.\"}");

        Satisfaction satisfaction = scorer.score(conversation, List.of(fromCustomer(conversation, "m1", 0, "Thanks, see you Friday!")));

        assertThat(satisfaction).isEqualTo(new Satisfaction(4.5, Sentiment.POSITIVE, "booked", "Customer booked and thanked us."));
    }

    @Test
    void outOfRangeScoreIsClampedAndLabelsAreNormalised() {
        Conversation conversation = conversation(ChannelId.SMS);
        server.answer("{\"score\":9.37,\"sentiment\":\"ecstatic\",\"outcome\":\"Booked Appointment!\",\"reason\":\"Loved it.\\nWill return.\"}");

        Satisfaction satisfaction = scorer.score(conversation, List.of(fromCustomer(conversation, "m1", 0, "Amazing, booked!")));

        assertThat(satisfaction).isEqualTo(new Satisfaction(5.0, Sentiment.POSITIVE, "booked_appointment", "Loved it. Will return."));
    }

    @Test
    void scoreBelowOneIsClampedToOne() {
        Conversation conversation = conversation(ChannelId.SMS);
        server.answer("{\"score\":-2,\"sentiment\":\"negative\",\"outcome\":\"escalated\",\"reason\":\"Angry.\"}");

        assertThat(scorer.score(conversation, List.of(fromCustomer(conversation, "m1", 0, "Terrible service"))).score()).isEqualTo(1.0);
    }

    @Test
    void answerWithoutAScoreFallsBackToTheHeuristicScorer() {
        Conversation conversation = conversation(ChannelId.SMS);
        List<Message> messages = List.of(fromCustomer(conversation, "m1", 0, "Thanks, that was great!"));
        server.answer("The customer seems happy.");

        Satisfaction satisfaction = scorer.score(conversation, messages);

        assertThat(satisfaction).isEqualTo(new HeuristicSatisfactionScorer().score(conversation, messages));
    }

    @Test
    void jsonInACodeFenceIsAccepted() {
        Conversation conversation = conversation(ChannelId.SMS);
        server.answer("```json\n{\"score\":2,\"sentiment\":\"negative\",\"outcome\":\"unresolved\",\"reason\":\"No slot found.\"}\n```");

        assertThat(scorer.score(conversation, List.of(fromCustomer(conversation, "m1", 0, "Nothing free?"))).outcome()).isEqualTo("unresolved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sms", "email", "voice", "whatsapp", "chat"})
    void singleMessageConversationIsScoredOnEveryChannel(String channel) {
        Conversation conversation = conversation(new ChannelId(channel));
        server.answer("{\"score\":3,\"sentiment\":\"neutral\",\"outcome\":\"question_asked\",\"reason\":\"Only asked a question.\"}");

        Satisfaction satisfaction = scorer.score(conversation, List.of(fromCustomer(conversation, "m1", 0, "How much is a facial?")));

        assertThat(server.request(0).json().path("messages").get(1).path("content").asText()).contains("Channel: " + channel);
        assertThat(satisfaction.outcome()).isEqualTo("question_asked");
    }

    @Test
    void conversationWithNothingExchangedIsScoredWithoutTheModel() {
        Conversation conversation = conversation(ChannelId.SMS);

        scorer.score(conversation, List.of());

        assertThat(server.requests()).isEmpty();
    }

    @Test
    void managerStoresTheModelsScoreOnTheConversation() {
        server.answer("{\"score\":4,\"sentiment\":\"positive\",\"outcome\":\"question_answered\",\"reason\":\"Got the hours.\"}");
        try (var channel = new SimulatorChannel(ChannelId.SMS);
             var manager = MessageManager.builder().channel(channel).scorer(scorer).build()) {
            var received = manager.receive(inbound("When are you open?"));

            manager.score("tenant-1", received.conversation().id());

            assertThat(manager.getConversation("tenant-1", received.conversation().id()).conversation().satisfaction())
                    .isEqualTo(new Satisfaction(4.0, Sentiment.POSITIVE, "question_answered", "Got the hours."));
        }
    }
}
