package dev.threadline.examples.console.web;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.examples.console.TenantApiKeys;
import dev.threadline.examples.console.medspa.MedSpa;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the console page needs before it can call the admin API: the API's base path and, only when
 * {@code console.expose-demo-key} is on (the local demo profile), the app's own API key, so the demo
 * opens signed in. Everywhere else the page asks for a key.
 */
@RestController
class ConsoleSettingsController {

    private final ConsoleProperties properties;
    private final TenantApiKeys keys;
    private final String apiBasePath;

    ConsoleSettingsController(ConsoleProperties properties, TenantApiKeys keys,
                              @Value("${messaging.api.base-path:/api/admin/messaging}") String apiBasePath) {
        this.properties = properties;
        this.keys = keys;
        this.apiBasePath = apiBasePath;
    }

    @GetMapping("/console/settings")
    Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("api_base_path", apiBasePath);
        settings.put("business_name", MedSpa.NAME);
        settings.put("demo_api_key", properties.exposeDemoKey() ? keys.keyFor(properties.tenant()).orElse(null) : null);
        return settings;
    }
}
