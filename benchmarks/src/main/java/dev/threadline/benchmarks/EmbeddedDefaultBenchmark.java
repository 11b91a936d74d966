package dev.threadline.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 20, target 7: the embedded default as it ships. The example app's jar on its own H2 database under
 * {@code ./data} (a fresh folder each run), the offline AI receptionist answering, {@code POST /send} from
 * {@value #CLIENTS} HTTP clients, each call a new customer (receive + AI reply). No baseline and no target: what one
 * machine with no database server does. The rate limit is off: at its default (60 sends a minute per tenant) it, not
 * the app, would set the number.
 */
final class EmbeddedDefaultBenchmark {

    private static final int CLIENTS = 8;

    private final Scale scale;
    private final Report report;

    EmbeddedDefaultBenchmark(Scale scale, Report report) {
        this.scale = scale;
        this.report = report;
    }

    void run() throws Exception {
        System.out.println("Embedded default: the example app on H2, POST /send with the AI reply");
        if (!Files.isRegularFile(ConsoleApp.JAR)) {
            report.note("Target 7 skipped: no example app jar at " + ConsoleApp.JAR.toAbsolutePath() + " (build examples/messaging-console first).");
            return;
        }
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "embedded-");
        AtomicLong customers = new AtomicLong();
        try (ConsoleApp app = ConsoleApp.start(home, "embedded-app.log", List.of("--messaging.rate-limit.enabled=false"))) {
            List<Measured> m = Comparison.throughput(scale, CLIENTS, List.of(new Side("POST /send, new customer, AI reply", t -> {
                long customer = customers.incrementAndGet();
                String answer = app.send(String.format("{\"channel\":\"sms\",\"customer_name\":\"Guest %d\","
                        + "\"customer_phone\":\"+1555%07d\",\"content\":\"How much is Botox?\"}", customer, 5_000_000 + customer));
                // Every call does the same work: the customer's message stored and the receptionist's answer with it.
                if (!answer.contains("\"ai_response\":{")) {
                    throw new IllegalStateException("no AI reply: " + answer);
                }
            })));
            Measured ours = m.get(0);
            report.info("7. embedded default (example app, H2 file, offline AI): POST /send + AI reply, " + CLIENTS
                            + " clients, new customer each: throughput, p50 / p99",
                    Report.perSecond(ours.throughput()) + ", " + Report.millis(ours.p50()) + " / " + Report.millis(ours.p99()),
                    "—", "—");
        }
    }
}
