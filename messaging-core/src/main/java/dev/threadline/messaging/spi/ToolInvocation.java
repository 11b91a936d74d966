package dev.threadline.messaging.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of a tool.
 *
 * @param arguments the parsed arguments object
 * @param idempotencyKey stable for the same tool, arguments and conversation: pass it to the booking
 *        system so a retried call does not act twice
 */
public record ToolInvocation(String tenantId, String conversationId, String toolName, JsonNode arguments,
                             String idempotencyKey) {
}
