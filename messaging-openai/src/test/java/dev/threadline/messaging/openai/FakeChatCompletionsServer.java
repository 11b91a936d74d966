package dev.threadline.messaging.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Chat Completions endpoint on 127.0.0.1 that answers {@code POST /v1/chat/completions} from a script, in
 * OpenAI's wire format, and records every request body and its {@code Authorization} header.
 */
final class FakeChatCompletionsServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A function call as the model would send it. */
    record ToolCall(String id, String name, String arguments) {
    }

    private record Scripted(int status, Map<String, String> headers, String body, boolean stall) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger completionIds = new AtomicInteger();

    private FakeChatCompletionsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static FakeChatCompletionsServer start() {
        try {
            return new FakeChatCompletionsServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Settings pointing here, with a short timeout and no retries unless a test asks. */
    OpenAiSettings.Builder settings() {
        return OpenAiSettings.builder().apiKey("test-key").baseUrl(baseUrl()).model("test-model")
                .timeout(Duration.ofSeconds(5)).maxRetries(0);
    }

    // ------------------------------------------------------------------ script

    /** The next answer is plain assistant text. */
    FakeChatCompletionsServer answer(String text) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", text);
        message.putNull("refusal");
        return enqueueCompletion(message, "stop");
    }

    /** The next answer asks for these tool calls. */
    FakeChatCompletionsServer answerToolCalls(ToolCall... calls) {
        ObjectNode message = JSON.createObjectNode().put("role", "assistant");
        message.putNull("content");
        message.putNull("refusal");
        ArrayNode toolCalls = message.putArray("tool_calls");
        for (ToolCall call : calls) {
            toolCalls.addObject().put("id", call.id()).put("type", "function")
                    .putObject("function").put("name", call.name()).put("arguments", call.arguments());
        }
        return enqueueCompletion(message, "tool_calls");
    }

    /** The next answer is an HTTP error in OpenAI's error format. */
    FakeChatCompletionsServer answerError(int status, String code, Map<String, String> headers) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", "scripted " + status).put("type", "test_error").put("code", code).putNull("param");
        script.add(new Scripted(status, headers, error.toString(), false));
        return this;
    }

    /** The next request gets no answer until the server closes. */
    FakeChatCompletionsServer stall() {
        script.add(new Scripted(200, Map.of(), "", true));
        return this;
    }

    private FakeChatCompletionsServer enqueueCompletion(ObjectNode message, String finishReason) {
        ObjectNode completion = JSON.createObjectNode()
                .put("id", "chatcmpl-" + completionIds.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", 1_763_700_000L)
                .put("model", "test-model");
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", finishReason).putNull("logprobs");
        choice.set("message", message);
        completion.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        script.add(new Scripted(200, Map.of(), completion.toString(), false));
        return this;
    }

    // ------------------------------------------------------------------ what was asked

    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    JsonNode request(int index) {
        return requests.get(index);
    }

    JsonNode lastRequest() {
        return requests.get(requests.size() - 1);
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    // ------------------------------------------------------------------ serving

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(JSON.readTree(body));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            Scripted next = script.poll();
            if (next == null) {
                next = new Scripted(400, Map.of(), "{\"error\":{\"message\":\"no scripted answer left\",\"type\":\"test_error\",\"code\":\"script_exhausted\",\"param\":null}}", false);
            }
            if (next.stall()) {
                awaitRelease();
                return;
            }
            byte[] answer = next.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            next.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(next.status(), answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void awaitRelease() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
