package dev.threadline.messaging.automation.template;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Building blocks for template variables. */
public final class Variables {

    private Variables() {
    }

    /**
     * {@code overrides} laid over {@code defaults}: nested maps are merged key by key, anything else in
     * {@code overrides} replaces the default.
     */
    public static Map<String, Object> merge(Map<String, ?> defaults, Map<String, ?> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        overrides.forEach((key, value) -> {
            Object base = merged.get(key);
            if (base instanceof Map<?, ?> baseMap && value instanceof Map<?, ?> overrideMap) {
                merged.put(key, merge(stringKeys(baseMap), stringKeys(overrideMap)));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** {@code {"customer": {"name": …, "phone": …, "email": …}}}, leaving out what is unknown. */
    public static Map<String, Object> customer(@Nullable String name, @Nullable String phone, @Nullable String email) {
        Map<String, Object> customer = new LinkedHashMap<>();
        putIfPresent(customer, "name", name);
        putIfPresent(customer, "phone", phone);
        putIfPresent(customer, "email", email);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("customer", customer);
        return root;
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
