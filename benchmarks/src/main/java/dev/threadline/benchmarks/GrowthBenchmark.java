package dev.threadline.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationDetail;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.jpa.JpaConversationStore;
import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Issue 20, target 1: the cost of one message must not grow with its conversation. Receives a customer message with
 * its AI reply (offline responder) into conversations already holding 10, 1,000 and 10,000 messages, on H2 and on
 * PostgreSQL, and reads the newest window of 10 messages of each (every conversation returns 10 rows). The AI's
 * history window (50 messages) is full from 50 messages on, so the 10 → 1,000 rows include the history growing to
 * its cap, and the 1,000 → 10,000 rows show whether anything else grows. After every timed call the two new messages are
 * deleted untimed, so each conversation keeps its size. Both sides of a row do the same work: each receive must
 * bring an AI reply, each read 50 messages.
 */
final class GrowthBenchmark {

    private static final String TENANT = "growth-" + System.nanoTime();
    /** As many messages as the smallest conversation holds, so every read returns the same number of rows. */
    private static final int WINDOW = 10;
    /** What the offline responder answers from; the HTTP overhead benchmark's app answers from it too. */
    static final KnowledgeBase SPA = KnowledgeBase.builder("Glow Med Spa").hours("Mon-Fri 9am-6pm").build();

    private final Scale scale;
    private final Report report;
    private final int[] sizes;

    GrowthBenchmark(Scale scale, Report report) {
        this.scale = scale;
        this.report = report;
        this.sizes = scale.name().equals("full") ? new int[] {10, 1_000, 10_000} : new int[] {10, 100, 1_000};
    }

    void run() throws Exception {
        Path h2 = Files.createTempDirectory("threadline-growth");
        List<BarChart.Series> receiveCost = new ArrayList<>();
        receiveCost.add(new BarChart.Series("H2", "#4f46e5",
                measure("H2", () -> pool("jdbc:h2:file:" + h2.resolve("growth").toAbsolutePath()), false)));
        receiveCost.add(new BarChart.Series("PostgreSQL", "#0891b2", measure("PostgreSQL", () -> BenchDatabase.pool(4, "bench-growth"), true)));
        Path chart = Path.of(scale.name().equals("full") ? "growth-conversation.svg" : "target/growth-conversation-quick.svg");
        Files.writeString(chart, BarChart.of("Receive + AI reply, p50 (ms), by messages already in the conversation", sizes, receiveCost));
        System.out.println("  wrote " + chart.toAbsolutePath());
    }

    /** Measures both figures on one database; answers the receive's p50 per size, for the chart. */
    private double[] measure(String database, Supplier<HikariDataSource> pools, boolean postgres) throws Exception {
        System.out.println("Growth, " + database);
        try (HikariDataSource pool = pools.get(); JpaConversationStore store = JpaConversationStore.builder().dataSource(pool).build();
             MessageManager manager = MessageManager.builder().store(store).channel(new SimulatorChannel(ChannelId.SMS))
                     .responder(new KnowledgeBaseResponder(SPA)).build()) {
            List<Side> receives = new ArrayList<>();
            List<Side> reads = new ArrayList<>();
            for (int size : sizes) {
                String phone = String.format("+1555%07d", 2_000_000 + size);
                String conversationId = prime(manager, phone, size);
                String lastPrimed = manager.getConversation(TENANT, conversationId, 1, null).messages().get(0).id();
                receives.add(new Side("receive + AI reply at " + size + " messages", t -> receive(manager, phone),
                        t -> deleteAfter(pool, conversationId, lastPrimed)));
                reads.add(new Side("newest " + WINDOW + " of " + size + " messages", t -> read(manager, conversationId, size)));
            }
            if (postgres) {
                // Statistics as autovacuum would keep them (it is off on this machine's PostgreSQL): without them the
                // planner takes the freshly filled tables for empty.
                BenchDatabase.vacuumAnalyze(pool, "contacts", "conversations", "messages", "conversation_events", "outbox");
            }
            List<Measured> received = Comparison.latency(scale, receives);
            rows(database, "receive + AI reply", received);
            rows(database, "conversation detail, newest " + WINDOW, Comparison.latency(scale, reads));
            return received.stream().mapToDouble(Measured::p50).toArray();
        }
    }

    /** Each larger size against the smallest (the target), and the largest against the middle one. */
    private void rows(String database, String what, List<Measured> measured) {
        for (int i = 1; i < measured.size(); i++) {
            row(database, what, measured, i, 0);
        }
        row(database, what, measured, measured.size() - 1, measured.size() - 2);
    }

    /** Throughput at {@code sizes[larger]} over throughput at {@code sizes[smaller]}: at most 1.2× the cost. */
    private void row(String database, String what, List<Measured> measured, int larger, int smaller) {
        double ratio = measured.get(larger).throughput() / measured.get(smaller).throughput();
        report.row("20.1 " + what + ", " + database + ": " + String.format("%,d vs %,d messages", sizes[larger], sizes[smaller]),
                Report.perSecond(measured.get(larger).throughput()), Report.perSecond(measured.get(smaller).throughput()), ratio,
                "≥ 0.83× (cost ≤ 1.2×)", ratio >= 1 / 1.2);
    }

    private static String prime(MessageManager manager, String phone, int size) {
        String conversationId = null;
        for (int i = 0; i < size; i++) {
            conversationId = manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerName("Grow " + size)
                    .customerPhone(phone).body("message " + i).generateAiReply(false).build()).conversation().id();
        }
        return conversationId;
    }

    private static void receive(MessageManager manager, String phone) {
        ReceiveResult result = manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerName("Grow")
                .customerPhone(phone).body("What are your hours?").generateAiReply(true).build());
        if (result.aiReply() == null) {
            throw new IllegalStateException("no AI reply: the sides would not do the same work");
        }
    }

    private static void read(MessageManager manager, String conversationId, int size) {
        ConversationDetail detail = manager.getConversation(TENANT, conversationId, WINDOW, null);
        if (detail.messages().size() != Math.min(WINDOW, size)) {
            throw new IllegalStateException("a window of the wrong size");
        }
    }

    /** Deletes what a timed call added after the primed messages, so the conversation keeps its size. */
    private static void deleteAfter(DataSource pool, String conversationId, String lastPrimed) throws Exception {
        try (Connection c = pool.getConnection();
             PreparedStatement outbox = c.prepareStatement("delete from outbox where tenant_id = ? and message_id in"
                     + " (select id from messages where tenant_id = ? and conversation_id = ? and id > ?)");
             PreparedStatement messages = c.prepareStatement(
                     "delete from messages where tenant_id = ? and conversation_id = ? and id > ?")) {
            outbox.setString(1, TENANT);
            outbox.setString(2, TENANT);
            outbox.setString(3, conversationId);
            outbox.setString(4, lastPrimed);
            outbox.executeUpdate();
            messages.setString(1, TENANT);
            messages.setString(2, conversationId);
            messages.setString(3, lastPrimed);
            messages.executeUpdate();
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
