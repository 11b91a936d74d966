package dev.threadline.messaging.openai.internal;

import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionTool;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.AiTool;
import java.util.List;

/** Host tools as Chat Completions function tools. */
public final class ToolDefinitions {

    private ToolDefinitions() {
    }

    /**
     * @throws NonRetriableMessagingException {@code validation_failed} on field {@code tools} when a tool's
     *         parameters schema is not a JSON object
     */
    public static List<ChatCompletionTool> of(List<AiTool> tools) {
        return tools.stream().map(ToolDefinitions::of).toList();
    }

    private static ChatCompletionTool of(AiTool tool) {
        if (Json.parseObject(tool.parametersJsonSchema()).isEmpty()) {
            throw NonRetriableMessagingException.validation("tools",
                    "the parameters schema of tool " + tool.name() + " is not a JSON object");
        }
        FunctionDefinition function = FunctionDefinition.builder()
                .name(tool.name())
                .description(tool.description())
                .parameters(FunctionParameters.builder()
                        .putAllAdditionalProperties(Json.objectMembers(tool.parametersJsonSchema()))
                        .build())
                .build();
        return ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder().function(function).build());
    }
}
