package dev.threadline.messaging.openai;

import static dev.threadline.messaging.openai.Fixtures.conversation;
import static dev.threadline.messaging.openai.Fixtures.fromCustomer;
import static dev.threadline.messaging.openai.Fixtures.inbound;
import static dev.threadline.messaging.openai.OpenAiResponderRequestTest.turns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi.ToolCall;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The tool loop: results back to the model, failures reported to it, and the bound on rounds. */
class OpenAiResponderToolLoopTest {

    private static final String DATE_SCHEMA = "{\"type\":\"object\",\"properties\":{\"date\":{\"type\":\"string\"}},\"required\":[\"date\"]}";

    @AutoClose
    private final FakeChatCompletionsApi server = new FakeChatCompletionsApi();

    @Test
    void toolResultGoesBackToTheModelUnderTheCallsId() {
        Conversation conversation = conversation(ChannelId.SMS);
        var runner = new Fixtures.RecordingRunner("{\"slots\":[\"10:00\"]}");
        server.answerToolCalls(new ToolCall("call_1", "check_availability", "{\"date\":\"2026-11-27\"}"))
                .answer("10:00 is free on Friday.");

        String reply;
        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).build())) {
            reply = responder.respond(new AiRequest(conversation, List.of(fromCustomer(conversation, "m1", 0, "Friday?")),
                    List.of(), List.of(Fixtures.tool("check_availability", DATE_SCHEMA)), runner)).content();
        }

        assertThat(runner.calls).containsExactly("call_1 check_availability {\"date\":\"2026-11-27\"}");
        assertThat(turns(server.request(1).json())).endsWith(
                "assistant calls call_1 check_availability {\"date\":\"2026-11-27\"}",
                "tool call_1: {\"slots\":[\"10:00\"]}");
        assertThat(reply).isEqualTo("10:00 is free on Friday.");
    }

    @Test
    void parallelToolCallsAreAllAnsweredBeforeTheNextRequest() {
        Conversation conversation = conversation(ChannelId.SMS);
        var runner = new Fixtures.RecordingRunner("{\"slots\":[]}");
        server.answerToolCalls(new ToolCall("call_a", "check_availability", "{\"date\":\"2026-11-27\"}"),
                        new ToolCall("call_b", "check_availability", "{\"date\":\"2026-11-28\"}"))
                .answer("Nothing free, sorry.");

        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).build())) {
            responder.respond(new AiRequest(conversation, List.of(fromCustomer(conversation, "m1", 0, "Fri or Sat?")),
                    List.of(), List.of(Fixtures.tool("check_availability", DATE_SCHEMA)), runner));
        }

        assertThat(turns(server.request(1).json())).endsWith(
                "assistant calls call_a check_availability {\"date\":\"2026-11-27\"}",
                "assistant calls call_b check_availability {\"date\":\"2026-11-28\"}",
                "tool call_a: {\"slots\":[]}",
                "tool call_b: {\"slots\":[]}");
    }

    @Test
    void loopStopsAfterMaxToolIterationsAndAsksForAnAnswerWithoutTools() {
        Conversation conversation = conversation(ChannelId.SMS);
        var runner = new Fixtures.RecordingRunner("{}");
        server.answerToolCalls(new ToolCall("call_1", "check_availability", "{\"date\":\"2026-11-27\"}"))
                .answerToolCalls(new ToolCall("call_2", "check_availability", "{\"date\":\"2026-11-28\"}"))
                .answer("Please call us to book.");

        String reply;
        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).maxToolIterations(2).build())) {
            reply = responder.respond(new AiRequest(conversation, List.of(fromCustomer(conversation, "m1", 0, "Any time?")),
                    List.of(), List.of(Fixtures.tool("check_availability", DATE_SCHEMA)), runner)).content();
        }

        assertThat(server.requests()).extracting(r -> r.json().path("tool_choice").asText()).containsExactly("auto", "auto", "none");
        assertThat(runner.calls).hasSize(2);
        assertThat(reply).isEqualTo("Please call us to book.");
    }

    @Test
    void toolCallsAfterTheLastRoundAreNotRunAndTheFallbackReplyIsUsed() {
        Conversation conversation = conversation(ChannelId.SMS);
        var runner = new Fixtures.RecordingRunner("{}");
        server.answerToolCalls(new ToolCall("call_1", "check_availability", "{\"date\":\"2026-11-27\"}"))
                .answerToolCalls(new ToolCall("call_2", "check_availability", "{\"date\":\"2026-11-28\"}"));

        String reply;
        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).maxToolIterations(1).fallbackReply("We'll text you back shortly.").build())) {
            reply = responder.respond(new AiRequest(conversation, List.of(fromCustomer(conversation, "m1", 0, "Any time?")),
                    List.of(), List.of(Fixtures.tool("check_availability", DATE_SCHEMA)), runner)).content();
        }

        assertThat(runner.calls).hasSize(1);
        assertThat(reply).isEqualTo("We'll text you back shortly.");
    }

    @Test
    void malformedArgumentsAreReportedToTheModelAndNeverToTheCustomer() {
        server.answerToolCalls(new ToolCall("call_1", "check_availability", "{\"date\": 2026-11-27"))
                .answer("Which date did you mean?");
        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).build());
             var channel = new SimulatorChannel(ChannelId.SMS);
             var manager = manager(responder, channel, tool("check_availability", invocation -> "{\"slots\":[]}"))) {

            ReceiveResult result = manager.receive(inbound("Free Friday?"));

            assertThat(turns(server.request(1).json()).get(turns(server.request(1).json()).size() - 1))
                    .startsWith("tool call_1: malformed arguments");
            assertThat(result.aiReply()).extracting(Message::body).isEqualTo("Which date did you mean?");
        }
    }

    @Test
    void toolFailureIsReportedToTheModelAsItsResult() {
        server.answerToolCalls(new ToolCall("call_1", "check_availability", "{\"date\":\"2026-11-27\"}"))
                .answer("Sorry, I can't see the calendar right now.");
        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).build());
             var channel = new SimulatorChannel(ChannelId.SMS);
             var manager = manager(responder, channel, tool("check_availability", invocation -> {
                 throw new IllegalStateException("calendar offline");
             }))) {

            manager.receive(inbound("Free Friday?"));

            assertThat(turns(server.request(1).json())).last().isEqualTo("tool call_1: tool failed: calendar offline");
        }
    }

    @Test
    void slowToolIsReportedToTheModelAsTimedOut() {
        CountDownLatch never = new CountDownLatch(1);
        server.answerToolCalls(new ToolCall("call_1", "check_availability", "{\"date\":\"2026-11-27\"}"))
                .answer("Sorry, the calendar is slow today.");
        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).build());
             var channel = new SimulatorChannel(ChannelId.SMS);
             var manager = MessageManager.builder().responder(responder).channel(channel).toolTimeout(Duration.ofMillis(200))
                     .tool(tool("check_availability", invocation -> String.valueOf(never.await(30, TimeUnit.SECONDS))))
                     .build()) {

            manager.receive(inbound("Free Friday?"));

            assertThat(turns(server.request(1).json())).last().isEqualTo("tool call_1: tool timed out after 200 ms");
        }
    }

    @Test
    void unknownToolIsReportedToTheModel() {
        server.answerToolCalls(new ToolCall("call_1", "cancel_everything", "{}")).answer("I can't do that, sorry.");
        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).build());
             var channel = new SimulatorChannel(ChannelId.SMS);
             var manager = manager(responder, channel, tool("check_availability", invocation -> "{}"))) {

            ReceiveResult result = manager.receive(inbound("Cancel everything"));

            assertThat(turns(server.request(1).json())).last().isEqualTo("tool call_1: unknown tool: cancel_everything");
            assertThat(result.aiReply()).extracting(Message::body).isEqualTo("I can't do that, sorry.");
        }
    }

    @Test
    void everyToolCallIsRecordedAsAConversationEvent() {
        server.answerToolCalls(new ToolCall("call_1", "check_availability", "{\"date\":\"2026-11-27\"}"))
                .answer("10:00 is free.");
        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).build());
             var channel = new SimulatorChannel(ChannelId.SMS);
             var manager = manager(responder, channel, tool("check_availability", invocation -> "{\"slots\":[\"10:00\"]}"))) {

            ReceiveResult result = manager.receive(inbound("Free Friday?"));

            assertThat(manager.events("tenant-1", result.conversation().id()))
                    .filteredOn(e -> e.type().equals(ConversationEvent.TOOL_CALL))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.data()).containsEntry("call_id", "call_1").containsEntry("tool", "check_availability");
                        assertThat(e.data()).containsEntry("result", "{\"slots\":[\"10:00\"]}");
                    });
        }
    }

    static MessageManager manager(OpenAiResponder responder, SimulatorChannel channel, AiTool... tools) {
        return MessageManager.builder().responder(responder).channel(channel).tools(List.of(tools)).build();
    }

    static AiTool tool(String name, AiTool.ToolExecutor executor) {
        return new AiTool(name, "Description of " + name, DATE_SCHEMA, false, executor);
    }
}
