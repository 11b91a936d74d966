package dev.threadline.messaging.testkit.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as a fake received it on the wire, before any interpretation, so a test can assert on exactly
 * what the client sent: Twilio's form fields, SendGrid's or OpenAI's JSON, the credentials in the headers.
 *
 * @param method   the HTTP method, as in {@code POST}
 * @param path     the raw (still percent-encoded) path, as in {@code /v3/mail/send}
 * @param rawQuery the raw query string without the {@code ?}, empty when there was none
 * @param headers  the request headers; look one up with {@link #header(String)}, which ignores case
 * @param body     the request body as UTF-8 text, empty when there was none
 */
public record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first value of a header, matched without regard to case as HTTP does; null when absent. */
    public @Nullable String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** The query parameters, decoded, each with its values in order. */
    public Map<String, List<String>> query() {
        return decodeForm(rawQuery);
    }

    /** The first value of a query parameter, decoded; null when absent. */
    public @Nullable String queryParameter(String name) {
        List<String> values = query().get(name);
        return values == null ? null : values.get(0);
    }

    /** The body read as {@code application/x-www-form-urlencoded} fields, decoded, each with its values in order. */
    public Map<String, List<String>> form() {
        return decodeForm(body);
    }

    /** The first value of a form field; null when absent. */
    public @Nullable String field(String name) {
        List<String> values = form().get(name);
        return values == null ? null : values.get(0);
    }

    /** Every value of a repeated form field, in order; empty when absent. */
    public List<String> fields(String name) {
        return form().getOrDefault(name, List.of());
    }

    /** The body read as JSON; throws when it is not JSON, which a test wants to hear about. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the request body is not JSON: " + body, e);
        }
    }

    /** The Basic-auth user and password, joined by a colon; null without Basic credentials. */
    public @Nullable String basicCredentials() {
        String auth = header("Authorization");
        return auth == null || !auth.startsWith("Basic ") ? null
                : new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> decodeForm(String encoded) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return form;
    }
}
