package dev.threadline.messaging.openai;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spi.ToolRunner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Small builders for conversations, messages and requests used across the tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private Fixtures() {
    }

    static Conversation conversation(ChannelId channel) {
        return new Conversation("conv-1", "tenant-1", channel, "contact-1", "Dana Reyes", "+15551234567", "dana@example.com",
                null, "key", ConversationStatus.ACTIVE, channel.equals(ChannelId.EMAIL) ? "Facial appointment" : null, null,
                T0, T0, 0, 0, null, null, "default", null, null, null, Map.of(), 0);
    }

    /** A customer's SMS as the manager receives it, from the same customer as {@link #conversation}. */
    static InboundMessage inbound(String body) {
        return InboundMessage.builder("tenant-1", ChannelId.SMS).customerName("Dana Reyes").customerPhone("+15551234567")
                .body(body).build();
    }

    static Message fromCustomer(Conversation conversation, String id, int minute, String body) {
        return message(conversation, id, minute, Direction.INBOUND, Author.CUSTOMER, body, DeliveryStatus.RECEIVED);
    }

    static Message fromAi(Conversation conversation, String id, int minute, String body) {
        return message(conversation, id, minute, Direction.OUTBOUND, Author.AI, body, DeliveryStatus.DELIVERED);
    }

    static Message message(Conversation conversation, String id, int minute, Direction direction, Author author, String body,
                           DeliveryStatus status) {
        Instant at = T0.plusSeconds(60L * minute);
        return new Message(id, conversation.tenantId(), conversation.id(), conversation.channel(), direction, author, body,
                null, List.of(), null, null, status, at, at, null, null, Map.of());
    }

    static ConversationEvent toolEvent(Conversation conversation, String id, int minute, String callId, String tool,
                                       String arguments, String result) {
        return new ConversationEvent(id, conversation.tenantId(), conversation.id(), ConversationEvent.TOOL_CALL,
                Map.of("call_id", callId, "tool", tool, "arguments", arguments, "result", result, "idempotency_key", "",
                        "replayed", false),
                T0.plusSeconds(60L * minute));
    }

    static AiRequest request(Conversation conversation, List<Message> history) {
        return new AiRequest(conversation, history, List.of(), List.of(), new RecordingRunner("{}"));
    }

    static AiTool tool(String name, String schema) {
        return new AiTool(name, "Description of " + name, schema, false, invocation -> "{}");
    }

    /** A tool runner that answers every call with a fixed result and remembers what was asked. */
    static final class RecordingRunner implements ToolRunner {
        private final String result;
        final List<String> calls = new CopyOnWriteArrayList<>();

        RecordingRunner(String result) {
            this.result = result;
        }

        @Override
        public ToolResult run(String callId, String toolName, String argumentsJson) {
            calls.add(callId + " " + toolName + " " + argumentsJson);
            return new ToolResult(callId, toolName, result, false);
        }
    }
}
