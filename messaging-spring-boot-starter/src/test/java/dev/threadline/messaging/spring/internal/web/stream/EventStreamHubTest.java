package dev.threadline.messaging.spring.internal.web.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The hub's writes to its clients, watched through emitters that record what they are given to send. */
class EventStreamHubTest {

    private static final Pattern CREATED = Pattern.compile("event:message\\.created\\ndata:\\{[^\\n]*\"message_id\":\"([^\"]+)\"[^\\n]*\\n\\n");

    private final Clock clock = Clock.systemUTC();
    private final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock);
    private final MessageManager manager = MessageManager.builder().store(new InMemoryConversationStore(ids, clock)).idGenerator(ids)
            .clock(clock).channel(new SimulatorChannel(ChannelId.SMS)).build();
    private final EventStreamHub hub = new EventStreamHub(manager, Duration.ofHours(1), Duration.ofHours(1));
    private final Actor acme = Actor.apiKey("acme", "test");

    @AfterEach
    void close() {
        hub.destroy();
    }

    @Test
    void eventsQueuedDuringAWriteGoTogetherInTheNextWriteInPublishingOrder() throws Exception {
        RecordingEmitter client = new RecordingEmitter(new CountDownLatch(1));
        hub.open(acme, client);
        assertThat(client.writes).as("the first comment, given on the opening thread").containsExactly(":connected\n\n");

        List<String> published = new ArrayList<>(List.of(receive(0)));
        await().atMost(Duration.ofSeconds(5)).until(() -> client.writes.size() == 2); // its write, held
        for (int i = 1; i < 50; i++) {
            published.add(receive(i));
        }
        client.release.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> createdIds(client).size() == 50);
        assertThat(client.writes).as("the comment, the held write, then every event that waited in one write").hasSize(3);
        assertThat(createdIds(client)).containsExactlyElementsOf(published);
    }

    @Test
    void aClientStuckInAWriteIsDisconnectedOnceTheLagIsOverWhileOthersGetEveryEvent() throws Exception {
        EventStreamHub lagging = new EventStreamHub(manager, Duration.ofHours(1), Duration.ofHours(1), Duration.ofMillis(300));
        try {
            RecordingEmitter stuck = new RecordingEmitter(new CountDownLatch(1));
            RecordingEmitter reading = new RecordingEmitter(new CountDownLatch(0));
            lagging.open(acme, stuck);
            lagging.open(acme, reading);
            await().atMost(Duration.ofSeconds(5)).until(() -> lagging.clientCount() == 2);
            List<String> published = new ArrayList<>(List.of(receive(0)));
            await().atMost(Duration.ofSeconds(5)).until(() -> stuck.writes.size() == 2); // its first event write, held

            // Events keep coming; the stuck client goes once its held write is older than the lag.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
                published.add(receive(published.size()));
                return lagging.clientCount() == 1;
            });
            for (int i = 0; i < 20; i++) {
                published.add(receive(published.size()));
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> createdIds(reading).size() == published.size());
            assertThat(createdIds(reading)).containsExactlyElementsOf(published);
            stuck.release.countDown();
            assertThat(createdIds(stuck)).as("nothing past the held write").containsExactly(published.get(0));
        } finally {
            lagging.destroy();
        }
    }

    @Test
    void aBurstOfEventsReachesAClientThatReadsWithoutDisconnectingIt() throws Exception {
        RecordingEmitter reading = new RecordingEmitter(new CountDownLatch(0));
        hub.open(acme, reading);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            published.add(receive(i));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> createdIds(reading).size() == published.size());
        assertThat(createdIds(reading)).containsExactlyElementsOf(published);
        assertThat(hub.clientCount()).isEqualTo(1);
    }

    @Test
    void anotherTenantsEventsAreNotQueued() throws Exception {
        RecordingEmitter globex = new RecordingEmitter(new CountDownLatch(0));
        hub.open(Actor.apiKey("globex", "test"), globex);
        RecordingEmitter ours = new RecordingEmitter(new CountDownLatch(0));
        hub.open(acme, ours);

        String id = receive(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> createdIds(ours).equals(List.of(id)));
        assertThat(String.join("", globex.writes)).isEqualTo(":connected\n\n");
    }

    @Test
    void stoppingEndsEveryStreamEvenWhenOneResponseIsAlreadyRecycled() {
        RecordingEmitter recycled = new RecordingEmitter(new CountDownLatch(0)) {
            @Override
            public void complete() {
                throw new IllegalStateException("The response object has been recycled");
            }
        };
        RecordingEmitter open = new RecordingEmitter(new CountDownLatch(0));
        hub.open(acme, recycled);
        hub.open(acme, open);
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.clientCount() == 2);

        hub.destroy();

        assertThat(open.completed).isTrue();
        assertThat(hub.clientCount()).isZero();
    }

    private String receive(int n) {
        return manager.receive(InboundMessage.builder("acme", ChannelId.SMS).customerName("Ana " + n)
                .customerPhone(String.format("+1415555%04d", 700 + n % 100)).body("message " + n).build()).message().id();
    }

    private static List<String> createdIds(RecordingEmitter emitter) {
        List<String> found = new ArrayList<>();
        Matcher m = CREATED.matcher(String.join("", emitter.writes));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /**
     * Records each write whole; a write after the opening comment waits for {@code release}, as one to a client that
     * stopped reading does.
     */
    private static class RecordingEmitter extends SseEmitter {
        final List<String> writes = new CopyOnWriteArrayList<>();
        final CountDownLatch release;
        volatile boolean completed;

        RecordingEmitter(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void complete() {
            completed = true;
        }

        @Override
        public void send(Set<DataWithMediaType> items) {
            items.forEach(item -> writes.add((String) item.getData()));
            if (writes.size() == 1) {
                return;
            }
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
