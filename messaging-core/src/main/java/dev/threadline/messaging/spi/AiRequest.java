package dev.threadline.messaging.spi;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.Message;
import java.util.List;
import java.util.Objects;

/**
 * Input to an {@link AiResponder}.
 *
 * @param history the conversation's recent messages in arrival order (drafts and canceled messages excluded)
 * @param toolCalls earlier {@link ConversationEvent#TOOL_CALL} events in order, so a responder can replay
 *        its own tool results on later turns
 * @param tools the host's tools
 * @param toolRunner runs a tool by name and records the call
 */
public record AiRequest(Conversation conversation, List<Message> history, List<ConversationEvent> toolCalls,
                        List<AiTool> tools, ToolRunner toolRunner) {
    public AiRequest {
        Objects.requireNonNull(conversation, "conversation");
        history = List.copyOf(history);
        toolCalls = List.copyOf(toolCalls);
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolRunner, "toolRunner");
    }
}
