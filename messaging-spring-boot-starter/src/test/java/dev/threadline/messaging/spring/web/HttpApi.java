package dev.threadline.messaging.spring.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of the admin API over real HTTP, authenticated with one API key. */
final class HttpApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;
    private final @Nullable String key;
    /** A header every request carries (name, value), or null. */
    private final String @Nullable [] header;

    HttpApi(int port, String basePath, @Nullable String key) {
        this("http://127.0.0.1:" + port + basePath, key, null);
    }

    HttpApi as(@Nullable String otherKey) {
        return new HttpApi(root, otherKey, header);
    }

    /** This client with {@code name: value} on every request. */
    HttpApi withHeader(String name, String value) {
        return new HttpApi(root, key, new String[] {name, value});
    }

    private HttpApi(String root, @Nullable String key, String @Nullable [] header) {
        this.root = root;
        this.key = key;
        this.header = header;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response postEmpty(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Response patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    Response method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(10));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        if (header != null) {
            builder.header(header[0], header[1]);
        }
        return builder;
    }

    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers and the body parsed as JSON when it is JSON. */
    record Response(int status, HttpResponse<String> raw, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String text(String pointer) {
            JsonNode node = json().at(pointer);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        String errorCode() {
            return text("/error/code");
        }

        @Nullable String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
