package dev.threadline.messaging.openai;

import static dev.threadline.messaging.openai.Fixtures.conversation;
import static dev.threadline.messaging.openai.Fixtures.fromAi;
import static dev.threadline.messaging.openai.Fixtures.fromCustomer;
import static dev.threadline.messaging.openai.Fixtures.request;
import static dev.threadline.messaging.openai.Fixtures.toolEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the responder sends: system prompt, history, replayed tool calls, tool schemas and settings. */
class OpenAiResponderRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERSONA = "You are Glow Spa's assistant. We are open 9 to 5.";

    private FakeChatCompletionsApi server;
    private OpenAiResponder responder;

    @BeforeEach
    void start() {
        server = new FakeChatCompletionsApi();
        responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).persona(PERSONA).temperature(0.2).build());
    }

    @AfterEach
    void stop() {
        responder.close();
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "sms, no markdown",
            "email, greeting",
            "email, sign-off",
            "voice, spoken aloud",
            "whatsapp, WhatsApp",
            "chat, live web chat",
            "kiosk, plain text"})
    void systemPromptAppendsTheChannelGuidanceToThePersona(String channel, String expectedGuidance) {
        Conversation conversation = conversation(new ChannelId(channel));
        server.answer("Hello!");

        responder.respond(request(conversation, List.of(fromCustomer(conversation, "m1", 0, "Hi")))).content();

        String system = systemPrompt(server.request(0).json());
        assertThat(system).startsWith(PERSONA).contains(expectedGuidance);
    }

    @Test
    void systemPromptNamesTheCustomerChannelAndSubject() {
        Conversation conversation = conversation(ChannelId.EMAIL);
        server.answer("Dear Dana, …");

        responder.respond(request(conversation, List.of(fromCustomer(conversation, "m1", 0, "Can I book?"))));

        assertThat(systemPrompt(server.request(0).json()))
                .contains("Customer name: Dana Reyes", "Channel: email", "Subject: Facial appointment");
    }

    @Test
    void historyIsSentInOrderAsUserAndAssistantTurns() {
        Conversation conversation = conversation(ChannelId.SMS);
        server.answer("See you then!");

        responder.respond(request(conversation, List.of(
                fromCustomer(conversation, "m1", 0, "Do you do facials?"),
                fromAi(conversation, "m2", 1, "Yes, $80 for 60 minutes."),
                fromCustomer(conversation, "m3", 2, "Great, Friday?"))));

        assertThat(turns(server.request(0).json())).containsExactly(
                "system",
                "user: Do you do facials?",
                "assistant: Yes, $80 for 60 minutes.",
                "user: Great, Friday?");
    }

    @Test
    void earlierToolCallsAreReplayedWhereTheyHappened() {
        Conversation conversation = conversation(ChannelId.SMS);
        List<Message> history = List.of(
                fromCustomer(conversation, "m1", 0, "Anything free Friday?"),
                fromAi(conversation, "m3", 2, "10:00 or 14:00 on Friday."),
                fromCustomer(conversation, "m4", 3, "14:00 please"));
        var earlierCall = toolEvent(conversation, "e2", 1, "call_7", "check_availability", "{\"date\":\"2026-11-27\"}",
                "{\"slots\":[\"10:00\",\"14:00\"]}");
        server.answer("Booked!");

        responder.respond(new AiRequest(conversation, history, List.of(earlierCall), List.of(), new Fixtures.RecordingRunner("{}")));

        assertThat(turns(server.request(0).json())).containsExactly(
                "system",
                "user: Anything free Friday?",
                "assistant calls call_7 check_availability {\"date\":\"2026-11-27\"}",
                "tool call_7: {\"slots\":[\"10:00\",\"14:00\"]}",
                "assistant: 10:00 or 14:00 on Friday.",
                "user: 14:00 please");
    }

    @Test
    void failedEarlierToolCallIsReplayedWithItsErrorAndEmptyArguments() {
        Conversation conversation = conversation(ChannelId.SMS);
        var failed = new dev.threadline.messaging.ConversationEvent("e2", "tenant-1", "conv-1",
                dev.threadline.messaging.ConversationEvent.TOOL_CALL,
                java.util.Map.of("call_id", "call_9", "tool", "check_availability", "arguments", "{oops",
                        "result", "", "error", "malformed arguments: expected a JSON object matching the tool's schema"),
                Fixtures.T0.plusSeconds(30));
        server.answer("Which day?");

        responder.respond(new AiRequest(conversation, List.of(fromCustomer(conversation, "m1", 0, "Free slots?")), List.of(failed),
                List.of(), new Fixtures.RecordingRunner("{}")));

        assertThat(turns(server.request(0).json())).containsSubsequence(
                "assistant calls call_9 check_availability {}",
                "tool call_9: malformed arguments: expected a JSON object matching the tool's schema");
    }

    @Test
    void hostToolsAreOfferedAsFunctionsWithTheirSchemas() {
        Conversation conversation = conversation(ChannelId.SMS);
        String schema = "{\"type\":\"object\",\"properties\":{\"date\":{\"type\":\"string\",\"format\":\"date\"}},\"required\":[\"date\"]}";
        server.answer("Which day?");

        responder.respond(new AiRequest(conversation, List.of(fromCustomer(conversation, "m1", 0, "Free slots?")), List.of(),
                List.of(Fixtures.tool("check_availability", schema)), new Fixtures.RecordingRunner("{}")));

        JsonNode tool = server.request(0).json().path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("function");
        assertThat(tool.path("function").path("name").asText()).isEqualTo("check_availability");
        assertThat(tool.path("function").path("description").asText()).isEqualTo("Description of check_availability");
        assertThat(tool.path("function").path("parameters")).isEqualTo(json(schema));
        assertThat(server.request(0).json().path("tool_choice").asText()).isEqualTo("auto");
    }

    @Test
    void withoutHostToolsNoToolsAreDeclared() {
        Conversation conversation = conversation(ChannelId.SMS);
        server.answer("Hi!");

        responder.respond(request(conversation, List.of(fromCustomer(conversation, "m1", 0, "Hi"))));

        assertThat(server.request(0).json().has("tools")).isFalse();
        assertThat(server.request(0).json().has("tool_choice")).isFalse();
    }

    @Test
    void modelTemperatureAndChannelTokenLimitComeFromSettings() {
        Conversation conversation = conversation(ChannelId.SMS);
        server.answer("Hi!");

        responder.respond(request(conversation, List.of(fromCustomer(conversation, "m1", 0, "Hi"))));

        JsonNode body = server.request(0).json();
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(250);
    }

    @Test
    void apiKeyIsSentAsBearerToken() {
        Conversation conversation = conversation(ChannelId.SMS);
        server.answer("Hi!");

        responder.respond(request(conversation, List.of(fromCustomer(conversation, "m1", 0, "Hi"))));

        assertThat(server.onlyRequest().header("Authorization")).isEqualTo("Bearer test-key");
    }

    @Test
    void replyIsTheModelsTextWithoutSurroundingWhitespace() {
        Conversation conversation = conversation(ChannelId.SMS);
        server.answer("  We're open 9 to 5.\n");

        String reply = responder.respond(request(conversation, List.of(fromCustomer(conversation, "m1", 0, "Hours?")))).content();

        assertThat(reply).isEqualTo("We're open 9 to 5.");
    }

    static String systemPrompt(JsonNode body) {
        JsonNode first = body.path("messages").get(0);
        assertThat(first.path("role").asText()).isEqualTo("system");
        return first.path("content").asText();
    }

    /** Each message of a request body as one line: role, and content or tool calls. */
    static List<String> turns(JsonNode body) {
        List<String> turns = new ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            String role = m.path("role").asText();
            if (role.equals("system")) {
                turns.add("system");
            } else if (role.equals("tool")) {
                turns.add("tool " + m.path("tool_call_id").asText() + ": " + m.path("content").asText());
            } else if (m.has("tool_calls") && !m.path("tool_calls").isEmpty()) {
                for (JsonNode call : m.path("tool_calls")) {
                    turns.add("assistant calls " + call.path("id").asText() + " " + call.path("function").path("name").asText()
                            + " " + call.path("function").path("arguments").asText());
                }
            } else {
                turns.add(role + ": " + m.path("content").asText());
            }
        }
        return turns;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
