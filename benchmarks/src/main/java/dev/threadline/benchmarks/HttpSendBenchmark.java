package dev.threadline.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Item 5: {@code POST /send} (no AI reply) through the example app's admin API, the app running as its
 * own process on the benchmark database, from concurrent HTTP clients on loopback; against
 * {@link RawAppend} on the same number of threads.
 */
final class HttpSendBenchmark {

    private static final int CLIENTS = 8;
    private static final int CUSTOMERS = 200;
    /** As in the receive benchmark: past the first messages, whose headline refresh is a separate cost. */
    private static final int PRIMING_MESSAGES = 7;

    private final Scale scale;
    private final Report report;

    HttpSendBenchmark(Scale scale, Report report) {
        this.scale = scale;
        this.report = report;
    }

    void run() throws Exception {
        System.out.println("End to end: POST /send through the example app");
        if (!Files.isRegularFile(ConsoleApp.JAR)) {
            report.note("Item 5 skipped: no example app jar at " + ConsoleApp.JAR.toAbsolutePath() + " (build examples/messaging-console first).");
            return;
        }
        try (ConsoleApp app = ConsoleApp.start(Path.of("target"), "console-app.log", List.of(
                "--spring.datasource.url=" + BenchDatabase.url(BenchDatabase.NAME),
                "--spring.datasource.username=" + BenchDatabase.USER,
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=" + (CLIENTS + 2),
                "--messaging.rate-limit.enabled=false",
                "--messaging.ai.mode=off"))) {
            String body = "Can I book a hydrafacial on Friday at 4pm?";
            for (int n = 0; n < PRIMING_MESSAGES; n++) {
                for (int i = 0; i < CUSTOMERS; i++) {
                    send(app, i, body);
                }
            }
            try (HikariDataSource pool = BenchDatabase.pool(CLIENTS + 2, "bench-http")) {
                String[] conversations = conversationIds(pool);
                RawAppend raw = new RawAppend(pool);
                List<Measured> m = Comparison.throughput(scale, CLIENTS, List.of(
                        new Side("POST /send", t -> send(app, ThreadLocalRandom.current().nextInt(CUSTOMERS), body)),
                        new Side("raw JDBC insert + counters", t -> raw.append(ConsoleApp.TENANT,
                                conversations[ThreadLocalRandom.current().nextInt(conversations.length)], body,
                                "SM" + UUID.randomUUID()))));
                Measured ours = m.get(0);
                Measured base = m.get(1);
                report.info("5. POST /send, " + CLIENTS + " HTTP clients: throughput", Report.perSecond(ours.throughput()),
                        Report.perSecond(base.throughput()), String.format("%.2f×", ours.throughput() / base.throughput()));
                double perHour = ours.throughput() * 3600;
                report.row("5. POST /send: messages per hour vs the seed's 10,000/h", String.format("%,.0f/h", perHour), "10,000/h",
                        perHour / 10_000, "≥ 100×", perHour / 10_000 >= 100);
                report.row("5. POST /send: p99 latency vs the seed's 200 ms", Report.millis(ours.p99()), "200 ms", ours.p99() / 200,
                        "< 1× (under 200 ms)", ours.p99() < 200);
                report.info("5. POST /send: p50 / p99", Report.millis(ours.p50()) + " / " + Report.millis(ours.p99()),
                        Report.millis(base.p50()) + " / " + Report.millis(base.p99()),
                        String.format("%.2f× / %.2f×", ours.p50() / base.p50(), ours.p99() / base.p99()));
            }
        }
    }

    private static void send(ConsoleApp app, int customer, String content) throws Exception {
        app.send(String.format("{\"channel\":\"sms\",\"customer_name\":\"Bench %d\",\"customer_phone\":\"+1555%07d\","
                + "\"content\":\"%s\",\"generate_ai_response\":false}", customer, 4_000_000 + customer, content));
    }

    private static String[] conversationIds(HikariDataSource pool) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT id FROM conversations WHERE tenant_id = ? AND customer_phone LIKE '+15554%' AND status = 'active'")) {
            st.setString(1, ConsoleApp.TENANT);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids.toArray(String[]::new);
    }
}
