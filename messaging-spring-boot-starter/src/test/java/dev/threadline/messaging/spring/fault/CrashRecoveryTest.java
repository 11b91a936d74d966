package dev.threadline.messaging.spring.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the app with {@code kill -9} while Twilio webhooks pour in, twice, restarts it on the same database,
 * re-sends every webhook that was not answered (as Twilio does) plus repeats of answered ones, and checks that
 * every answered message is stored exactly once and every conversation's counters match its messages. On the
 * embedded H2 file database and on PostgreSQL.
 */
class CrashRecoveryTest {

    private static final int CUSTOMERS = 40;
    /** 600 by default; {@code -Dcrash.webhooks=3000 -Dcrash.clients=16} for the soak the guides report. */
    private static final int WEBHOOKS = Integer.getInteger("crash.webhooks", 600);
    private static final int CLIENTS = Integer.getInteger("crash.clients", 8);
    private static final String KEY = CrashableProcess.KEY;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void onTheEmbeddedH2FileDatabaseNothingAcknowledgedIsLost() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "crash", "h2-" + UUID.randomUUID()));
        survivesTwoKills("jdbc:h2:file:" + dir.toAbsolutePath().resolve("threadline") + ";DB_CLOSE_ON_EXIT=FALSE", dir);
    }

    @Test
    void onPostgresNothingAcknowledgedIsLost() throws Exception {
        String schema = "threadline_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/threadline_test", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            survivesTwoKills("jdbc:postgresql://127.0.0.1:5432/threadline_test?currentSchema=" + schema + ",public",
                    Files.createDirectories(Path.of("target", "crash", schema)));
        } finally {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/threadline_test", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                // Left behind for a look; a later run uses another schema.
            }
        }
    }

    private void survivesTwoKills(String jdbcUrl, Path logs) throws Exception {
        List<Map<String, String>> webhooks = webhooks();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        CrashableProcess first = start(jdbcUrl, logs.resolve("run-1.log"));
        post(first, webhooks, acknowledged, WEBHOOKS / 4, true);
        first.kill();

        CrashableProcess second = start(jdbcUrl, logs.resolve("run-2.log"));
        post(second, unanswered(webhooks, acknowledged), acknowledged, WEBHOOKS * 2 / 3, true);
        second.kill();

        CrashableProcess third = start(jdbcUrl, logs.resolve("run-3.log"));
        try {
            List<Map<String, String>> resent = new ArrayList<>(unanswered(webhooks, acknowledged));
            webhooks.stream().filter(w -> acknowledged.contains(w.get("MessageSid"))).limit(60).forEach(resent::add);
            post(third, resent, acknowledged, Integer.MAX_VALUE, false);
            assertThat(acknowledged).as("every webhook answered in the end").hasSize(WEBHOOKS);

            Snapshot stored = awaitSettled(third);
            assertThat(stored.inboundSids()).as("every acknowledged message stored, once").hasSize(WEBHOOKS).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(acknowledged);
            stored.counters().forEach((id, counts) -> assertThat(counts[0]).as("message_count of conversation %s", id).isEqualTo(counts[1]));
        } finally {
            third.kill();
        }
    }

    /** Messages of {@link #CUSTOMERS} customers, in order, each with its own MessageSid. */
    private static List<Map<String, String>> webhooks() {
        List<Map<String, String>> all = new ArrayList<>();
        for (int i = 0; i < WEBHOOKS; i++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("MessageSid", String.format(Locale.ROOT, "SM%032d", i));
            form.put("AccountSid", "AC" + "1".repeat(32));
            form.put("From", String.format(Locale.ROOT, "+1415555%04d", i % CUSTOMERS));
            form.put("To", "+14155550100");
            form.put("Body", "message " + i + " about Botox");
            form.put("NumMedia", "0");
            all.add(form);
        }
        return all;
    }

    private static List<Map<String, String>> unanswered(List<Map<String, String>> webhooks, Set<String> acknowledged) {
        return webhooks.stream().filter(w -> !acknowledged.contains(w.get("MessageSid"))).toList();
    }

    /**
     * Posts the webhooks from {@link #CLIENTS} clients; a 200 adds the MessageSid to {@code acknowledged}. With
     * {@code killAfter} acknowledgements the caller is about to kill the app, so the clients stop there.
     */
    private void post(CrashableProcess app, List<Map<String, String>> webhooks, Set<String> acknowledged, int killAfter, boolean killing)
            throws Exception {
        AtomicInteger answered = new AtomicInteger();
        ConcurrentClients.run(CLIENTS, webhooks.size(), () -> {
            if (killing && answered.get() >= killAfter) {
                app.kill();
                return true;
            }
            return false;
        }, i -> {
            Map<String, String> form = webhooks.get(i);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.uri("/webhooks/twilio/sms"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                acknowledged.add(form.get("MessageSid"));
                answered.incrementAndGet();
            }
        });
    }

    /**
     * What the store holds: every inbound MessageSid, and per conversation its {@code message_count} beside the
     * messages it lists.
     */
    private record Snapshot(List<String> inboundSids, Map<String, long[]> counters) {
        boolean sameAs(Snapshot other) {
            return inboundSids.size() == other.inboundSids.size() && counters.keySet().equals(other.counters.keySet())
                    && counters.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), other.counters.get(e.getKey())));
        }
    }

    /**
     * Reads the store until it holds every webhook and two reads a moment apart agree (AI replies written after
     * their messages have landed too), or until 90 s passed: enough for the killed instances' claims (a 5 s lease
     * here) to run out.
     */
    private Snapshot awaitSettled(CrashableProcess app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Snapshot previous = snapshot(app);
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            Snapshot current = snapshot(app);
            if (current.inboundSids().size() >= WEBHOOKS && current.sameAs(previous)) {
                return current;
            }
            previous = current;
        }
        return previous;
    }

    private Snapshot snapshot(CrashableProcess app) throws Exception {
        List<String> sids = new ArrayList<>();
        Map<String, long[]> counters = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = get(app, "/conversations?page_size=100" + (cursor == null ? "" : "&cursor=" + cursor));
            for (JsonNode summary : page.get("conversations")) {
                String id = summary.get("id").asString();
                JsonNode detail = get(app, "/conversations/" + id);
                for (JsonNode m : detail.get("messages")) {
                    if ("inbound".equals(m.get("direction").asString())) {
                        sids.add(m.get("provider_message_id").asString());
                    }
                }
                counters.put(id, new long[] {detail.at("/conversation/message_count").asLong(), detail.get("messages").size()});
            }
            JsonNode next = page.get("next_cursor");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return new Snapshot(sids, counters);
    }

    private JsonNode get(CrashableProcess app, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.uri("/api/admin/messaging" + path))
                .header("Authorization", "Bearer " + KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static CrashableProcess start(String jdbcUrl, Path log) throws Exception {
        return CrashableProcess.start(jdbcUrl, log, "--messaging.webhooks.verify-signatures=false", "--messaging.ai.mode=auto",
                "--messaging.delivery.enabled=false", "--messaging.webhooks.lease=5s");
    }
}
