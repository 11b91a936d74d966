package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to the members of a request object. A member of the wrong JSON type is a
 * {@code validation_failed} naming the member (with its path for nested objects, e.g.
 * {@code variants.sms.body}); unknown members are ignored.
 */
public final class JsonObject {

    private final JsonNode node;
    private final String path;

    JsonObject(JsonNode node) {
        this(node, "");
    }

    private JsonObject(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The name of the member as errors report it: its path from the top of the body. */
    public String field(String name) {
        return path + name;
    }

    /** The member names, in body order. */
    public Set<String> names() {
        return new LinkedHashSet<>(node.propertyNames());
    }

    /** The string member, or null when absent or JSON {@code null}. */
    public @Nullable String string(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(name, "must be a string");
        }
        return value.stringValue();
    }

    /** The string member, or null when absent; present, it must not be blank. */
    public @Nullable String optionalNonBlankString(String name) {
        String value = string(name);
        if (value != null && value.isBlank()) {
            throw invalid(name, "must not be blank");
        }
        return value;
    }

    /** The string member, required to be present and not blank. */
    public String requiredString(String name) {
        String value = string(name);
        if (value == null || value.isBlank()) {
            throw invalid(name, "is required");
        }
        return value;
    }

    /** The string member read by {@code parser} (given the field and the text), or null when absent. */
    public <T> @Nullable T parsed(String name, BiFunction<String, String, T> parser) {
        String value = string(name);
        return value == null ? null : parser.apply(field(name), value);
    }

    /** Like {@link #parsed}, but the member must be present. */
    public <T> T requiredParsed(String name, BiFunction<String, String, T> parser) {
        T value = parsed(name, parser);
        if (value == null) {
            throw invalid(name, "is required");
        }
        return value;
    }

    /** The boolean member, or null when absent or JSON {@code null}. */
    public @Nullable Boolean bool(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw invalid(name, "must be true or false");
        }
        return value.booleanValue();
    }

    /** The object member, or null when absent or JSON {@code null}. */
    public @Nullable JsonObject object(String name) {
        JsonNode value = member(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw invalid(name, "must be an object");
        }
        return new JsonObject(value, field(name) + ".");
    }

    /** The array-of-objects member, or null when absent or JSON {@code null}; each element reports fields as {@code name.member}. */
    public @Nullable List<JsonObject> objects(String name) {
        JsonNode value = array(name);
        if (value == null) {
            return null;
        }
        List<JsonObject> objects = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw invalid(name, "must hold objects");
            }
            objects.add(new JsonObject(element, field(name) + "."));
        }
        return objects;
    }

    /** The array-of-strings member; empty when absent or JSON {@code null}. */
    public List<String> strings(String name) {
        JsonNode value = array(name);
        if (value == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw invalid(name, "must hold strings");
            }
            strings.add(element.stringValue());
        }
        return strings;
    }

    /** The object member as plain values (strings, numbers, booleans, maps, lists); empty when absent or JSON {@code null}. */
    public Map<String, Object> values(String name) {
        JsonObject object = object(name);
        return object == null ? Map.of() : Json.values(object.node);
    }

    private @Nullable JsonNode array(String name) {
        JsonNode value = member(name);
        if (value != null && !value.isArray()) {
            throw invalid(name, "must be an array");
        }
        return value;
    }

    private @Nullable JsonNode member(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private NonRetriableMessagingException invalid(String name, String problem) {
        return NonRetriableMessagingException.validation(field(name), field(name) + " " + problem);
    }
}
