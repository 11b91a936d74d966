package dev.threadline.messaging.spring.internal.web.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the API, independent of how the host configured its own mapper: snake_case names, nulls
 * written out, duplicate keys rejected. Request bodies are parsed here from raw bytes, so every parse
 * problem (empty body, bad syntax, invalid UTF-8) becomes a {@code malformed_request}.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(value -> value.withValueInclusion(JsonInclude.Include.ALWAYS)
                    .withContentInclusion(JsonInclude.Include.ALWAYS))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    /**
     * Parses a request body that must be a JSON object, sent as JSON or without a content type.
     *
     * @throws HttpMediaTypeNotSupportedException for any other content type
     */
    public static JsonObject object(@Nullable String contentType, byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        requireJson(contentType);
        return object(body == null ? new byte[0] : body);
    }

    /** Like {@link #object(String, byte[])}, but an empty body is an empty object. */
    public static JsonObject optionalObject(@Nullable String contentType, byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        if (body == null || body.length == 0) {
            return new JsonObject(MAPPER.createObjectNode());
        }
        requireJson(contentType);
        return object(body);
    }

    private static void requireJson(@Nullable String contentType) throws HttpMediaTypeNotSupportedException {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(contentType);
        }
        if (!MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.getSubtype().endsWith("+json")) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(MediaType.APPLICATION_JSON));
        }
    }

    private static JsonObject object(byte[] body) {
        if (body.length == 0) {
            throw malformed("request body is required");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw malformed("request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw malformed("request body must be a JSON object");
        }
        return new JsonObject(node);
    }

    /** A JSON object as plain Java values (strings, numbers, booleans, maps, lists); JSON nulls are left out, as if absent. */
    static Map<String, Object> values(JsonNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            Object value = value(member.getValue());
            if (value != null) {
                values.put(member.getKey(), value);
            }
        }
        return values;
    }

    private static @Nullable Object value(JsonNode node) {
        if (node.isObject()) {
            return values(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (JsonNode element : node) {
                Object value = value(element);
                if (value != null) {
                    list.add(value);
                }
            }
            return list;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNumber() ? node.numberValue() : null;
    }

    static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String string(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** A JSON response with an explicit content type, so no content negotiation can change it. */
    public static ResponseEntity<byte[]> response(HttpStatus status, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(bytes(body), headers, status);
    }

    private static NonRetriableMessagingException malformed(String message) {
        return new NonRetriableMessagingException(ErrorCode.MALFORMED_REQUEST, message, null);
    }
}
