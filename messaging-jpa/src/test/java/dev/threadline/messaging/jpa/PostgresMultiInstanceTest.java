package dev.threadline.messaging.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.spi.OutboxEntry;
import dev.threadline.messaging.support.InProcessEventBus;
import dev.threadline.messaging.testkit.Concurrently;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two app instances (separate pools, Hibernate and managers) sharing one PostgreSQL. */
@RequiresPostgres
class PostgresMultiInstanceTest {

    private static final String TENANT = "acme";
    private static final String PHONE = "+15551234567";
    private static final Duration GENEROUS = Duration.ofMinutes(2);

    private static TestDatabase database;
    private final RecordingChannel provider = new RecordingChannel();
    private AppInstance a;
    private AppInstance b;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.postgres();
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void startTwoInstances() {
        a = new AppInstance(database, provider, new InProcessEventBus());
        b = new AppInstance(database, provider, new InProcessEventBus());
        database.clear();
    }

    @AfterEach
    void stopInstances() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private static InboundMessage firstSms(String body) {
        return InboundMessage.builder(TENANT, ChannelId.SMS).customerName("Ana Lima").customerPhone(PHONE).body(body)
                .generateAiReply(false).build();
    }

    @Test
    void fiftyConcurrentFirstMessagesSplitAcrossInstancesMakeOneConversation() {
        List<String> conversationIds = Concurrently.run(50,
                i -> (i % 2 == 0 ? a : b).manager.receive(firstSms("message " + i)).conversation().id());

        assertThat(new HashSet<>(conversationIds)).hasSize(1);
        Conversation conversation = a.store.findConversation(TENANT, conversationIds.get(0)).orElseThrow();
        assertThat(conversation.messageCount()).isEqualTo(50);
        assertThat(b.store.messages(TENANT, conversation.id())).hasSize(50);
    }

    @Test
    void fourWorkersPerInstanceSendFiveThousandMessagesExactlyOnce() throws Exception {
        int count = 5_000;
        seedQueuedMessages(count);

        a.manager.startDelivery(4);
        b.manager.startDelivery(4);
        Await.until("the outbox is drained", GENEROUS, () -> a.store.pendingCount() == 0);

        assertThat(provider.sendsByMessage()).hasSize(count);
        assertThat(provider.sendsByMessage().values()).allSatisfy(sends -> assertThat(sends.get()).isEqualTo(1));
        assertThat(countMessagesWithStatus(DeliveryStatus.SENT)).isEqualTo(count);
    }

    @Test
    void rowsOfAWorkerKilledMidBatchAreSentOnceAfterItsLeaseAndTheGrace() throws Exception {
        seedQueuedMessages(300);
        Instant now = Instant.now();
        List<OutboxEntry> orphaned = a.store.claimDue(now, 100, "killed-worker", now.plusSeconds(1), AppInstance.IN_DOUBT_GRACE);

        b.manager.startDelivery(4);
        Await.until("the outbox is drained", GENEROUS, () -> b.store.pendingCount() == 0);

        assertThat(provider.sendsByMessage()).hasSize(300);
        assertThat(provider.sendsByMessage().values()).allSatisfy(sends -> assertThat(sends.get()).isEqualTo(1));
        assertThat(orphaned).allSatisfy(entry -> assertThat(provider.sendsByMessage()).containsKey(entry.messageId()));
    }

    @Test
    void aKilledWorkerThatWakesUpCannotCompleteItsLostClaim() throws Exception {
        seedQueuedMessages(10);
        Instant now = Instant.now();
        OutboxEntry orphaned = a.store.claimDue(now, 1, "killed-worker", now.plusSeconds(1), AppInstance.IN_DOUBT_GRACE).get(0);

        b.manager.startDelivery(2);
        Await.until("the outbox is drained", GENEROUS, () -> b.store.pendingCount() == 0);

        assertThat(a.store.complete(orphaned, DeliveryUpdate.of(DeliveryStatus.FAILED, Instant.now()))).isEmpty();
        assertThat(a.store.findMessage(TENANT, orphaned.messageId())).map(m -> m.status()).contains(DeliveryStatus.SENT);
    }

    @Test
    void aMessageReceivedOnOneInstanceIsAnEventOnTheOther() throws Exception {
        String channel = "threadline_test_" + UUID.randomUUID().toString().replace("-", "");
        try (PostgresEventBus busA = PostgresEventBus.builder().dataSource(a.pool).channel(channel).build();
             PostgresEventBus busB = PostgresEventBus.builder().dataSource(b.pool).channel(channel).build();
             AppInstance sender = new AppInstance(database, provider, busA);
             AppInstance watcher = new AppInstance(database, provider, busB)) {
            BlockingQueue<MessagingEvent> seenOnB = new ArrayBlockingQueue<>(16);
            watcher.manager.subscribe(seenOnB::add);

            ReceiveResult received = sender.manager.receive(firstSms("Hi from instance A"));

            MessagingEvent event = nextOfType(seenOnB, MessagingEvent.MESSAGE_CREATED);
            assertThat(event.messageId()).isEqualTo(received.message().id());
            assertThat(watcher.manager.getMessage(TENANT, event.messageId()).body()).isEqualTo("Hi from instance A");
        }
    }

    private static MessagingEvent nextOfType(BlockingQueue<MessagingEvent> events, String type) throws InterruptedException {
        while (true) {
            MessagingEvent event = events.poll(GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertThat(event).as("an event of type " + type).isNotNull();
            if (event.type().equals(type)) {
                return event;
            }
        }
    }

    /** Queues {@code count} outbound messages on one conversation, due now, in one statement each for speed. */
    private void seedQueuedMessages(int count) throws SQLException {
        Contact contact = a.store.upsertContact(TENANT, PHONE, null, "Ana Lima");
        Instant now = Instant.now();
        Conversation conversation = a.store.openConversation(new Conversation(UUID.randomUUID().toString(), TENANT, ChannelId.SMS,
                contact.id(), "Ana Lima", PHONE, null, null, "sms|" + PHONE + "|", ConversationStatus.ACTIVE, null, null,
                now, now, 0, 0, null, null, "default", null, null, null, Map.of(), 0));
        try (Connection connection = a.pool.getConnection()) {
            try (PreparedStatement messages = connection.prepareStatement("INSERT INTO messages (tenant_id, id, conversation_id,"
                    + " channel, direction, author, body, status, created_at, status_at) SELECT ?, 'bulk-' || lpad(g::text, 6, '0'), ?,"
                    + " 'sms', 'outbound', 'staff', 'Reminder ' || g, 'queued', now(), now() FROM generate_series(1, ?) g")) {
                messages.setString(1, TENANT);
                messages.setString(2, conversation.id());
                messages.setInt(3, count);
                messages.executeUpdate();
            }
            try (PreparedStatement outbox = connection.prepareStatement("INSERT INTO outbox (tenant_id, message_id, due_at)"
                    + " SELECT tenant_id, id, now() - interval '1 second' FROM messages WHERE tenant_id = ? AND id LIKE 'bulk-%'")) {
                outbox.setString(1, TENANT);
                outbox.executeUpdate();
            }
        }
    }

    private long countMessagesWithStatus(DeliveryStatus status) throws SQLException {
        try (Connection connection = a.pool.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM messages WHERE tenant_id = ? AND status = ?")) {
            count.setString(1, TENANT);
            count.setString(2, status.wireName());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
