package dev.threadline.messaging.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twilio's REST API as far as Messages create goes, on 127.0.0.1: records every request as it arrived on
 * the wire and answers like Twilio does (201 with a message resource unless told otherwise).
 */
final class FakeTwilioApi implements AutoCloseable {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    static final String AUTH_TOKEN = "test-auth-token";
    static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    /** One request as received. */
    record Received(String method, String path, Map<String, List<String>> headers, Map<String, List<String>> form) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String field(String name) {
            List<String> values = form.get(name);
            return values == null ? null : values.get(0);
        }

        List<String> fields(String name) {
            return form.getOrDefault(name, List.of());
        }

        /** The Basic-auth user and password, joined by a colon. */
        String basicCredentials() {
            String auth = header("Authorization");
            return auth == null || !auth.startsWith("Basic ") ? null
                    : new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
        }
    }

    /** One scripted answer. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sids = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;

    FakeTwilioApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure as {@code api-base-url}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> requests() {
        return List.copyOf(received);
    }

    Received onlyRequest() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + received.size());
        }
        return received.get(0);
    }

    /** The next request gets this answer instead of a 201. */
    FakeTwilioApi answer(int status, Map<String, String> headers, String body) {
        scripted.add(new Answer(status, headers, body));
        return this;
    }

    /** Twilio's error body for a 4xx, as the REST API sends it. */
    FakeTwilioApi error(int status, int code, String message) {
        return answer(status, Map.of("Content-Type", "application/json"), """
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, message, code, status));
    }

    /** The next 201 reports this status for the new message. */
    FakeTwilioApi created(String status) {
        return answer(201, Map.of("Content-Type", "application/json"), messageResource("SM" + "%032d".formatted(sids.incrementAndGet()), status));
    }

    /** Every request waits without answering until {@link #close()}. */
    FakeTwilioApi hang() {
        this.hang = true;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                Map.copyOf(exchange.getRequestHeaders()), decodeForm(body)));
        if (hang) {
            awaitRelease();
        }
        Answer answer = scripted.poll();
        if (answer == null) {
            answer = new Answer(201, Map.of("Content-Type", "application/json"),
                    messageResource("SM" + "%032d".formatted(sids.incrementAndGet()), "queued"));
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String messageResource(String sid, String status) {
        return """
                {"account_sid": "%s", "api_version": "2010-04-01", "body": "Sent from your Twilio trial account",
                 "date_created": "Thu, 24 Aug 2023 05:01:45 +0000", "date_sent": null,
                 "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000", "direction": "outbound-api", "error_code": null,
                 "error_message": null, "from": "+15557122661", "messaging_service_sid": null, "num_media": "0",
                 "num_segments": "1", "price": null, "price_unit": "USD", "sid": "%s", "status": "%s",
                 "subresource_uris": {"media": "/2010-04-01/Accounts/%s/Messages/%s/Media.json"},
                 "to": "+15558675310", "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}"""
                .formatted(ACCOUNT_SID, sid, status, ACCOUNT_SID, sid, ACCOUNT_SID, sid);
    }

    private static Map<String, List<String>> decodeForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
