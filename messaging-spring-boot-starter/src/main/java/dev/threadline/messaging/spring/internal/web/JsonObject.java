package dev.threadline.messaging.spring.internal.web;

import dev.threadline.messaging.NonRetriableMessagingException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to the members of a request object. A member of the wrong JSON type is a
 * {@code validation_failed} naming the member; unknown members are ignored.
 */
final class JsonObject {

    private final JsonNode node;

    JsonObject(JsonNode node) {
        this.node = node;
    }

    /** The string member, or null when absent or JSON {@code null}. */
    @Nullable String string(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw NonRetriableMessagingException.validation(name, name + " must be a string");
        }
        return value.stringValue();
    }

    /** The string member, required to be present and not blank. */
    String requiredString(String name) {
        String value = string(name);
        if (value == null || value.isBlank()) {
            throw NonRetriableMessagingException.validation(name, name + " is required");
        }
        return value;
    }

    /** The boolean member, or null when absent or JSON {@code null}. */
    @Nullable Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw NonRetriableMessagingException.validation(name, name + " must be true or false");
        }
        return value.booleanValue();
    }
}
