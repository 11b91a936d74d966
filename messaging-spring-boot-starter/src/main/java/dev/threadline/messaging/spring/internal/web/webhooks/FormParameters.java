package dev.threadline.messaging.spring.internal.web.webhooks;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The form fields of a POST without the query-string parameters the servlet API merges into them. */
final class FormParameters {

    private FormParameters() {
    }

    /** Each body field's first value, in the order the servlet container reports them. */
    static Map<String, String> of(HttpServletRequest request) {
        Set<String> queryNames = queryNames(request.getQueryString());
        Map<String, String> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!queryNames.contains(name) && values.length > 0) {
                fields.put(name, values[0]);
            }
        });
        return fields;
    }

    private static Set<String> queryNames(String query) {
        Set<String> names = new HashSet<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            names.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8));
        }
        return names;
    }
}
