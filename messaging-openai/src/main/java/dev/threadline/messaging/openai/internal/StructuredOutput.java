package dev.threadline.messaging.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One request whose answer must match a JSON schema ({@code response_format: json_schema}, strict). Servers
 * that ignore the format may still answer with JSON, sometimes in a Markdown code fence: both are accepted.
 */
public final class StructuredOutput {

    private static final Pattern CODE_FENCE = Pattern.compile("^```(?:json)?\\s*|\\s*```$");

    private final ChatCompletionsClient client;

    public StructuredOutput(ChatCompletionsClient client) {
        this.client = client;
    }

    /**
     * Asks the model and returns its answer object, or empty when the answer is not a JSON object.
     *
     * @param schemaName a short name for the schema ({@code [a-zA-Z0-9_-]})
     * @param schemaJson a JSON Schema object; strict mode needs every property required and
     *        {@code additionalProperties: false}
     * @throws dev.threadline.messaging.MessagingException when the provider fails
     */
    public Optional<JsonNode> ask(String instructions, String input, String schemaName, String schemaJson) {
        ChatCompletionCreateParams params = client.newRequest(client.settings().defaultMaxTokens())
                .addSystemMessage(instructions)
                .addUserMessage(input)
                .responseFormat(ResponseFormatJsonSchema.builder()
                        .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                                .name(schemaName)
                                .strict(true)
                                .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                                        .putAllAdditionalProperties(Json.objectMembers(schemaJson))
                                        .build())
                                .build())
                        .build())
                .build();
        String content = client.complete(params).content().orElse("").strip();
        return Json.parseObject(CODE_FENCE.matcher(content).replaceAll(""));
    }
}
