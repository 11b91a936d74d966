package dev.threadline.messaging.testkit.fakes;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What every provider fake shares: an HTTP server on an ephemeral 127.0.0.1 port that records each request as it
 * arrived, answers from a queue of scripted replies and otherwise as the provider normally would, can leave
 * requests unanswered to provoke read timeouts, and stops on {@link #close()}. A subclass speaks one provider's wire
 * format: it supplies the usual answer and the provider's vocabulary of scripted ones (errors, rate limits...).
 *
 * @param <F> the subclass, so the scripting methods here chain with the subclass's own
 */
public abstract class FakeHttpApi<F extends FakeHttpApi<F>> implements AutoCloseable {

    /**
     * One answer to send: status, headers and body exactly as given; an empty body goes out with no content.
     *
     * @param status  the HTTP status
     * @param headers the response headers
     * @param body    the body as UTF-8 text
     */
    public record Reply(int status, Map<String, String> headers, String body) {

        /** A JSON body with its {@code Content-Type}, as all three providers answer. */
        public static Reply json(int status, Map<String, String> headers, String body) {
            Map<String, String> withType = new LinkedHashMap<>(headers);
            withType.putIfAbsent("Content-Type", "application/json");
            return new Reply(status, withType, body);
        }
    }

    /** How long a held request waits at most, so a fake nobody closes cannot keep a thread forever. */
    private static final long HOLD_SECONDS = 30;

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-http-api");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpServer server;
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private final Queue<Function<RecordedRequest, Reply>> scripted = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean hang;

    /** Starts serving at once, on a port {@link #baseUrl()} tells. */
    protected FakeHttpApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port", e);
        }
        server.createContext("/", this::handle);
        // A thread per request, so a held request does not keep the next one from being recorded.
        server.setExecutor(executor);
        server.start();
    }

    /** The provider's usual answer to a request nothing was scripted for. */
    protected abstract Reply usualReply(RecordedRequest request);

    /**
     * The base URL to configure as the provider's API base URL: {@code http://127.0.0.1:PORT}, without a trailing
     * slash, unless the provider's base URL carries a path.
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Queues an answer: requests take the scripted answers in the order they were queued, and the usual answer once
     * none is left; {@code reply} builds this one from the request it answers.
     */
    protected final F script(Function<RecordedRequest, Reply> reply) {
        scripted.add(reply);
        return self();
    }

    /** The next request gets this literal answer: any status, headers and body, sent exactly as given. */
    public F answer(int status, Map<String, String> headers, String body) {
        return script(request -> new Reply(status, headers, body));
    }

    /** From now on every request is recorded but never answered until {@link #close()}, so clients time out. */
    public F hang() {
        hang = true;
        return self();
    }

    /** Every request received so far, in the order they arrived. */
    public List<RecordedRequest> requests() {
        return List.copyOf(received);
    }

    /** The requests with this HTTP method, in order. */
    public List<RecordedRequest> requests(String method) {
        return received.stream().filter(r -> r.method().equals(method)).toList();
    }

    /** The {@code index}-th request (from 0); fails the test when there were not that many. */
    public RecordedRequest request(int index) {
        if (index >= received.size()) {
            throw new AssertionError("expected at least " + (index + 1) + " requests, got " + received.size());
        }
        return received.get(index);
    }

    /** The latest request; fails the test when there was none. */
    public RecordedRequest lastRequest() {
        if (received.isEmpty()) {
            throw new AssertionError("expected a request, got none");
        }
        return received.get(received.size() - 1);
    }

    /** The one request received; fails the test when there were none or several. */
    public RecordedRequest onlyRequest() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + received.size());
        }
        return received.get(0);
    }

    /** Releases held requests and stops serving; the port refuses connections afterwards. */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String rawQuery = exchange.getRequestURI().getRawQuery();
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    rawQuery == null ? "" : rawQuery, Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(request);
            if (hang) {
                awaitClose();
                return;
            }
            Function<RecordedRequest, Reply> next = scripted.poll();
            Reply reply = next == null ? usualReply(request) : next.apply(request);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private void awaitClose() {
        try {
            closed.await(HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code text} escaped to stand between the quotes of a JSON string. */
    protected static String escapeJson(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    @SuppressWarnings("unchecked") // F is the subclass by the class's declaration
    private F self() {
        return (F) this;
    }
}
