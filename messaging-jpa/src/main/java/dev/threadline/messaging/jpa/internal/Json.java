package dev.threadline.messaging.jpa.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The JSON text columns: metadata, media URLs and event data. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be stored as JSON", e);
        }
    }

    static Map<String, String> strings(String json) {
        // Most messages carry no metadata and no media; skipping the parser for them matters when a delivery
        // worker reads fifty messages per batch.
        return json.equals("{}") ? Map.of() : read(json, STRINGS);
    }

    static Map<String, Object> values(String json) {
        return read(json, VALUES);
    }

    static List<String> list(String json) {
        return json.equals("[]") ? List.of() : read(json, LIST);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
