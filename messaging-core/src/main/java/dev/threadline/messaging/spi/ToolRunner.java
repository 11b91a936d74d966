package dev.threadline.messaging.spi;

/**
 * Runs host tools for a responder and records each call and its result as a conversation event.
 * Never throws for tool problems: unknown tools, malformed arguments, failures and timeouts come back as
 * a {@link ToolResult} with {@code error} set, to be shown to the model.
 */
public interface ToolRunner {

    /**
     * @param callId the model's id for this call (echoed back in the tool message)
     * @param argumentsJson the raw arguments text the model produced
     */
    ToolResult run(String callId, String toolName, String argumentsJson);

    /**
     * Result of one tool call.
     *
     * @param content what to show the model: the tool's output, or a short error description
     * @param error whether the call failed
     */
    record ToolResult(String callId, String toolName, String content, boolean error) {
    }
}
