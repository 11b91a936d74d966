package dev.threadline.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.jpa.JpaConversationStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 20, target 6: the list's first page at three tenant sizes, which should cost the same at each. One tenant per
 * size ({@value #MESSAGES_PER_CONVERSATION} messages per conversation: the first page reads conversations, not their
 * messages), all sizes and their raw keyset baselines measured in the same interleaved rounds. Writes
 * {@code growth-list.svg}, the p99 per size, next to the results.
 */
final class ListGrowthBenchmark {

    private static final int MESSAGES_PER_CONVERSATION = 2;
    private static final int PAGE = 20;
    /** Flat: the largest tenant's first page may cost at most this much more than the smallest's. */
    private static final double FLAT = 1.2;

    private final Scale scale;
    private final Report report;

    ListGrowthBenchmark(Scale scale, Report report) {
        this.scale = scale;
        this.report = report;
    }

    void run() throws Exception {
        System.out.println("List growth: the first page at three tenant sizes");
        int largest = scale.listConversations() * 10;
        int[] sizes = {largest / 100, largest / 10, largest};
        try (HikariDataSource pool = BenchDatabase.pool(4, "bench-list-growth");
             JpaConversationStore store = JpaConversationStore.builder().dataSource(pool).build();
             MessageManager manager = MessageManager.builder().store(store).outbox(store).build()) {
            RawList raw = new RawList(pool);
            List<Side> sides = new ArrayList<>();
            for (int size : sizes) {
                String tenant = "list-growth-" + size;
                ListSeed.ensure(pool, store, tenant, size, MESSAGES_PER_CONVERSATION);
                List<String> ours = manager.listConversations(tenant, ConversationQuery.all()).conversations().stream()
                        .map(c -> c.id()).toList();
                List<String> theirs = raw.page(tenant, null, null, null, null, PAGE).stream().limit(PAGE).map(RawList.Row::id).toList();
                if (!ours.equals(theirs)) {
                    throw new IllegalStateException(size + " conversations: the library and the raw query disagree: " + ours + " vs " + theirs);
                }
                sides.add(new Side("listConversations, " + size, t -> manager.listConversations(tenant, ConversationQuery.all())));
                sides.add(new Side("raw keyset query, " + size, t -> raw.page(tenant, null, null, null, null, PAGE)));
            }
            List<Measured> m = Comparison.latency(scale, sides);
            double[] ourP99 = new double[sizes.length];
            double[] rawP99 = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                Measured ours = m.get(2 * i);
                Measured base = m.get(2 * i + 1);
                ourP99[i] = ours.p99();
                rawP99[i] = base.p99();
                report.info("6. list, first page, " + String.format("%,d", sizes[i]) + " conversations: p99 (p50)",
                        Report.millis(ours.p99()) + " (" + Report.millis(ours.p50()) + ")",
                        Report.millis(base.p99()) + " (" + Report.millis(base.p50()) + ")",
                        String.format("%.2f×", ours.p99() / base.p99()));
            }
            for (int i = 1; i < sizes.length; i++) {
                double growth = ourP99[i] / ourP99[0];
                report.row(String.format("6. list, first page p99: %,d vs %,d conversations", sizes[i], sizes[0]),
                        Report.millis(ourP99[i]), Report.millis(ourP99[0]), growth, "≤ " + FLAT + "× (flat)", growth <= FLAT);
            }
            Path chart = Path.of(scale.name().equals("full") ? "growth-list.svg" : "target/growth-list-quick.svg");
            Files.writeString(chart, BarChart.of("First page of the list, p99 (ms), by conversations in the tenant",
                    sizes, List.of(new BarChart.Series("Threadline", "#4f46e5", ourP99), new BarChart.Series("raw keyset query", "#9ca3af", rawP99))));
            System.out.println("  wrote " + chart.toAbsolutePath());
        }
    }
}
