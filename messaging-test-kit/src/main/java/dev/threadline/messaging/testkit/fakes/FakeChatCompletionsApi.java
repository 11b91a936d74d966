package dev.threadline.messaging.testkit.fakes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OpenAI's Chat Completions endpoint ({@code POST /v1/chat/completions}) on 127.0.0.1, answering from a script in
 * OpenAI's wire format: a {@code chat.completion} object whose one choice carries the assistant's text
 * ({@link #answer(String)}) or its function calls ({@link #answerToolCalls}), or an error body
 * {@code {"error":{"message","type","param","code"}}} ({@link #error}). Every request is recorded, so a test reads
 * the messages, tools and {@code Authorization} header the client sent. A request finding the script empty gets a
 * 400 with code {@code script_exhausted}, so a test that asks more often than it expected fails loudly. Point any
 * OpenAI-compatible client's base URL at {@link #baseUrl()}.
 */
public final class FakeChatCompletionsApi extends FakeHttpApi<FakeChatCompletionsApi> {

    /** The model every completion reports. */
    public static final String MODEL = "test-model";

    /** The {@code created} time every completion reports; fixed, as the fake does not read a clock. */
    private static final long CREATED = 1_763_700_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A function call as the model sends it.
     *
     * @param id        the call's id, which the client echoes in the tool message with the result
     * @param name      the function's name
     * @param arguments the arguments as a JSON text, as the model writes them
     */
    public record ToolCall(String id, String name, String arguments) {
    }

    private final AtomicInteger completionIds = new AtomicInteger();

    /** {@code http://127.0.0.1:PORT/v1}, the base URL to configure, as {@code https://api.openai.com/v1} would be. */
    @Override
    public String baseUrl() {
        return super.baseUrl() + "/v1";
    }

    /** The next completion is plain assistant text, finished with {@code stop}. */
    public FakeChatCompletionsApi answer(String text) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", text);
        message.putNull("refusal");
        return completion(message, "stop");
    }

    /** The next completion asks for these function calls, finished with {@code tool_calls}. */
    public FakeChatCompletionsApi answerToolCalls(ToolCall... calls) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.putNull("content");
        message.putNull("refusal");
        ArrayNode toolCalls = message.putArray("tool_calls");
        for (ToolCall call : calls) {
            toolCalls.addObject().put("id", call.id()).put("type", "function")
                    .putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
        return completion(message, "tool_calls");
    }

    /**
     * The next request fails with OpenAI's error body. Its {@code type} follows the status as OpenAI's does:
     * {@code server_error} for 5xx, {@code requests} for a 429, {@code invalid_request_error} otherwise.
     *
     * @param code    the error's {@code code}, as in {@code rate_limit_exceeded} or {@code invalid_api_key}
     * @param headers response headers to add, as in {@code Retry-After}
     */
    public FakeChatCompletionsApi error(int status, String code, Map<String, String> headers) {
        String type = status >= 500 ? "server_error" : status == 429 ? "requests" : "invalid_request_error";
        return script(request -> Reply.json(status, headers, errorBody("scripted " + status + " " + code, type, code)));
    }

    @Override
    protected Reply usualReply(RecordedRequest request) {
        return Reply.json(400, Map.of(), errorBody("no scripted answer left", "invalid_request_error", "script_exhausted"));
    }

    private FakeChatCompletionsApi completion(ObjectNode message, String finishReason) {
        ObjectNode completion = JSON.createObjectNode()
                .put("id", "chatcmpl-" + completionIds.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", CREATED)
                .put("model", MODEL);
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", finishReason).putNull("logprobs");
        choice.set("message", message);
        completion.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        String body = completion.toString();
        return script(request -> Reply.json(200, Map.of(), body));
    }

    private static String errorBody(String message, String type, String code) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).put("code", code).putNull("param");
        return body.toString();
    }
}
