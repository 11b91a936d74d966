package dev.threadline.messaging.spring.fault;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link CrashableApp} in its own JVM, on the test's class path, serving the API key {@code key-fault}. */
record CrashableProcess(Process process, int port) {

    static final String TENANT = "fault";
    static final String KEY = "key-fault";

    /** Starts the app on {@code jdbcUrl} with {@code settings} (more {@code --name=value} arguments), logging to {@code log}. */
    static CrashableProcess start(String jdbcUrl, Path log, String... settings) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                CrashableApp.class.getName(), "--crash.jdbc-url=" + jdbcUrl, "--server.port=0",
                "--messaging.security.api-keys." + KEY + "=" + TENANT, "--messaging.default-tenant=" + TENANT,
                "--messaging.rate-limit.enabled=false", "--logging.level.root=WARN", "--logging.level.dev.threadline=INFO"));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited at startup; see " + log.toAbsolutePath());
            }
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith(CrashableApp.READY)) {
                    return new CrashableProcess(process, Integer.parseInt(line.substring(CrashableApp.READY.length()).strip()));
                }
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the app did not start within 90 s; see " + log.toAbsolutePath());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
