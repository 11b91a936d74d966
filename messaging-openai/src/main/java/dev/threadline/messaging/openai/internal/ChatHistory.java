package dev.threadline.messaging.openai.internal;

import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A conversation as Chat Completions messages: customer messages as {@code user}, ours as {@code assistant},
 * and each recorded tool call rebuilt as an assistant {@code tool_calls} message followed by its {@code tool}
 * result, placed where it happened among the messages (by time, then by time-ordered id).
 */
public final class ChatHistory {

    private record Position(Instant at, String id) implements Comparable<Position> {
        private static final Comparator<Position> ORDER = Comparator.comparing(Position::at).thenComparing(Position::id);

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    private ChatHistory() {
    }

    /** Messages in arrival order with the tool calls that happened between them. */
    public static List<ChatCompletionMessageParam> of(List<Message> messages, List<ConversationEvent> toolCalls) {
        Deque<ConversationEvent> pending = new ArrayDeque<>(toolCalls.stream()
                .filter(e -> ConversationEvent.TOOL_CALL.equals(e.type()))
                .sorted(Comparator.comparing(ChatHistory::position))
                .toList());
        if (!messages.isEmpty()) {
            // Calls before the oldest message in the window belong to turns the window no longer shows.
            Position first = position(messages.get(0));
            while (!pending.isEmpty() && position(pending.peekFirst()).compareTo(first) < 0) {
                pending.removeFirst();
            }
        }
        List<ChatCompletionMessageParam> params = new ArrayList<>();
        for (Message message : messages) {
            Position at = position(message);
            while (!pending.isEmpty() && position(pending.peekFirst()).compareTo(at) < 0) {
                addToolCall(params, pending.removeFirst());
            }
            params.add(toParam(message));
        }
        pending.forEach(event -> addToolCall(params, event));
        return params;
    }

    private static Position position(Message message) {
        return new Position(message.createdAt(), message.id());
    }

    private static Position position(ConversationEvent event) {
        return new Position(event.occurredAt(), event.id());
    }

    private static ChatCompletionMessageParam toParam(Message message) {
        String text = message.body();
        if (!message.mediaUrls().isEmpty()) {
            text = (text.isBlank() ? "" : text + "\n") + "[" + message.mediaUrls().size() + " attachment(s)]";
        }
        if (message.direction() == Direction.INBOUND) {
            return ChatCompletionMessageParam.ofUser(ChatCompletionUserMessageParam.builder().content(text).build());
        }
        return ChatCompletionMessageParam.ofAssistant(ChatCompletionAssistantMessageParam.builder().content(text).build());
    }

    private static void addToolCall(List<ChatCompletionMessageParam> params, ConversationEvent event) {
        String callId = text(event, "call_id");
        if (callId.isBlank()) {
            callId = "call_" + event.id();
        }
        String arguments = text(event, "arguments");
        ChatCompletionMessageFunctionToolCall call = ChatCompletionMessageFunctionToolCall.builder()
                .id(callId)
                .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                        .name(text(event, "tool"))
                        // Malformed arguments were already answered with an error; replay them as an empty object.
                        .arguments(Json.parseObject(arguments).isPresent() ? arguments : "{}")
                        .build())
                .build();
        params.add(ChatCompletionMessageParam.ofAssistant(ChatCompletionAssistantMessageParam.builder().addToolCall(call).build()));
        String error = text(event, "error");
        String result = error.isBlank() ? text(event, "result") : error;
        params.add(ChatCompletionMessageParam.ofTool(ChatCompletionToolMessageParam.builder()
                .toolCallId(callId)
                .content(result.isBlank() ? "(no result)" : result)
                .build()));
    }

    private static String text(ConversationEvent event, String key) {
        Object value = event.data().get(key);
        return value == null ? "" : value.toString();
    }
}
