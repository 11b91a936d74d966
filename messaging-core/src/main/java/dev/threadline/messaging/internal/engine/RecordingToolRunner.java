package dev.threadline.messaging.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.ToolInvocation;
import dev.threadline.messaging.spi.ToolRunner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs host tools for one conversation with a timeout each, records every call as a
 * {@link ConversationEvent#TOOL_CALL} event, and makes side-effecting calls idempotent: the same tool with
 * the same arguments in the same conversation acts once, and repeats get the first result.
 */
final class RecordingToolRunner implements ToolRunner {

    private static final Logger log = LoggerFactory.getLogger(RecordingToolRunner.class);
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Conversation conversation;
    private final Map<String, AiTool> tools;
    private final ConversationStore store;
    private final IdGenerator ids;
    private final Clock clock;
    private final ExecutorService executor;
    private final Duration timeout;

    RecordingToolRunner(Conversation conversation, List<AiTool> tools, ConversationStore store, IdGenerator ids,
                        Clock clock, ExecutorService executor, Duration timeout) {
        this.conversation = conversation;
        this.tools = new LinkedHashMap<>();
        tools.forEach(t -> this.tools.put(t.name(), t));
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.executor = executor;
        this.timeout = timeout;
    }

    @Override
    public ToolResult run(String callId, String toolName, String argumentsJson) {
        AiTool tool = tools.get(toolName);
        if (tool == null) {
            return rejected(callId, toolName, argumentsJson, "unknown tool: " + toolName);
        }
        JsonNode arguments;
        try {
            arguments = CANONICAL.readTree(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson);
            if (!arguments.isObject()) {
                throw new IllegalArgumentException("arguments must be a JSON object");
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return rejected(callId, toolName, argumentsJson, "malformed arguments: expected a JSON object matching the tool's schema");
        }
        String idempotencyKey = idempotencyKey(toolName, arguments);
        if (tool.sideEffecting() && !store.markProcessed(conversation.tenantId(), "tool:" + idempotencyKey)) {
            return replay(callId, toolName, argumentsJson, idempotencyKey);
        }
        ToolInvocation invocation = new ToolInvocation(conversation.tenantId(), conversation.id(), toolName, arguments, idempotencyKey);
        Future<String> future = executor.submit(() -> tool.executor().execute(invocation));
        try {
            String result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return record(callId, toolName, argumentsJson, idempotencyKey, result == null ? "" : result, null, false);
        } catch (TimeoutException e) {
            future.cancel(true);
            return record(callId, toolName, argumentsJson, idempotencyKey, "", "tool timed out after " + timeout.toMillis() + " ms", false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            log.debug("Tool {} failed in conversation {}", toolName, conversation.id(), cause);
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return record(callId, toolName, argumentsJson, idempotencyKey, "", "tool failed: " + reason, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return record(callId, toolName, argumentsJson, idempotencyKey, "", "tool interrupted", false);
        }
    }

    /** The result of the earlier successful call with this key, recorded again as a replay. */
    private ToolResult replay(String callId, String toolName, String argumentsJson, String idempotencyKey) {
        return store.events(conversation.tenantId(), conversation.id()).stream()
                .filter(e -> ConversationEvent.TOOL_CALL.equals(e.type()))
                .filter(e -> idempotencyKey.equals(e.data().get("idempotency_key")) && !Boolean.TRUE.equals(e.data().get("replayed")))
                .reduce((first, second) -> second)
                .map(e -> record(callId, toolName, argumentsJson, idempotencyKey, (String) e.data().get("result"),
                        (String) e.data().get("error"), true))
                .orElseGet(() -> record(callId, toolName, argumentsJson, idempotencyKey, "",
                        "the same call is already in progress", true));
    }

    /** Records a call refused before running (unknown tool, malformed arguments): no key, no result. */
    private ToolResult rejected(String callId, String toolName, String argumentsJson, String error) {
        return record(callId, toolName, argumentsJson, "", "", error, false);
    }

    private ToolResult record(String callId, String toolName, String argumentsJson, String idempotencyKey, String result,
                              String error, boolean replayed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("call_id", callId);
        data.put("tool", toolName);
        data.put("arguments", argumentsJson == null ? "" : argumentsJson);
        data.put("result", result);
        if (error != null) {
            data.put("error", error);
        }
        data.put("idempotency_key", idempotencyKey);
        data.put("replayed", replayed);
        store.appendEvent(new ConversationEvent(ids.newId(), conversation.tenantId(), conversation.id(),
                ConversationEvent.TOOL_CALL, data, clock.instant()));
        return new ToolResult(callId, toolName, error != null ? error : result, error != null);
    }

    private String idempotencyKey(String toolName, JsonNode arguments) {
        try {
            String canonical = CANONICAL.writeValueAsString(CANONICAL.treeToValue(arguments, Object.class));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((conversation.id() + "\n" + toolName + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute tool idempotency key", e);
        }
    }
}
