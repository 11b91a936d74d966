package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** An open {@code GET /stream}, read line by line on a daemon thread. */
final class SseStream implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private SseStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (UncheckedIOException closedByTheTest) {
                // The test closed the stream; nothing more to read.
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code api}'s stream and checks it answered as an event stream. */
    static SseStream open(HttpApi api) throws Exception {
        HttpResponse<Stream<String>> response = CLIENT.sendAsync(api.request("/stream").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return new SseStream(response);
    }

    /** The data of the next event named {@code name}, skipping others and comments. */
    JsonNode nextEvent(String name) throws InterruptedException {
        String event = null;
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("an SSE line within 10 s").isNotNull();
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:") && name.equals(event)) {
                return HttpApi.JSON.readTree(line.substring(5).strip());
            } else if (line.isEmpty()) {
                event = null;
            }
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
