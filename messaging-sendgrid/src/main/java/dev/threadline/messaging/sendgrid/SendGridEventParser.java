package dev.threadline.messaging.sendgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.sendgrid.internal.MailPayloads;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the JSON array of events SendGrid's Event Webhook posts. Needs no key: check the signature first with
 * {@link SendGridEventVerifier} (unless the host has deliberately switched checks off), then hand the events to
 * {@link SendGridEventProcessor}. Thread-safe.
 */
public final class SendGridEventParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILTER_SUFFIX = ".filter";

    /**
     * Reads the events of a (verified) body.
     *
     * @throws NonRetriableMessagingException {@code malformed_request} when the body is not a JSON array of
     *         events or an event lacks {@code sg_event_id}, {@code event}, {@code email} or {@code timestamp}
     */
    public List<SendGridEvent> parse(byte[] rawBody) {
        JsonNode root;
        try {
            root = JSON.readTree(rawBody);
        } catch (IOException e) {
            throw malformed("the Event Webhook body is not JSON", null);
        }
        if (root == null || !root.isArray()) {
            throw malformed("the Event Webhook body must be a JSON array of events", null);
        }
        List<SendGridEvent> events = new ArrayList<>(root.size());
        for (JsonNode node : root) {
            events.add(event(node));
        }
        return events;
    }

    private static SendGridEvent event(JsonNode node) {
        if (!node.isObject()) {
            throw malformed("every Event Webhook entry must be an object", null);
        }
        JsonNode timestamp = node.path("timestamp");
        if (!timestamp.canConvertToLong()) {
            throw malformed("an event has no numeric timestamp", "timestamp");
        }
        String reason = text(node, "reason");
        return new SendGridEvent(required(node, "sg_event_id"), required(node, "event"),
                text(node, MailPayloads.MESSAGE_ID_ARG), text(node, MailPayloads.TENANT_ID_ARG),
                sgMessageId(text(node, "sg_message_id")), required(node, "email"),
                Instant.ofEpochSecond(timestamp.asLong()), reason != null ? reason : text(node, "response"),
                text(node, "type"));
    }

    /** SendGrid's message id as the send returned it: events append {@code .filter…} to the {@code X-Message-Id}. */
    private static @Nullable String sgMessageId(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        int filter = raw.indexOf(FILTER_SUFFIX);
        return filter > 0 ? raw.substring(0, filter) : raw;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw malformed("an event has no " + field, field);
        }
        return value;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static NonRetriableMessagingException malformed(String message, @Nullable String field) {
        return new NonRetriableMessagingException(ErrorCode.MALFORMED_REQUEST, message, field);
    }
}
