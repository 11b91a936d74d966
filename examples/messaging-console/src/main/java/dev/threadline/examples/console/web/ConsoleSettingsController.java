package dev.threadline.examples.console.web;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.examples.console.medspa.MedSpa;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the signed-in console page needs before it calls the admin API: the API's base path, the business's name and
 * time zone (the page shows times in it, wherever the browser is), and the session's CSRF token with the header to
 * send it in, for the page's writes. No key or other secret: the page works with the session of whoever signed in.
 */
@RestController
class ConsoleSettingsController {

    private final ConsoleProperties properties;
    private final String apiBasePath;

    ConsoleSettingsController(ConsoleProperties properties, @Value("${messaging.api.base-path:/api/admin/messaging}") String apiBasePath) {
        this.properties = properties;
        this.apiBasePath = apiBasePath;
    }

    @GetMapping("/console/settings")
    Map<String, Object> settings(HttpServletRequest request) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("api_base_path", apiBasePath);
        settings.put("business_name", MedSpa.NAME);
        settings.put("time_zone", properties.timeZone().getId());
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        settings.put("csrf_header", csrf == null ? null : csrf.getHeaderName());
        settings.put("csrf_token", csrf == null ? null : csrf.getToken());
        return settings;
    }
}
