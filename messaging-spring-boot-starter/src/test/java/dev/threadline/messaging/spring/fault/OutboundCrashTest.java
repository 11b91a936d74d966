package dev.threadline.messaging.spring.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.testkit.fakes.FakeTwilioApi;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the app with {@code kill -9} while its delivery workers hand AI replies to Twilio (on loopback), restarts it
 * on the same database and checks that every reply the API accepted reached Twilio exactly once: the sends in flight
 * at the kill are settled by Twilio's message list (or a status callback) instead of being sent again. On the
 * embedded H2 file database and on PostgreSQL.
 */
class OutboundCrashTest {

    /** 300 by default; {@code -Dcrash.replies=2000} for the soak the guides report. */
    private static final int REPLIES = Integer.getInteger("crash.replies", 300);
    private static final int CLIENTS = 8;
    private static final String OUR_NUMBER = "+14155550100";
    /** Short enough for a quick test, long enough for a batch of sends on a busy two-core machine. */
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration IN_DOUBT_GRACE = Duration.ofSeconds(5);
    /** Nothing new at Twilio for this long means every claim, even an abandoned one, has been settled. */
    private static final Duration SETTLED = LEASE.plus(IN_DOUBT_GRACE).plusSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private FakeTwilioApi twilio;

    @BeforeEach
    void startTwilio() throws IOException {
        twilio = new FakeTwilioApi();
    }

    @AfterEach
    void stopTwilio() {
        twilio.close();
    }

    @Test
    void onTheEmbeddedH2FileDatabaseEveryAcceptedReplyIsSentOnce() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "crash", "outbound-h2-" + UUID.randomUUID()));
        sendsOnceThroughAKill("jdbc:h2:file:" + dir.toAbsolutePath().resolve("threadline") + ";DB_CLOSE_ON_EXIT=FALSE", dir);
    }

    @Test
    void onPostgresEveryAcceptedReplyIsSentOnce() throws Exception {
        String schema = "threadline_outbound_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        try {
            sendsOnceThroughAKill("jdbc:postgresql://127.0.0.1:5432/threadline_test?currentSchema=" + schema + ",public",
                    Files.createDirectories(Path.of("target", "crash", schema)));
        } finally {
            try {
                execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                // Left behind for a look; a later run uses another schema.
            }
        }
    }

    private void sendsOnceThroughAKill(String jdbcUrl, Path logs) throws Exception {
        Map<String, String> accepted = new ConcurrentHashMap<>();

        CrashableProcess first = start(jdbcUrl, logs.resolve("run-1.log"));
        try {
            askForReplies(first, accepted);
            awaitSends(REPLIES * 2 / 5);
        } finally {
            first.kill();
        }
        int sentBeforeTheKill = sentIds().size();

        CrashableProcess second = start(jdbcUrl, logs.resolve("run-2.log"));
        try {
            Map<String, Long> sends = awaitEverySent(accepted);

            assertThat(sentBeforeTheKill).as("the kill came while replies were still being sent").isLessThan(accepted.size());
            assertThat(sends.keySet()).as("every accepted reply reached Twilio").containsAll(accepted.keySet());
            assertThat(sends.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("replies that reached Twilio more than once, of %d", sends.size()).isEmpty();
            assertThat(statuses(second, accepted)).as("every accepted reply is recorded as handed to Twilio")
                    .hasSize(accepted.size()).allSatisfy((id, status) -> assertThat(status).as(id).isIn("sending", "sent", "delivered"));
        } finally {
            second.kill();
        }
    }

    private CrashableProcess start(String jdbcUrl, Path log) throws Exception {
        return CrashableProcess.start(jdbcUrl, log, "--messaging.ai.mode=auto", "--messaging.delivery.workers=4",
                "--messaging.delivery.lease=" + LEASE.toSeconds() + "s",
                "--messaging.delivery.in-doubt-grace=" + IN_DOUBT_GRACE.toSeconds() + "s", "--messaging.delivery.poll-interval=100ms",
                "--messaging.twilio.account-sid=" + FakeTwilioApi.ACCOUNT_SID, "--messaging.twilio.auth-token=" + FakeTwilioApi.AUTH_TOKEN,
                "--messaging.twilio.from-number=" + OUR_NUMBER, "--messaging.twilio.api-base-url=" + twilio.baseUrl(),
                // Status callbacks name our message id; nobody listens there in this test.
                "--messaging.twilio.public-base-url=http://127.0.0.1:9",
                // 20 sends a second: the replies take many seconds to go out, so the kill lands while they are being
                // sent however slowly the machine answers the requests that ask for them.
                "--messaging.twilio.pacing.default-segments-per-second=20", "--messaging.webhooks.verify-signatures=false");
    }

    /**
     * One customer message per customer through {@code /send}; each accepted AI reply's id joins {@code accepted},
     * with its conversation's id.
     */
    private void askForReplies(CrashableProcess app, Map<String, String> accepted) throws Exception {
        ConcurrentClients.run(CLIENTS, REPLIES, () -> false, i -> {
            String body = """
                    {"channel":"sms","customer_name":"Customer %d","customer_phone":"%s","content":"How much is Botox?"}"""
                    .formatted(i, String.format(Locale.ROOT, "+1415556%04d", i));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.uri("/api/admin/messaging/send"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + CrashableProcess.KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                JsonNode sent = JSON.readTree(response.body());
                accepted.put(sent.at("/ai_response/message_id").asString(), sent.get("conversation_id").asString());
            }
        });
    }

    private void awaitSends(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sentIds().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /**
     * Waits until Twilio has every accepted reply and nothing more arrived for {@link #SETTLED}, or a deadline passed
     * (90 s, more for a longer soak); answers how often each message id reached Twilio.
     */
    private Map<String, Long> awaitEverySent(Map<String, String> accepted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(90, REPLIES / 10)).toNanos();
        int seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            List<String> ids = sentIds();
            if (ids.size() != seen) {
                seen = ids.size();
                quietSince = System.nanoTime();
            } else if (ids.containsAll(accepted.keySet()) && System.nanoTime() - quietSince > SETTLED.toNanos()) {
                break;
            }
            Thread.sleep(200);
        }
        return sentIds().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Our message id of every create Twilio received, from the status-callback URL it carries. */
    private List<String> sentIds() {
        return twilio.requests("POST").stream()
                .map(request -> request.field("StatusCallback"))
                .map(url -> url == null ? "?" : url.substring(url.indexOf("message_id=") + "message_id=".length()))
                .toList();
    }

    /** The delivery status of each accepted reply, read from its conversation. */
    private Map<String, String> statuses(CrashableProcess app, Map<String, String> accepted) throws Exception {
        Map<String, String> statuses = new HashMap<>();
        for (String conversationId : Set.copyOf(accepted.values())) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.uri("/api/admin/messaging/conversations/" + conversationId))
                    .header("Authorization", "Bearer " + CrashableProcess.KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            for (JsonNode message : JSON.readTree(response.body()).get("messages")) {
                String id = message.get("id").asString();
                if (accepted.containsKey(id)) {
                    statuses.put(id, message.get("status").asString());
                }
            }
        }
        return statuses;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/threadline_test", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
