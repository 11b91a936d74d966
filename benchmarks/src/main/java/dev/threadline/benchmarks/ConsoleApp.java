package dev.threadline.benchmarks;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example app's jar running as its own process on a loopback port, answering the admin API with the demo key:
 * what a user starts with the README's command, with the options a benchmark gives it.
 */
final class ConsoleApp implements AutoCloseable {

    static final String KEY = "tl-demo-glow-7c41e9";
    static final String TENANT = "glow-med-spa";
    private static final String BASE = "/api/admin/messaging";
    static final Path JAR = Path.of(System.getProperty("bench.console.jar", "../examples/messaging-console/target/messaging-console.jar"));

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final int port;

    private ConsoleApp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the jar in {@code workingDirectory} (where the embedded default keeps {@code ./data}) with the PostgreSQL
     * driver on its loader path, {@code bench.console.jvmArgs} and {@code options}, and waits until it answers.
     */
    static ConsoleApp start(Path workingDirectory, String logName, List<String> options) throws Exception {
        String driver = new File(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        int port = 18_000 + ThreadLocalRandom.current().nextInt(1_000);
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m"));
        String extra = System.getProperty("bench.console.jvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-Dloader.path=" + driver, "-cp", JAR.toAbsolutePath().toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher", "--server.port=" + port, "--logging.level.root=warn"));
        command.addAll(options);
        Path log = Path.of("target", logName).toAbsolutePath();
        Files.createDirectories(log.getParent());
        Files.createDirectories(workingDirectory);
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ConsoleApp app = new ConsoleApp(process, port);
        try {
            app.awaitReady(log);
            return app;
        } catch (Exception e) {
            app.close();
            throw e;
        }
    }

    private void awaitReady(Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the example app exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(request("/unread").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the example app did not answer within 3 minutes; see " + log);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + BASE + path))
                .header("Authorization", "Bearer " + KEY).timeout(Duration.ofSeconds(30));
    }

    /** Opens {@code count} event streams ({@code GET /stream}) of the demo key on raw sockets; see {@link SseStreams}. */
    SseStreams streams(int count, java.util.function.ObjLongConsumer<String> createdIds) throws java.io.IOException {
        return new SseStreams(port, "GET " + BASE + "/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KEY
                + "\r\nAccept: text/event-stream\r\n\r\n", count, createdIds);
    }

    /** {@code POST /send} with {@code json}; answers the body, or fails unless the app answered 201. */
    String send(String json) throws Exception {
        HttpResponse<String> r = http.send(request("/send").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST /send answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The app process's live threads, as the kernel counts them. */
    long threads() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(l -> l.startsWith("Threads:")).mapToLong(l -> Long.parseLong(l.substring(8).strip())).findFirst().orElse(-1);
    }

    /** The app's used heap right after a full collection it is asked for (jcmd), in bytes. */
    long heapUsedAfterGc() throws Exception {
        jcmd("GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String command) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + ": " + out);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
