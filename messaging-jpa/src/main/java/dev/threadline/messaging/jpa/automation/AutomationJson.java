package dev.threadline.messaging.jpa.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.automation.template.TemplateText;
import dev.threadline.messaging.automation.template.TemplateVariant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON text columns of the automation tables: variables as JSON objects, template variants as
 * {@code {"subject": "...", "body": "..."}} with the template sources (parsed again on read).
 */
final class AutomationJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Map<String, String>>> VARIANTS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> VARIANT = new TypeReference<>() { };
    private static final String SUBJECT = "subject";
    private static final String BODY = "body";

    private AutomationJson() {
    }

    static String values(Map<String, Object> values) {
        return write(values);
    }

    static Map<String, Object> values(String json) {
        return read(json, VALUES);
    }

    static String variants(Map<ChannelId, TemplateVariant> variants) {
        Map<String, Map<String, String>> byChannel = new LinkedHashMap<>();
        variants.forEach((channel, variant) -> byChannel.put(channel.value(), sources(variant)));
        return write(byChannel);
    }

    static Map<ChannelId, TemplateVariant> variants(String json) {
        Map<ChannelId, TemplateVariant> variants = new LinkedHashMap<>();
        read(json, VARIANTS).forEach((channel, sources) -> variants.put(ChannelId.of(channel), variant(sources)));
        return variants;
    }

    static @Nullable String variant(@Nullable TemplateVariant variant) {
        return variant == null ? null : write(sources(variant));
    }

    static @Nullable TemplateVariant variant(@Nullable String json) {
        return json == null ? null : variant(read(json, VARIANT));
    }

    private static Map<String, String> sources(TemplateVariant variant) {
        Map<String, String> sources = new LinkedHashMap<>();
        if (variant.subject() != null) {
            sources.put(SUBJECT, variant.subject().source());
        }
        sources.put(BODY, variant.body().source());
        return sources;
    }

    private static TemplateVariant variant(Map<String, String> sources) {
        String subject = sources.get(SUBJECT);
        return new TemplateVariant(subject == null ? null : TemplateText.parse(subject, SUBJECT),
                TemplateText.parse(sources.getOrDefault(BODY, ""), BODY));
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be stored as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
