package dev.threadline.messaging.testkit.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Twilio's REST API as far as the Messages resource goes, on 127.0.0.1: records every request as it arrived on
 * the wire and answers like Twilio does. A create answers 201 with a message resource unless told otherwise, and
 * the message joins the account's list; a read ({@code GET} on the list) answers a page of that list filtered by
 * {@code To}, {@code From} and {@code DateSent>}, newest first, with Twilio's paging fields.
 */
public final class FakeTwilioApi implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "test-auth-token";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    /** Twilio's RFC 2822 dates, as in {@code "Thu, 24 Aug 2023 05:01:45 +0000"}. */
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** One request as received. */
    public record Received(String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers,
                           Map<String, List<String>> form) {
        public @Nullable String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public @Nullable String field(String name) {
            List<String> values = form.get(name);
            return values == null ? null : values.get(0);
        }

        public List<String> fields(String name) {
            return form.getOrDefault(name, List.of());
        }

        public @Nullable String queryParameter(String name) {
            List<String> values = query.get(name);
            return values == null ? null : values.get(0);
        }

        /** The Basic-auth user and password, joined by a colon. */
        public @Nullable String basicCredentials() {
            String auth = header("Authorization");
            return auth == null || !auth.startsWith("Basic ") ? null
                    : new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
        }
    }

    /** One scripted answer: a literal one, or a created message in {@code createdStatus} built from the request. */
    private record Answer(int status, Map<String, String> headers, String body, String createdStatus) {
    }

    /** A message of the account's list. {@code sentAt} is null while Twilio still holds it queued. */
    public record Listed(String sid, String from, String to, String body, String direction, String status, Instant createdAt,
                  Instant sentAt) {
    }

    private final HttpServer server;
    private final Clock clock;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();
    private final List<Listed> listed = new CopyOnWriteArrayList<>();
    private final AtomicInteger sids = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;

    public FakeTwilioApi() throws IOException {
        this(Clock.systemUTC());
    }

    /** A fake whose messages are created, and sent, at {@code clock}'s time. */
    public FakeTwilioApi(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure as {@code api-base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> requests() {
        return List.copyOf(received);
    }

    public Received onlyRequest() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + received.size());
        }
        return received.get(0);
    }

    /** The requests with this method, in order. */
    public List<Received> requests(String method) {
        return received.stream().filter(r -> r.method().equals(method)).toList();
    }

    /** The account's messages, oldest first. */
    public List<Listed> listed() {
        return List.copyOf(listed);
    }

    /** The next request gets this answer instead of the usual one. */
    public FakeTwilioApi answer(int status, Map<String, String> headers, String body) {
        scripted.add(new Answer(status, headers, body, null));
        return this;
    }

    /** Twilio's error body for a 4xx, as the REST API sends it. */
    public FakeTwilioApi error(int status, int code, String message) {
        return answer(status, Map.of("Content-Type", "application/json"), """
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, message, code, status));
    }

    /** The next create answers 201 reporting this status for the new message. */
    public FakeTwilioApi created(String status) {
        scripted.add(new Answer(201, Map.of("Content-Type", "application/json"), null, status));
        return this;
    }

    /** A message the account already has, sent {@code sentAt} (another app's, an inbound one, an older one). */
    public FakeTwilioApi has(String from, String to, String body, String direction, Instant sentAt) {
        listed.add(new Listed(nextSid(), from, to, body, direction, direction.equals("inbound") ? "received" : "delivered", sentAt, sentAt));
        return this;
    }

    /** Every request waits without answering until {@link #close()}. */
    public FakeTwilioApi hang() {
        this.hang = true;
        return this;
    }

    private String nextSid() {
        return "SM" + "%032d".formatted(sids.incrementAndGet());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), decodeForm(rawQuery),
                Map.copyOf(exchange.getRequestHeaders()), decodeForm(body));
        received.add(request);
        if (hang) {
            awaitRelease();
        }
        Answer answer = scripted.poll();
        if (answer == null) {
            answer = request.method().equals("GET") ? new Answer(200, Map.of("Content-Type", "application/json"), list(request, rawQuery), null)
                    : new Answer(201, Map.of("Content-Type", "application/json"), null, "queued");
        }
        String content = answer.createdStatus() != null ? create(request, answer.createdStatus()) : answer.body();
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
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

    /**
     * Takes the message into the list and answers it as just created, not yet sent; Twilio hands it on at once, so
     * the list shows it sent now.
     */
    private String create(Received request, String status) {
        Instant now = clock.instant();
        String sid = nextSid();
        String text = request.field("Body") == null ? "" : request.field("Body");
        listed.add(new Listed(sid, request.field("From"), request.field("To"), text, "outbound-api",
                status.equals("queued") ? "sent" : status, now, now));
        return resource(new Listed(sid, request.field("From"), request.field("To"), text, "outbound-api", status, now, null), status);
    }

    /** One page of the list, filtered as Twilio filters it; {@code Page} counts from 0. */
    private String list(Received request, String rawQuery) {
        String to = request.queryParameter("To");
        String from = request.queryParameter("From");
        String sentAfter = request.queryParameter("DateSent>");
        Instant sentSince = sentAfter == null ? null : sentAfter.length() == 10
                ? LocalDate.parse(sentAfter).atStartOfDay().toInstant(ZoneOffset.UTC)
                : LocalDateTime.parse(sentAfter).toInstant(ZoneOffset.UTC);
        List<Listed> matching = listed.stream()
                .filter(m -> to == null || m.to().equals(to))
                .filter(m -> from == null || m.from().equals(from))
                .filter(m -> sentSince == null || (m.sentAt() != null && !m.sentAt().isBefore(sentSince)))
                .sorted(Comparator.comparing(Listed::createdAt).reversed())
                .toList();
        int pageSize = request.queryParameter("PageSize") == null ? 50 : Integer.parseInt(request.queryParameter("PageSize"));
        int page = request.queryParameter("Page") == null ? 0 : Integer.parseInt(request.queryParameter("Page"));
        List<Listed> items = matching.subList(Math.min(page * pageSize, matching.size()), Math.min((page + 1) * pageSize, matching.size()));
        String filter = (rawQuery == null ? "" : rawQuery).replaceAll("&?(Page|PageToken)=[^&]*", "").replaceFirst("^&", "");
        String next = (page + 1) * pageSize < matching.size()
                ? "\"" + MESSAGES_PATH + "?" + filter + "&Page=" + (page + 1) + "&PageToken=PA" + items.get(items.size() - 1).sid() + "\"" : "null";
        String previous = page > 0 ? "\"" + MESSAGES_PATH + "?" + filter + "&Page=" + (page - 1) + "\"" : "null";
        return """
                {"end": %d, "first_page_uri": "%s?%s&Page=0", "messages": [%s], "next_page_uri": %s, "page": %d, "page_size": %d,
                 "previous_page_uri": %s, "start": %d, "uri": "%s?%s"}"""
                .formatted(page * pageSize + Math.max(items.size() - 1, 0), MESSAGES_PATH, filter,
                        items.stream().map(m -> resource(m, m.status())).collect(Collectors.joining(", ")), next, page, pageSize,
                        previous, page * pageSize, MESSAGES_PATH, rawQuery == null ? "" : rawQuery);
    }

    private static String resource(Listed m, String status) {
        return """
                {"account_sid": "%s", "api_version": "2010-04-01", "body": "%s", "date_created": "%s", "date_sent": %s,
                 "date_updated": "%s", "direction": "%s", "error_code": null, "error_message": null, "from": "%s",
                 "messaging_service_sid": null, "num_media": "0", "num_segments": "1", "price": null, "price_unit": "USD",
                 "sid": "%s", "status": "%s", "subresource_uris": {"media": "/2010-04-01/Accounts/%s/Messages/%s/Media.json"},
                 "to": "%s", "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}"""
                .formatted(ACCOUNT_SID, json(m.body()), RFC_2822.format(m.createdAt()),
                        m.sentAt() == null ? "null" : "\"" + RFC_2822.format(m.sentAt()) + "\"", RFC_2822.format(m.createdAt()),
                        m.direction(), json(m.from()), m.sid(), status, ACCOUNT_SID, m.sid(), json(m.to()), ACCOUNT_SID, m.sid());
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Form fields or query parameters, decoded. */
    private static Map<String, List<String>> decodeForm(String encoded) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
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

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
