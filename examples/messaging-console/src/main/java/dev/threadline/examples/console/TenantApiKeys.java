package dev.threadline.examples.console;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Finds the admin API key configured for a tenant under {@code messaging.security.api-keys}. */
@Component
public final class TenantApiKeys {

    private final Map<String, String> tenantByKey;

    public TenantApiKeys(Environment environment) {
        this.tenantByKey = Binder.get(environment)
                .bind("messaging.security.api-keys", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }

    /** The first key acting for {@code tenant}, in key order so the answer is stable. */
    public Optional<String> keyFor(String tenant) {
        return tenantByKey.entrySet().stream()
                .filter(e -> e.getValue().equals(tenant))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }
}
