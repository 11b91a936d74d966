package dev.threadline.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.jpa.JpaConversationStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Item 3: draining queued messages to a channel that answers at once, by four
 * {@link MessageManager#startDelivery delivery workers} against four threads looping a raw
 * {@code FOR UPDATE SKIP LOCKED} claim. Each side drains its own freshly queued tenant after a small
 * warmup drain, in {@code scale.rounds()} interleaved drains a side.
 */
final class OutboxBenchmark {

    private static final int WORKERS = 4;
    private static final int BATCH = 50;
    /**
     * The baseline: claim up to 50 due rows, drop them from the outbox and mark their messages sent, in one
     * statement; the no-op send follows for each returned row. It is the least work a SKIP LOCKED drain can
     * do; it has no lease, so a crash between statement and send loses those messages.
     */
    private static final String RAW_DRAIN = "WITH due AS (SELECT tenant_id, message_id FROM outbox WHERE tenant_id = ? AND due_at <= now()"
            + " ORDER BY due_at, message_id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED),"
            + " gone AS (DELETE FROM outbox o USING due WHERE o.tenant_id = due.tenant_id AND o.message_id = due.message_id)"
            + " UPDATE messages m SET status = 'sent', status_at = now() FROM due"
            + " WHERE m.tenant_id = due.tenant_id AND m.id = due.message_id RETURNING m.id, m.body, m.conversation_id";

    private final Scale scale;
    private final Report report;

    OutboxBenchmark(Scale scale, Report report) {
        this.scale = scale;
        this.report = report;
    }

    void run() throws Exception {
        System.out.println("Outbox delivery");
        int n = scale.outboxMessages();
        int warmup = Math.max(1_000, n / 20);
        String run = "outbox-" + System.currentTimeMillis();
        try (HikariDataSource pool = BenchDatabase.pool(WORKERS + 2, "bench-outbox");
             JpaConversationStore store = JpaConversationStore.builder().dataSource(pool).build()) {
            ours(pool, store, run + "-warm-ours", warmup);
            raw(pool, run + "-warm-raw", warmup);
            // One drain a side swung the raw loop's rate by a third from run to run; the median of interleaved
            // drains is steadier.
            List<Double> oursRates = new ArrayList<>();
            List<Double> rawRates = new ArrayList<>();
            for (int round = 0; round < scale.rounds(); round++) {
                oursRates.add(ours(pool, store, run + "-ours-" + round, n));
                rawRates.add(raw(pool, run + "-raw-" + round, n));
                BenchDatabase.vacuumAnalyze(pool, "outbox", "messages");
            }
            double oursRate = new Measured("ours", oursRates, new Latencies()).throughput();
            double rawRate = new Measured("raw", rawRates, new Latencies()).throughput();
            String figure = "3. outbox drain, " + String.format("%,d", n) + " messages, 4 workers";
            report.row(figure + ": median of " + scale.rounds() + " drains", Report.perSecond(oursRate), Report.perSecond(rawRate),
                    oursRate / rawRate, "≥ 0.5×", oursRate / rawRate >= 0.5);
            report.info(figure + ": each drain", oursRates.stream().map(Report::perSecond).collect(Collectors.joining(", ")),
                    rawRates.stream().map(Report::perSecond).collect(Collectors.joining(", ")),
                    IntStream.range(0, oursRates.size()).mapToObj(i -> String.format("%.2f×", oursRates.get(i) / rawRates.get(i)))
                            .collect(Collectors.joining(", ")));
        }
    }

    private double ours(HikariDataSource pool, JpaConversationStore store, String tenant, int n) throws Exception {
        OutboxSeed.queue(pool, tenant, n);
        NoOpChannel channel = new NoOpChannel();
        long start;
        long elapsed;
        try (MessageManager manager = MessageManager.builder().store(store).outbox(store).channel(channel)
                .batchSize(BATCH).pollInterval(Duration.ofMillis(100)).build()) {
            start = System.nanoTime();
            manager.startDelivery(WORKERS);
            // Watch the channel's counter, which costs nothing, until every message went out; only then ask the
            // database, cheaply, whether every outcome is written. Counting the outbox every few milliseconds
            // took a large share of the database's CPU away from the workers.
            while (channel.sends() < n) {
                Thread.sleep(5);
            }
            while (anyQueued(pool, tenant)) {
                Thread.sleep(5);
            }
            elapsed = System.nanoTime() - start;
        }
        requireSent(pool, tenant, n, channel.sends());
        double rate = n * 1e9 / elapsed;
        System.out.printf("  MessageManager.startDelivery(4): %,d in %.1f s = %.0f/s%n", n, elapsed / 1e9, rate);
        return rate;
    }

    private double raw(HikariDataSource pool, String tenant, int n) throws Exception {
        OutboxSeed.queue(pool, tenant, n);
        NoOpChannel channel = new NoOpChannel();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < WORKERS; w++) {
            Thread t = new Thread(() -> {
                try {
                    while (drainBatch(pool, tenant, channel) > 0) {
                        // keep draining until a claim finds nothing
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "raw-drain-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw failure.get();
        }
        requireSent(pool, tenant, n, channel.sends());
        double rate = n * 1e9 / elapsed;
        System.out.printf("  raw SKIP LOCKED loop: %,d in %.1f s = %.0f/s%n", n, elapsed / 1e9, rate);
        return rate;
    }

    private static int drainBatch(DataSource pool, String tenant, NoOpChannel channel) throws SQLException {
        int count = 0;
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(RAW_DRAIN)) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rs.getString(2);
                    channel.sendRaw();
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean anyQueued(DataSource pool, String tenant) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM outbox WHERE tenant_id = ?)")) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Every queued message was sent once: the channel saw n sends and n messages are marked sent. */
    private static void requireSent(DataSource pool, String tenant, int n, long sends) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT count(*) FROM messages WHERE tenant_id = ? AND status = 'sent'")) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != n || sends != n) {
                    throw new IllegalStateException(tenant + ": " + rs.getLong(1) + " sent rows and " + sends + " sends for " + n + " queued");
                }
            }
        }
    }
}
