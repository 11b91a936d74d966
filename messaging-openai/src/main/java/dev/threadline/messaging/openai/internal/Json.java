package dev.threadline.messaging.openai.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** JSON text to and from the SDK's {@link JsonValue} and Jackson trees. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The members of a JSON object text, for the SDK's open-ended objects (schemas, parameters). */
    public static Map<String, JsonValue> objectMembers(String json) {
        JsonNode node = parseObject(json).orElseThrow(() -> new IllegalArgumentException("not a JSON object"));
        Map<String, JsonValue> members = new LinkedHashMap<>();
        node.properties().forEach(field -> members.put(field.getKey(), JsonValue.fromJsonNode(field.getValue())));
        return members;
    }

    /** The parsed object, or empty when the text is not a JSON object. */
    public static Optional<JsonNode> parseObject(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
