package dev.threadline.messaging.openai;

import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionSystemMessageParam;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.openai.internal.ChatCompletionsClient;
import dev.threadline.messaging.openai.internal.ChatHistory;
import dev.threadline.messaging.openai.internal.SystemPrompts;
import dev.threadline.messaging.openai.internal.ToolDefinitions;
import dev.threadline.messaging.spi.AiReply;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.ToolRunner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes replies with an OpenAI-compatible chat model, calling the host's tools.
 *
 * <p>The system prompt is the configured persona, guidance for the conversation's channel (short plain text
 * for SMS, greeting and sign-off for email, spoken style for voice) and the conversation's context. The history
 * follows in order, with earlier tool calls and their results rebuilt where they happened, so the model sees
 * what it looked up or booked before. Tool calls run through {@link AiRequest#toolRunner()}, which records
 * them, enforces the per-tool timeout and makes side-effecting calls idempotent; failures and malformed
 * arguments go back to the model as tool results. After {@link OpenAiSettings#maxToolIterations()} rounds of
 * tool calls the model must answer without tools; if it still gives no text, the configured fallback reply is
 * used.
 *
 * <p>Timeouts, 429s and 5xx answers are retried as configured, then surface as
 * {@link dev.threadline.messaging.RetriableMessagingException} ({@code provider_unavailable}), so
 * {@link AiResponder#withFallback(AiResponder)} can hand over to the offline responder. A rejected key or
 * request is a {@link dev.threadline.messaging.NonRetriableMessagingException}.
 */
public final class OpenAiResponder implements AiResponder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpenAiResponder.class);

    private final ChatCompletionsClient client;
    private final OpenAiSettings settings;

    /** A responder for {@code settings}, reading {@code Retry-After} dates against the system clock. */
    public OpenAiResponder(OpenAiSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** A responder for {@code settings}; {@code clock} turns the provider's {@code Retry-After} dates into waits. */
    public OpenAiResponder(OpenAiSettings settings, Clock clock) {
        this.settings = settings;
        this.client = new ChatCompletionsClient(settings, clock);
    }

    @Override
    public AiReply respond(AiRequest request) {
        Conversation conversation = request.conversation();
        List<ChatCompletionTool> tools = ToolDefinitions.of(request.tools());
        List<ChatCompletionMessageParam> messages = new ArrayList<>();
        messages.add(ChatCompletionMessageParam.ofSystem(ChatCompletionSystemMessageParam.builder()
                .content(SystemPrompts.forReply(settings.persona(), conversation)).build()));
        messages.addAll(ChatHistory.of(request.history(), request.toolCalls()));
        for (int round = 0; ; round++) {
            boolean finalRound = round >= settings.maxToolIterations();
            ChatCompletionMessage answer = client.complete(params(conversation, messages, tools, finalRound));
            List<ChatCompletionMessageToolCall> calls = answer.toolCalls().orElse(List.of());
            if (calls.isEmpty() || finalRound) {
                return replyFrom(answer, calls, conversation);
            }
            messages.add(ChatCompletionMessageParam.ofAssistant(answer.toParam()));
            for (ChatCompletionMessageToolCall call : calls) {
                messages.add(run(call, request.toolRunner()));
            }
        }
    }

    private ChatCompletionCreateParams params(Conversation conversation, List<ChatCompletionMessageParam> messages,
                                              List<ChatCompletionTool> tools, boolean finalRound) {
        ChatCompletionCreateParams.Builder params = client.newRequest(settings.maxTokensFor(conversation.channel()))
                .messages(messages);
        if (!tools.isEmpty()) {
            // The tools stay declared in the final round because the history refers to them; "none" forbids calling them.
            params.tools(tools).toolChoice(finalRound ? ChatCompletionToolChoiceOption.Auto.NONE : ChatCompletionToolChoiceOption.Auto.AUTO);
        }
        return params.build();
    }

    private static ChatCompletionMessageParam run(ChatCompletionMessageToolCall call, ToolRunner runner) {
        String callId;
        String content;
        if (call.isFunction()) {
            ChatCompletionMessageFunctionToolCall function = call.asFunction();
            callId = function.id();
            content = runner.run(callId, function.function().name(), function.function().arguments()).content();
        } else {
            callId = call.asCustom().id();
            content = "error: only function tools are available";
        }
        return ChatCompletionMessageParam.ofTool(ChatCompletionToolMessageParam.builder()
                .toolCallId(callId)
                .content(content.isBlank() ? "(no result)" : content)
                .build());
    }

    private AiReply replyFrom(ChatCompletionMessage answer, List<ChatCompletionMessageToolCall> calls, Conversation conversation) {
        String text = answer.content().map(String::strip).orElse("");
        if (text.isEmpty() || !calls.isEmpty()) {
            log.debug("Model gave no usable text for conversation {} (tool calls: {}, refusal: {}); using the fallback reply",
                    conversation.id(), calls.size(), answer.refusal().isPresent());
            return new AiReply(settings.fallbackReply());
        }
        return new AiReply(text);
    }

    /** Releases the HTTP client's connections and threads. */
    @Override
    public void close() {
        client.close();
    }
}
