package dev.threadline.benchmarks;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 20, target 4: many console users at once. The example app on the benchmark database, {@code streams} SSE
 * subscribers of its tenant held open while customer messages arrive at a steady rate through {@code POST /send}, and an
 * admin caller reading the conversation list meanwhile. Reports whether every subscriber saw every message, the delay
 * from a message's acknowledgement to its event at the subscribers, the app's threads and heap before and after the
 * streams opened, and the admin calls' latency under that load.
 */
final class StreamLoadBenchmark {

    private static final Pattern MESSAGE_ID = Pattern.compile("\"message_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final int MESSAGES_PER_SECOND = 50;
    private static final double MAX_DELAY_MS = 1_000;
    private static final double MAX_ADMIN_P99_MS = 100;

    private final Report report;
    private final int streams;
    private final Duration hold;
    private final Duration warmup;

    StreamLoadBenchmark(Scale scale, Report report) {
        this.report = report;
        boolean full = scale.name().equals("full");
        this.streams = full ? 1_000 : 100;
        this.hold = full ? Duration.ofSeconds(60) : Duration.ofSeconds(10);
        this.warmup = full ? Duration.ofSeconds(15) : Duration.ofSeconds(5);
    }

    void run() throws Exception {
        System.out.println("Live console users: " + streams + " SSE streams while " + MESSAGES_PER_SECOND + " messages/s arrive");
        if (!Files.isRegularFile(ConsoleApp.JAR)) {
            report.note("Target 4 skipped: no example app jar at " + ConsoleApp.JAR.toAbsolutePath());
            return;
        }
        try (ConsoleApp app = ConsoleApp.start(Path.of("target"), "stream-app.log", List.of(
                "--spring.datasource.url=" + BenchDatabase.url(BenchDatabase.NAME),
                "--spring.datasource.username=" + BenchDatabase.USER, "--spring.datasource.password=",
                "--messaging.rate-limit.enabled=false", "--console.demo-data=false"))) {
            app.send(customerMessage(0)); // the first request warms the app's paths up
            long threadsBefore = app.threads();
            long heapBefore = app.heapUsedAfterGc();

            // When each subscriber heard of each message; an event may arrive before its sender has the answer.
            Map<String, Latencies> arrivals = new ConcurrentHashMap<>();
            long openStart = System.nanoTime();
            SseStreams subscribers = app.streams(streams, (messageId, at) -> {
                Latencies heard = arrivals.computeIfAbsent(messageId, k -> new Latencies());
                synchronized (heard) {
                    heard.record(at);
                }
            });
            if (!subscribers.awaitConnected(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException(subscribers.connectedCount() + " of " + streams + " streams opened");
            }
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            long threadsOpen = app.threads();
            long heapOpen = app.heapUsedAfterGc();

            // A first stretch of the same load, not counted: the app's request paths compile and warm up under it
            // (the first admin calls took up to 190 ms while they did).
            load(app, warmup, new ConcurrentHashMap<>(), new Latencies());
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Latencies admin = new Latencies();
            load(app, hold, sentAt, admin);
            Thread.sleep(2_000); // the last events on their way
            long threadsAfter = app.threads();
            subscribers.close();

            long expected = (long) sentAt.size() * streams;
            long received = 0;
            long missedBySome = 0;
            Latencies delays = new Latencies();
            for (Map.Entry<String, Long> message : sentAt.entrySet()) {
                Latencies heard = arrivals.get(message.getKey());
                if (heard != null) {
                    received += heard.count();
                    heard.each(at -> delays.record(at - message.getValue()));
                }
                missedBySome += heard == null || heard.count() < streams ? 1 : 0;
            }
            report.row("4. " + streams + " SSE streams, " + sentAt.size() + " messages in " + hold.toSeconds() + " s: events received / expected",
                    String.format("%,d", received), String.format("%,d", expected), (double) received / expected, "1.00× (every one)",
                    received == expected);
            report.info("4. messages some stream did not hear of", String.format("%,d of %,d", missedBySome, sentAt.size()), "—", "—");
            report.row("4. event delay (message acknowledged → event at each subscriber): p99", Report.millis(delays.percentileMillis(99)),
                    Report.millis(MAX_DELAY_MS), delays.percentileMillis(99) / MAX_DELAY_MS, "≤ 1×", delays.percentileMillis(99) <= MAX_DELAY_MS);
            report.info("4. event delay: p50 / p99.9", Report.millis(delays.percentileMillis(50)) + " / "
                    + Report.millis(delays.percentileMillis(99.9)), "—", "—");
            report.row("4. admin GET /conversations during the load: p99 (p50, " + admin.count() + " calls)",
                    Report.millis(admin.percentileMillis(99)) + " (" + Report.millis(admin.percentileMillis(50)) + ")",
                    Report.millis(MAX_ADMIN_P99_MS), admin.percentileMillis(99) / MAX_ADMIN_P99_MS, "≤ 1×",
                    admin.percentileMillis(99) <= MAX_ADMIN_P99_MS);
            report.info("4. app threads: before / " + streams + " streams open / after the load", threadsBefore + " / " + threadsOpen
                    + " / " + threadsAfter, "—", "—");
            report.info("4. app heap after GC: before / with the streams open (per stream)", mb(heapBefore) + " / " + mb(heapOpen)
                    + " (" + String.format("%,d B", (heapOpen - heapBefore) / streams) + ")", "—", "—");
            report.info("4. opening " + streams + " streams", String.format("%.1f s", openSeconds), "—", "—");
        }
    }

    /**
     * Sends {@value #MESSAGES_PER_SECOND} customer messages a second for {@code length} while an admin reads the list;
     * records when each message was sent by its id, and the admin calls' latencies.
     */
    private static void load(ConsoleApp app, Duration length, Map<String, Long> sentAt, Latencies admin) throws Exception {
        Thread reader = new Thread(() -> readList(app, admin), "admin-reader");
        reader.start();
        // Senders on a pool, started at a fixed rate: one slow answer must not slow the arrivals down.
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<?>> sends = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        long next = System.nanoTime();
        for (long n = 1; next < end; n++) {
            long customer = n;
            sends.add(senders.submit(() -> {
                // Stamped before the request: a subscriber may hear of the message before its sender does.
                long start = System.nanoTime();
                Matcher id = MESSAGE_ID.matcher(app.send(customerMessage(customer)));
                if (!id.find()) {
                    throw new IllegalStateException("no message id in the answer");
                }
                sentAt.put(id.group(1), start);
                return null;
            }));
            next += 1_000_000_000L / MESSAGES_PER_SECOND;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        for (Future<?> send : sends) {
            send.get();
        }
        senders.shutdown();
        reader.interrupt();
        reader.join();
    }

    private static String mb(long bytes) {
        return String.format("%.0f MB", bytes / 1_048_576.0);
    }

    private static String customerMessage(long n) {
        return String.format("{\"channel\":\"sms\",\"customer_name\":\"Live %d\",\"customer_phone\":\"+1555%07d\","
                + "\"content\":\"Do you have an opening on Friday?\",\"generate_ai_response\":false}", n % 500, 6_000_000 + n % 500);
    }

    /** An admin polling the list as the console does, five times a second, until interrupted. */
    private static void readList(ConsoleApp app, Latencies latencies) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long start = System.nanoTime();
                HttpResponse<String> r = app.http.send(app.request("/conversations?page_size=30").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET /conversations answered " + r.statusCode());
                }
                latencies.record(System.nanoTime() - start);
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
