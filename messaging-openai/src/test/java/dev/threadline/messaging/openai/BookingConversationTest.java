package dev.threadline.messaging.openai;

import static dev.threadline.messaging.openai.Fixtures.inbound;
import static dev.threadline.messaging.openai.OpenAiResponderRequestTest.turns;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi.ToolCall;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spi.ToolInvocation;
import dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer books a facial over SMS: the model checks availability, offers the slots, the customer picks
 * one, the model books it. The customer then confirms again and the model repeats the booking call, twice
 * in one answer; the appointment still exists once.
 */
class BookingConversationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRIDAY = "2026-11-27";
    private static final String BOOK_ARGUMENTS = "{\"date\":\"" + FRIDAY + "\",\"time\":\"14:00\",\"name\":\"Dana Reyes\"}";

    /** The host's calendar: open slots per day and the appointments booked. */
    static final class Calendar {
        private final Map<String, List<String>> open = Map.of(FRIDAY, new CopyOnWriteArrayList<>(List.of("10:00", "14:00")));
        final List<String> appointments = new CopyOnWriteArrayList<>();

        String availability(ToolInvocation call) {
            String date = call.arguments().path("date").asText();
            return JSON.createObjectNode().put("date", date)
                    .set("slots", JSON.valueToTree(open.getOrDefault(date, List.of()))).toString();
        }

        String book(ToolInvocation call) {
            JsonNode args = call.arguments();
            String date = args.path("date").asText();
            String time = args.path("time").asText();
            if (!open.getOrDefault(date, List.of()).remove(time)) {
                throw new IllegalArgumentException(date + " " + time + " is not available");
            }
            appointments.add(date + " " + time + " " + args.path("name").asText());
            return "{\"confirmation\":\"BK-" + appointments.size() + "\",\"date\":\"" + date + "\",\"time\":\"" + time + "\"}";
        }
    }

    private static final String AVAILABILITY_SCHEMA = """
            {"type":"object","properties":{"date":{"type":"string","description":"YYYY-MM-DD"}},"required":["date"]}""";
    private static final String BOOKING_SCHEMA = """
            {"type":"object","properties":{"date":{"type":"string"},"time":{"type":"string"},"name":{"type":"string"}},
             "required":["date","time","name"]}""";

    private final Calendar calendar = new Calendar();
    private FakeChatCompletionsApi server;
    private OpenAiResponder responder;
    private SimulatorChannel channel;
    private MessageManager manager;
    private String conversationId;

    @BeforeEach
    void start() {
        server = new FakeChatCompletionsApi();
        responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).build());
        channel = new SimulatorChannel(ChannelId.SMS);
        manager = MessageManager.builder().responder(responder).channel(channel)
                .tool(new AiTool("check_availability", "Open appointment slots on a date", AVAILABILITY_SCHEMA, false, calendar::availability))
                .tool(new AiTool("book_appointment", "Books a slot for the customer", BOOKING_SCHEMA, true, calendar::book))
                .build();
    }

    @AfterEach
    void stop() {
        manager.close();
        channel.close();
        responder.close();
        server.close();
    }

    @Test
    void modelOffersTheOpenSlotsThenBooksThePickedOne() {
        askAndPick();

        assertThat(sentReplies()).containsExactly(
                "I have 10:00 or 14:00 on Friday. Which suits you?",
                "You're booked for Friday at 14:00. See you then!");
        assertThat(calendar.appointments).containsExactly(FRIDAY + " 14:00 Dana Reyes");
    }

    @Test
    void laterTurnsSeeTheEarlierAvailabilityResult() {
        askAndPick();

        assertThat(turns(server.request(2).json())).containsExactly(
                "system",
                "user: Hi, can I book a facial on Friday?",
                "assistant calls call_1 check_availability {\"date\":\"" + FRIDAY + "\"}",
                "tool call_1: {\"date\":\"" + FRIDAY + "\",\"slots\":[\"10:00\",\"14:00\"]}",
                "assistant: I have 10:00 or 14:00 on Friday. Which suits you?",
                "user: 14:00 please");
    }

    @Test
    void confirmingTwiceWithRepeatedBookingCallsBooksOnce() {
        askAndPick();
        server.answerToolCalls(new ToolCall("call_3", "book_appointment", BOOK_ARGUMENTS),
                        new ToolCall("call_4", "book_appointment", BOOK_ARGUMENTS))
                .answer("All set, Friday at 14:00.");

        customerSays("Yes please confirm 14:00!");

        assertThat(calendar.appointments).containsExactly(FRIDAY + " 14:00 Dana Reyes");
        assertThat(turns(server.lastRequest().json())).endsWith(
                "tool call_3: {\"confirmation\":\"BK-1\",\"date\":\"" + FRIDAY + "\",\"time\":\"14:00\"}",
                "tool call_4: {\"confirmation\":\"BK-1\",\"date\":\"" + FRIDAY + "\",\"time\":\"14:00\"}");
    }

    @Test
    void repeatedBookingCallsAreRecordedAsReplays() {
        askAndPick();
        server.answerToolCalls(new ToolCall("call_3", "book_appointment", BOOK_ARGUMENTS)).answer("All set.");

        customerSays("Confirm again please");

        assertThat(manager.events("tenant-1", conversationId))
                .filteredOn(e -> ConversationEvent.TOOL_CALL.equals(e.type()) && "book_appointment".equals(e.data().get("tool")))
                .extracting(e -> e.data().get("call_id") + " replayed=" + e.data().get("replayed"))
                .containsExactly("call_2 replayed=false", "call_3 replayed=true");
    }

    /** The customer asks for Friday and picks 14:00; the scripted model checks, offers and books. */
    private void askAndPick() {
        server.answerToolCalls(new ToolCall("call_1", "check_availability", "{\"date\":\"" + FRIDAY + "\"}"))
                .answer("I have 10:00 or 14:00 on Friday. Which suits you?")
                .answerToolCalls(new ToolCall("call_2", "book_appointment", BOOK_ARGUMENTS))
                .answer("You're booked for Friday at 14:00. See you then!");
        customerSays("Hi, can I book a facial on Friday?");
        customerSays("14:00 please");
    }

    private void customerSays(String text) {
        var result = manager.receive(inbound(text));
        assertThat(result.aiError()).isNull();
        conversationId = result.conversation().id();
        manager.deliverDue();
    }

    private List<String> sentReplies() {
        List<String> bodies = new ArrayList<>();
        channel.sent().forEach(d -> bodies.add(d.message().body()));
        return bodies;
    }
}
