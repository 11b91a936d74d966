package dev.threadline.examples.console.web;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.examples.console.TenantApiKeys;
import dev.threadline.examples.console.medspa.MedSpa;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the console page needs before it can call the admin API: the API's base path, the business's time zone
 * (the page shows times in it, wherever the browser is) and, only when
 * {@code console.expose-demo-key} is on (the local demo profile) and the page was loaded from this machine, the
 * app's own API key, so the demo opens signed in. Everywhere else the page asks for a key: a demo whose port was
 * opened to the network ({@code server.address}) still does not hand its key to other machines.
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
    Map<String, Object> settings(HttpServletRequest request) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("api_base_path", apiBasePath);
        settings.put("business_name", MedSpa.NAME);
        settings.put("time_zone", properties.timeZone().getId());
        boolean expose = properties.exposeDemoKey() && fromThisMachine(request);
        settings.put("demo_api_key", expose ? keys.keyFor(properties.tenant()).orElse(null) : null);
        return settings;
    }

    private static boolean fromThisMachine(HttpServletRequest request) {
        try {
            // The remote address is an IP literal, so this parses it; there is no name lookup.
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
