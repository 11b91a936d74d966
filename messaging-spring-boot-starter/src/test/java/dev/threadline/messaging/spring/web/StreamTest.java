package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadline.messaging.spring.internal.web.stream.EventStreamHub;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class StreamTest extends ApiTestBase {

    private final HttpClient client = HttpClient.newHttpClient();
    private CompletableFuture<HttpResponse<Stream<String>>> open;

    @Autowired
    EventStreamHub hub;

    @AfterEach
    void closeStream() throws Exception {
        if (open != null) {
            open.get(5, TimeUnit.SECONDS).body().close();
        }
    }

    @Test
    void streamReceivesTheEventOfAnotherRequest() throws Exception {
        BlockingQueue<String> lines = connect(acme);

        String conversationId = startConversation(acme, "hello stream");

        JsonNode created = nextEvent(lines, "message.created");
        assertThat(created.get("conversation_id").asString()).isEqualTo(conversationId);
        assertThat(created.get("message_id").asString()).isNotBlank();
        assertThat(created.get("status").asString()).isEqualTo("received");
    }

    @Test
    void streamCarriesStatusChangesOfReplies() throws Exception {
        String conversationId = startConversation(acme, "status please");
        BlockingQueue<String> lines = connect(acme);

        String messageId = acme.post("/conversations/" + conversationId + "/reply", "{\"content\":\"on its way\"}").text("/message_id");

        JsonNode status;
        do {
            status = nextEvent(lines, "message.status");
        } while (!status.get("message_id").asString().equals(messageId) || !status.get("status").asString().equals("delivered"));
        assertThat(status.get("conversation_id").asString()).isEqualTo(conversationId);
    }

    @Test
    void streamShowsOnlyTheKeysTenant() throws Exception {
        BlockingQueue<String> lines = connect(globex);

        startConversation(acme, "not for globex");
        String globexConversation = startConversation(globex, "for globex");

        // Events go out in publishing order, so a leaked acme event would arrive first.
        assertThat(nextEvent(lines, "message.created").get("conversation_id").asString()).isEqualTo(globexConversation);
    }

    @Test
    void streamWithoutKeyIsUnauthorized() {
        assertThat(acme.as(null).get("/stream").status()).isEqualTo(401);
    }

    @Test
    void disconnectedClientsAreDropped() throws Exception {
        // Streams of earlier tests are gone once a heartbeat found them closed.
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.clientCount() == 0);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + BASE + "/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer key-acme\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader response = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(response.readLine()).startsWith("HTTP/1.1 200");
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.clientCount() == 1);
            // A reset rather than an orderly close: the way a client that crashed or lost its network goes away.
            socket.setSoLinger(true, 0);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> hub.clientCount() == 0);
    }

    private BlockingQueue<String> connect(HttpApi api) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        open = client.sendAsync(api.request("/stream").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = open.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (UncheckedIOException closedByTheTest) {
                // The test closed the stream; nothing more to read.
            }
        }, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The data of the next event named {@code name}, skipping others and comments. */
    private static JsonNode nextEvent(BlockingQueue<String> lines, String name) throws InterruptedException {
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
}
