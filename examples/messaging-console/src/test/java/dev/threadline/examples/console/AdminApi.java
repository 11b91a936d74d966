package dev.threadline.examples.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The admin API as an outside client calls it, for what the browser test does behind the page's back. */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String apiKey;

    AdminApi(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    JsonNode get(String path) {
        return call(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Gives the staff member signed in as {@code email} the password {@code password}, as the owner does. */
    void setPassword(String email, String password) {
        String id = null;
        for (JsonNode user : get("/users").at("/users")) {
            if (user.get("email").asText().equals(email)) {
                id = user.get("id").asText();
            }
        }
        if (id == null) {
            throw new IllegalStateException("no staff member signs in as " + email);
        }
        patch("/users/" + id, Map.of("password", password));
    }

    JsonNode post(String path, Map<String, ?> body) {
        return send("POST", path, body);
    }

    JsonNode patch(String path, Map<String, ?> body) {
        return send("PATCH", path, body);
    }

    JsonNode put(String path, Map<String, ?> body) {
        return send("PUT", path, body);
    }

    private JsonNode send(String method, String path, Map<String, ?> body) {
        try {
            return call(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + apiKey).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("admin API answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
