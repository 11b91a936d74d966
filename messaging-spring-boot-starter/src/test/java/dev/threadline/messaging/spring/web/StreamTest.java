package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadline.messaging.spring.internal.web.stream.EventStreamHub;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class StreamTest extends ApiTestBase {

    private SseStream open;

    @Autowired
    EventStreamHub hub;

    @AfterEach
    void closeStream() throws Exception {
        if (open != null) {
            open.close();
        }
    }

    @Test
    void streamReceivesTheEventOfAnotherRequest() throws Exception {
        open = SseStream.open(acme);

        String conversationId = startConversation(acme, "hello stream");

        JsonNode created = open.nextEvent("message.created");
        assertThat(created.get("conversation_id").asString()).isEqualTo(conversationId);
        assertThat(created.get("message_id").asString()).isNotBlank();
        assertThat(created.get("status").asString()).isEqualTo("received");
    }

    @Test
    void streamCarriesStatusChangesOfReplies() throws Exception {
        String conversationId = startConversation(acme, "status please");
        open = SseStream.open(acme);

        String messageId = acme.post("/conversations/" + conversationId + "/reply", "{\"content\":\"on its way\"}").text("/message_id");

        JsonNode status;
        do {
            status = open.nextEvent("message.status");
        } while (!status.get("message_id").asString().equals(messageId) || !status.get("status").asString().equals("delivered"));
        assertThat(status.get("conversation_id").asString()).isEqualTo(conversationId);
    }

    @Test
    void streamShowsOnlyTheKeysTenant() throws Exception {
        open = SseStream.open(globex);

        startConversation(acme, "not for globex");
        String globexConversation = startConversation(globex, "for globex");

        // Events go out in publishing order, so a leaked acme event would arrive first.
        assertThat(open.nextEvent("message.created").get("conversation_id").asString()).isEqualTo(globexConversation);
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
}
