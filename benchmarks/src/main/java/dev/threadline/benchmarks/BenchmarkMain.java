package dev.threadline.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmarks and writes the results table. Arguments: the scale ({@code full} or {@code quick}),
 * then optionally a comma-separated subset of {@code receive,list,outbox,history,http,memory,growth,embedded,listgrowth,streams,httpoverhead}.
 * {@code full} writes {@code RESULTS.md}; {@code quick} writes {@code target/results-quick.md}.
 */
public final class BenchmarkMain {

    private static final List<String> ALL = List.of("receive", "list", "outbox", "history", "memory", "http", "growth", "embedded", "listgrowth", "streams", "httpoverhead");

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Scale scale = Scale.of(args.length > 0 ? args[0] : "quick");
        Set<String> selected = new LinkedHashSet<>(args.length > 1 ? Arrays.asList(args[1].split(",")) : ALL);
        selected.removeIf(String::isBlank);
        if (!ALL.containsAll(selected)) {
            throw new IllegalArgumentException("benchmarks are " + ALL + ", not " + selected);
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = loadAverage();
        BenchDatabase.prepare();
        Report report = new Report();
        for (String name : ALL) {
            if (!selected.contains(name)) {
                continue;
            }
            try {
                run(name, scale, report);
            } catch (Exception e) {
                // One broken benchmark must not cost the results of the others.
                e.printStackTrace();
                report.note("Benchmark " + name + " failed: " + e);
            }
        }
        String header = "# Benchmark results\n\n"
                + "Run " + started + " to " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", scale `" + scale.name() + "` "
                + "(list: " + String.format("%,d", scale.listConversations()) + " conversations / "
                + String.format("%,d", scale.listMessages()) + " messages; outbox: " + String.format("%,d", scale.outboxMessages())
                + " messages per side; throughput rounds " + scale.rounds() + " × " + scale.round().toSeconds() + " s per side, "
                + "interleaved, after one warmup round each; latency: one thread, " + scale.warmup().toSeconds() + " s warmup per side, then "
                + scale.rounds() * 2 + " rounds of at least " + scale.latencySamples() + " calls and "
                + scale.latencyRound().toMillis() + " ms per side).\n\n"
                + "Machine: " + machine() + ". Load average before: " + loadBefore + "; after: " + loadAverage() + ".\n\n"
                + "Code: commit " + commit() + ".";
        Path out = scale.name().equals("full") ? Path.of("RESULTS.md") : Path.of("target", "results-quick.md");
        report.write(out, header);
    }

    private static void run(String name, Scale scale, Report report) throws Exception {
        switch (name) {
            case "receive" -> new ReceiveBenchmark(scale, report).run();
            case "list" -> new ConversationListBenchmark(scale, report).run();
            case "outbox" -> new OutboxBenchmark(scale, report).run();
            case "history" -> new ChatHistoryBenchmark(scale, report).run();
            case "memory" -> new MemoryBenchmark(report).run();
            case "http" -> new HttpSendBenchmark(scale, report).run();
            case "growth" -> new GrowthBenchmark(scale, report).run();
            case "embedded" -> new EmbeddedDefaultBenchmark(scale, report).run();
            case "listgrowth" -> new ListGrowthBenchmark(scale, report).run();
            case "streams" -> new StreamLoadBenchmark(scale, report).run();
            case "httpoverhead" -> new HttpOverheadBenchmark(scale, report).run();
            default -> throw new IllegalStateException(name);
        }
    }

    private static String machine() {
        Runtime rt = Runtime.getRuntime();
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (Exception e) {
            // Not Linux: the processor count below still says enough.
        }
        return rt.availableProcessors() + " cores (" + cpu + "), Java " + System.getProperty("java.version") + ", heap "
                + rt.maxMemory() / (1 << 20) + " MB, PostgreSQL on 127.0.0.1 (same machine, client and server share the cores)";
    }

    /** The commit measured, with a note when the measured sources (core, JPA store, harness) differ from it. */
    private static String commit() {
        try {
            String head = run("git", "rev-parse", "--short", "HEAD");
            String changed = run("git", "status", "--porcelain", "--", "../messaging-core/src", "../messaging-jpa/src", "src");
            return changed.isEmpty() ? head : head + " (with uncommitted changes to " + changed.replace('\n', ' ') + ")";
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(out);
        }
        return out;
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
