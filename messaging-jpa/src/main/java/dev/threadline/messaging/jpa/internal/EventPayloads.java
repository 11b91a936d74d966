package dev.threadline.messaging.jpa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.MessagingEvent;
import org.jspecify.annotations.Nullable;

/**
 * The NOTIFY payload of an event: its ids and the publishing bus, as compact JSON far below
 * PostgreSQL's 8000-byte limit.
 */
public final class EventPayloads {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An event read from a notification, with the id of the bus that published it. */
    public record Received(String origin, MessagingEvent event) {
    }

    private EventPayloads() {
    }

    public static String write(String origin, MessagingEvent event) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("origin", origin)
                .put("type", event.type())
                .put("tenant", event.tenantId())
                .put("conversation", event.conversationId());
        if (event.messageId() != null) {
            json.put("message", event.messageId());
        }
        if (event.status() != null) {
            json.put("status", event.status().wireName());
        }
        return json.toString();
    }

    /** @throws IllegalArgumentException when the payload is not one {@link #write} made */
    public static Received read(String payload) {
        try {
            JsonNode json = MAPPER.readTree(payload);
            String status = text(json, "status");
            MessagingEvent event = new MessagingEvent(required(json, "type"), required(json, "tenant"),
                    required(json, "conversation"), text(json, "message"), status == null ? null : DeliveryStatus.fromWire(status, "status"));
            return new Received(required(json, "origin"), event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an event payload", e);
        }
    }

    private static String required(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            throw new IllegalArgumentException("event payload lacks " + field);
        }
        return value;
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
