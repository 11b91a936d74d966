package dev.threadline.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.Workspace;
import dev.threadline.messaging.jpa.JpaConversationStore;
import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.staff.Actor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 20, target 3: what the HTTP layer costs. One Spring Boot application runs in this JVM: the starter
 * auto-configured on the JPA store over the benchmark database, the library's offline knowledge-base responder (the
 * example app's AI without an OpenAI key, there wrapped to finish bookings), the rate limit off. Each comparison sets
 * an admin route, called on loopback from {@value #CLIENTS} clients, against the bean calls its controller makes, on the
 * same {@link MessageManager}, store and responder from {@value #CLIENTS} threads: the only difference is the HTTP client, Tomcat, the filters and API-key
 * check, Spring MVC and JSON. The client shares the machine's cores with the server, as it does on loopback anywhere.
 * <ul>
 *   <li>{@code POST /send} with the AI reply against {@code Workspace.receive}; every call is a new customer, because
 *   the AI loop guard stops answering a conversation after three AI replies in a row. After the run, each side's
 *   customers must hold exactly one customer message and one AI reply per call.</li>
 *   <li>{@code GET /conversations?page_size=30} (the console's first page) on the list benchmark's tenant against
 *   {@code Workspace.listConversations} and {@code staffNames}; both must return the same conversation ids.</li>
 * </ul>
 */
final class HttpOverheadBenchmark {

    private static final int CLIENTS = 8;
    /** The console's page size (console.js). */
    private static final int PAGE_SIZE = 30;
    private static final String SEND_TENANT = "http-overhead";
    private static final String SEND_KEY = "tl-bench-send-5d02a8";
    private static final String LIST_KEY = "tl-bench-list-91c3f7";
    private static final String BASE = "/api/admin/messaging";
    private static final String CONTENT = "What are your hours?";
    /** Phone number ranges that tell the two sides' customers apart when their messages are counted. */
    private static final long HTTP_PHONES = 6_000_000;
    private static final long IN_PROCESS_PHONES = 7_000_000;
    /** The customers written before the comparison, so that the tenant has statistics; a range of their own. */
    private static final long PRIMING_PHONES = 8_000_000;
    private static final int PRIMING_CUSTOMERS = 300;

    private final Scale scale;
    private final Report report;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    HttpOverheadBenchmark(Scale scale, Report report) {
        this.scale = scale;
        this.report = report;
    }

    /** The host application: the starter's auto-configuration plus the two beans a host provides. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Host {

        @Bean(destroyMethod = "close")
        HikariDataSource benchmarkDataSource() {
            // As for the example app in the http benchmark: a connection per client and two for the delivery workers.
            return BenchDatabase.pool(CLIENTS + 2, "bench-http-overhead");
        }

        /** The offline responder answers from this; the growth benchmark's receive + AI reply uses the same one. */
        @Bean
        KnowledgeBase benchmarkKnowledgeBase() {
            return GrowthBenchmark.SPA;
        }
    }

    void run() throws Exception {
        System.out.println("HTTP overhead: the admin API against the same calls in process, one Spring Boot app");
        String listTenant = ListSeed.tenant(scale.listConversations());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Host.class).web(WebApplicationType.SERVLET)
                .properties(Map.of(
                        "spring.main.banner-mode", "off",
                        "logging.level.root", "warn",
                        "server.address", "127.0.0.1",
                        "server.port", "0",
                        "messaging.security.api-keys." + SEND_KEY, SEND_TENANT,
                        "messaging.security.api-keys." + LIST_KEY, listTenant,
                        "messaging.rate-limit.enabled", "false"))
                .run()) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port") + BASE;
            MessageManager manager = app.getBean(MessageManager.class);
            HikariDataSource pool = app.getBean(HikariDataSource.class);
            ListSeed.ensure(pool, app.getBean(JpaConversationStore.class), scale.listConversations());
            primeStatistics(manager, pool);
            send(base, manager, pool);
            list(base, manager, listTenant);
        }
    }

    /**
     * Gives the send tenant some conversations and refreshes the planner's statistics, as autovacuum does for a tenant
     * that has been receiving for a while. Planned while the statistics said the tenant had no rows, the delivery
     * workers' load of a claimed batch walked the tenant's every message (45 ms at the median, up to 540 ms, one core of
     * PostgreSQL busy), which slowed both sides alike and hid what the HTTP layer costs.
     */
    private static void primeStatistics(MessageManager manager, HikariDataSource pool) throws Exception {
        Actor key = Actor.apiKey(SEND_TENANT, "api-key:bench");
        for (int n = 0; n < PRIMING_CUSTOMERS; n++) {
            manager.workspace(key).receive(InboundMessage.builder(SEND_TENANT, ChannelId.SMS).customerName("Regular " + n)
                    .customerPhone(String.format("+1555%07d", PRIMING_PHONES + n)).body(CONTENT).generateAiReply(true).build());
        }
        BenchDatabase.vacuumAnalyze(pool, "contacts", "conversations", "messages", "outbox");
    }

    private void send(String base, MessageManager manager, HikariDataSource pool) throws Exception {
        AtomicLong httpCalls = new AtomicLong();
        AtomicLong inProcessCalls = new AtomicLong();
        // The controllers' calls: on each request, the API key's workspace, which acts as the tenant's owner.
        Actor key = Actor.apiKey(SEND_TENANT, "api-key:bench");
        List<Measured> m = Comparison.throughput(scale, CLIENTS, List.of(
                new Side("POST /send + AI reply", t -> {
                    long n = HTTP_PHONES + httpCalls.incrementAndGet();
                    String answer = body(post(base + "/send", SEND_KEY, String.format("{\"channel\":\"sms\",\"customer_name\":\"Guest %d\","
                            + "\"customer_phone\":\"+1555%07d\",\"content\":\"%s\"}", n, n, CONTENT)), 201);
                    if (!answer.contains("\"ai_response\":{")) {
                        throw new IllegalStateException("no AI reply: " + answer);
                    }
                }),
                new Side("Workspace.receive + AI reply", t -> {
                    long n = IN_PROCESS_PHONES + inProcessCalls.incrementAndGet();
                    if (manager.workspace(key).receive(InboundMessage.builder(SEND_TENANT, ChannelId.SMS).customerName("Guest " + n)
                            .customerPhone(String.format("+1555%07d", n)).body(CONTENT).generateAiReply(true).build()).aiReply() == null) {
                        throw new IllegalStateException("no AI reply in process");
                    }
                })));
        checkWritten("HTTP", HTTP_PHONES, httpCalls.get(), pool);
        checkWritten("in process", IN_PROCESS_PHONES, inProcessCalls.get(), pool);
        rows("POST /send + AI reply, new customer each", m);
    }

    private void list(String base, MessageManager manager, String tenant) throws Exception {
        Actor key = Actor.apiKey(tenant, "api-key:bench");
        ConversationQuery firstPage = ConversationQuery.all().withPage(1, PAGE_SIZE);
        String url = base + "/conversations?page_size=" + PAGE_SIZE;
        List<String> overHttp = new ArrayList<>();
        for (JsonNode conversation : JsonMapper.shared().readTree(body(get(url, LIST_KEY), 200)).get("conversations")) {
            overHttp.add(conversation.get("id").asString());
        }
        List<String> inProcess = manager.workspace(key).listConversations(firstPage).conversations().stream()
                .map(Conversation::id).toList();
        if (overHttp.size() != PAGE_SIZE || !overHttp.equals(inProcess)) {
            throw new IllegalStateException("the sides list different pages: " + overHttp + " vs " + inProcess);
        }
        List<Measured> m = Comparison.throughput(scale, CLIENTS, List.of(
                new Side("GET /conversations", t -> body(get(url, LIST_KEY), 200)),
                new Side("Workspace.listConversations", t -> {
                    // The controller's two calls: the page, and the staff names its assignees are shown with.
                    Workspace workspace = manager.workspace(key);
                    if (workspace.listConversations(firstPage).conversations().size() != PAGE_SIZE) {
                        throw new IllegalStateException("a short page in process");
                    }
                    workspace.staffNames();
                })));
        rows("GET /conversations, first page of " + PAGE_SIZE + " of " + String.format("%,d", scale.listConversations()), m);
    }

    private void rows(String what, List<Measured> m) {
        Measured overHttp = m.get(0);
        Measured inProcess = m.get(1);
        double ratio = overHttp.throughput() / inProcess.throughput();
        report.row("20.3 " + what + ", " + CLIENTS + " clients: HTTP vs the same calls in process",
                Report.perSecond(overHttp.throughput()), Report.perSecond(inProcess.throughput()), ratio, "≥ 0.6×", ratio >= 0.6);
        report.info("20.3 " + what + ": p50 / p99", Report.millis(overHttp.p50()) + " / " + Report.millis(overHttp.p99()),
                Report.millis(inProcess.p50()) + " / " + Report.millis(inProcess.p99()),
                String.format("%.2f× / %.2f×", overHttp.p50() / inProcess.p50(), overHttp.p99() / inProcess.p99()));
    }

    /** Equal work: each of a side's calls stored one customer message and one AI reply, under its own customers. */
    private static void checkWritten(String side, long phones, long calls, HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE lower(m.author) = 'customer'), count(*) FILTER (WHERE lower(m.author) = 'ai')"
                        + " FROM messages m JOIN conversations v ON v.tenant_id = m.tenant_id AND v.id = m.conversation_id"
                        + " WHERE m.tenant_id = ? AND v.customer_phone LIKE ?")) {
            st.setString(1, SEND_TENANT);
            st.setString(2, "+1555" + phones / 1_000_000 + "%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != calls || rs.getLong(2) != calls) {
                    throw new IllegalStateException(side + ": " + calls + " calls wrote " + rs.getLong(1) + " customer messages and "
                            + rs.getLong(2) + " AI replies");
                }
                System.out.println("  " + side + ": " + calls + " calls, as many customer messages and AI replies");
            }
        }
    }

    private HttpResponse<String> post(String url, String key, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }
}
