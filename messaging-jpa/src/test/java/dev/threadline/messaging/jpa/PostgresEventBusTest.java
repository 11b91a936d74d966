package dev.threadline.messaging.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.MessagingEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two buses on separate pools, as two app instances would have, on one PostgreSQL. */
@RequiresPostgres
class PostgresEventBusTest {

    private static final Duration GENEROUS = Duration.ofSeconds(60);

    private final String channel = "threadline_test_" + UUID.randomUUID().toString().replace("-", "");
    private TestDatabase database;
    private HikariDataSource otherPool;
    private PostgresEventBus a;
    private PostgresEventBus b;
    private final BlockingQueue<MessagingEvent> seenOnB = new LinkedBlockingQueue<>();

    @BeforeEach
    void startTwoBuses() {
        database = TestDatabase.postgres();
        otherPool = database.anotherPool();
        a = bus(database.dataSource());
        b = bus(otherPool);
        b.subscribe(seenOnB::add);
    }

    private PostgresEventBus bus(DataSource dataSource) {
        return PostgresEventBus.builder().dataSource(dataSource).channel(channel)
                .pollInterval(Duration.ofMillis(100)).reconnectDelay(Duration.ofMillis(100)).build();
    }

    @AfterEach
    void stopBuses() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (otherPool != null) {
            otherPool.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static MessagingEvent updated(String conversationId) {
        return new MessagingEvent(MessagingEvent.CONVERSATION_UPDATED, "acme", conversationId, null, null);
    }

    private MessagingEvent nextOnB() throws InterruptedException {
        MessagingEvent event = seenOnB.poll(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        assertThat(event).as("an event delivered to the other instance").isNotNull();
        return event;
    }

    @Test
    void anEventReachesTheOtherInstanceWithAllItsFields() throws Exception {
        MessagingEvent sent = new MessagingEvent(MessagingEvent.MESSAGE_STATUS, "acme", "c-1", "m-1", DeliveryStatus.DELIVERED);
        a.publish(sent);
        assertThat(nextOnB()).isEqualTo(sent);
    }

    @Test
    void thePublishingInstanceSeesItsOwnEventOnce() throws Exception {
        AtomicInteger seenOnA = new AtomicInteger();
        a.subscribe(e -> seenOnA.incrementAndGet());

        a.publish(updated("c-1"));
        a.publish(updated("c-2"));

        // Notifications arrive in order: once B has the second, A's listener has read both as well.
        assertThat(nextOnB().conversationId()).isEqualTo("c-1");
        assertThat(nextOnB().conversationId()).isEqualTo("c-2");
        assertThat(seenOnA.get()).isEqualTo(2);
    }

    @Test
    void aMalformedNotificationIsSkipped() throws Exception {
        notifyRaw("not json");
        a.publish(updated("c-after"));
        assertThat(nextOnB().conversationId()).isEqualTo("c-after");
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() throws Exception {
        BlockingQueue<MessagingEvent> second = new LinkedBlockingQueue<>();
        b.subscribe(e -> {
            throw new IllegalStateException("subscriber bug");
        });
        b.subscribe(second::add);
        a.publish(updated("c-1"));
        assertThat(second.poll(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isEqualTo(updated("c-1"));
    }

    @Test
    void theListenerRecoversWhenItsConnectionIsKilled() throws Exception {
        killListeners();
        // Notifications sent while the listener is down are lost by design; keep publishing until one arrives.
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        MessagingEvent arrived = null;
        while (arrived == null && System.nanoTime() < deadline) {
            a.publish(updated("c-after-reconnect"));
            arrived = seenOnB.poll(200, TimeUnit.MILLISECONDS);
        }
        assertThat(arrived).isEqualTo(updated("c-after-reconnect"));
    }

    @Test
    void eventsPublishedFromManyThreadsAllReachTheOtherInstanceInEachThreadsOrder() throws Exception {
        int threads = 8;
        int perThread = 200;
        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread publisher = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    a.publish(updated(thread + "-" + i));
                }
            });
            publishers.add(publisher);
            publisher.start();
        }
        for (Thread publisher : publishers) {
            publisher.join();
        }
        Map<String, List<Integer>> seenPerThread = new HashMap<>();
        for (int n = 0; n < threads * perThread; n++) {
            String[] id = nextOnB().conversationId().split("-");
            seenPerThread.computeIfAbsent(id[0], k -> new ArrayList<>()).add(Integer.parseInt(id[1]));
        }
        List<Integer> inOrder = IntStream.range(0, perThread).boxed().toList();
        assertThat(seenPerThread).hasSize(threads).allSatisfy((thread, seen) -> assertThat(seen).isEqualTo(inOrder));
    }

    @Test
    void eventsStillQueuedWhenTheBusClosesReachTheOtherInstance() throws Exception {
        for (int i = 0; i < 100; i++) {
            a.publish(updated("c-" + i));
        }
        a.close();
        a = null;
        for (int i = 0; i < 100; i++) {
            assertThat(nextOnB().conversationId()).isEqualTo("c-" + i);
        }
    }

    @Test
    void aChannelNameMustBeAnIdentifier() {
        assertThatThrownBy(() -> PostgresEventBus.builder().channel("events; DROP TABLE messages"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
    }

    private void notifyRaw(String payload) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    private void killListeners() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement kill = connection.prepareStatement(
                     "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = ?")) {
            kill.setString(1, "LISTEN " + channel);
            try (ResultSet rows = kill.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("listening connections terminated").isEqualTo(2);
            }
        }
    }
}
