package dev.threadline.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.jpa.JpaConversationStore;
import dev.threadline.messaging.jpa.PostgresEventBus;
import dev.threadline.messaging.spi.MessagingEventBus;
import dev.threadline.messaging.support.InProcessEventBus;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Item 1 (and the allocation half of item 6): {@link MessageManager#receive} of SMS webhooks (provider id
 * set, no AI reply) into conversations that already exist, against {@link RawAppend}; with in-process
 * events and with the PostgreSQL LISTEN/NOTIFY bus.
 */
final class ReceiveBenchmark {

    private static final int CUSTOMERS = 200;
    /** Past the messages after which the manager stops refreshing the headline: the steady state of a conversation. */
    private static final int PRIMING_MESSAGES = 7;
    private static final String OUR_NUMBER = "+15550000000";
    private static final String BODY = "Hi! Could I move my facial to Tuesday afternoon? Thanks";

    private final Scale scale;
    private final Report report;
    private final String tenant = "receive-" + System.currentTimeMillis();
    private final String[] phones = new String[CUSTOMERS];
    private final String[] conversationIds = new String[CUSTOMERS];

    ReceiveBenchmark(Scale scale, Report report) {
        this.scale = scale;
        this.report = report;
        for (int i = 0; i < CUSTOMERS; i++) {
            phones[i] = String.format("+1555%07d", 1_000_000 + i);
        }
    }

    void run() throws Exception {
        System.out.println("Receive path (tenant " + tenant + ")");
        try (HikariDataSource pool = BenchDatabase.pool(12, "bench-receive");
             JpaConversationStore store = JpaConversationStore.builder().dataSource(pool).build();
             PostgresEventBus notify = PostgresEventBus.builder().dataSource(pool).channel("threadline_bench_events").build();
             MessageManager inProcess = manager(store, new InProcessEventBus());
             MessageManager withNotify = manager(store, notify)) {
            RawAppend raw = new RawAppend(pool);
            for (int i = 0; i < CUSTOMERS; i++) {
                for (int n = 0; n < PRIMING_MESSAGES; n++) {
                    conversationIds[i] = inProcess.receive(inbound(i)).conversation().id();
                }
            }
            // Statistics as autovacuum would keep them (this machine's PostgreSQL runs with autovacuum off): on a
            // fresh database the plans cached while priming took the tables for empty and scanned them whole.
            BenchDatabase.vacuumAnalyze(pool, "contacts", "conversations", "messages");
            Side ours = new Side("MessageManager.receive, in-process events", t -> inProcess.receive(inbound(randomCustomer())));
            Side oursNotify = new Side("MessageManager.receive, LISTEN/NOTIFY events", t -> withNotify.receive(inbound(randomCustomer())));
            Side baseline = new Side("raw JDBC insert + counters", t -> {
                int i = randomCustomer();
                raw.append(tenant, conversationIds[i], BODY, providerId());
            });
            for (int threads : new int[] {1, 8}) {
                List<Measured> m = Comparison.throughput(scale, threads, List.of(ours, oursNotify, baseline));
                double inProc = m.get(0).throughput();
                double withNotifyRate = m.get(1).throughput();
                double rawRate = m.get(2).throughput();
                report.row("1. receive, " + threads + " thread(s), in-process events: throughput", Report.perSecond(inProc),
                        Report.perSecond(rawRate), inProc / rawRate, "≥ 0.5×", inProc / rawRate >= 0.5);
                report.info("1. receive, " + threads + " thread(s), in-process events: p50 / p99",
                        Report.millis(m.get(0).p50()) + " / " + Report.millis(m.get(0).p99()),
                        Report.millis(m.get(2).p50()) + " / " + Report.millis(m.get(2).p99()),
                        String.format("%.2f× / %.2f×", m.get(0).p50() / m.get(2).p50(), m.get(0).p99() / m.get(2).p99()));
                report.row("1. receive, " + threads + " thread(s), LISTEN/NOTIFY events: throughput", Report.perSecond(withNotifyRate),
                        Report.perSecond(rawRate), withNotifyRate / rawRate, "≥ 0.5×", withNotifyRate / rawRate >= 0.5);
                report.row("1. NOTIFY cost, " + threads + " thread(s): receive with NOTIFY vs in-process",
                        Report.perSecond(withNotifyRate), Report.perSecond(inProc), withNotifyRate / inProc, "≥ 0.8× (≤ 20% cost)",
                        withNotifyRate / inProc >= 0.8);
            }
            allocation(inProcess, raw);
            // Every receive left a dead conversation row version behind; clean up as autovacuum eventually
            // would, so the list benchmark after this one does not count through a bloated table.
            BenchDatabase.vacuumAnalyze(pool, "conversations", "messages");
        }
    }

    /** Bytes allocated on the calling thread per call, after a warmup; HotSpot's per-thread counter. */
    private void allocation(MessageManager manager, RawAppend raw) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int calls = 2_000;
        long ours = allocatedPerCall(threads, calls, () -> manager.receive(inbound(randomCustomer())));
        long baseline = allocatedPerCall(threads, calls, () -> {
            int i = randomCustomer();
            raw.append(tenant, conversationIds[i], BODY, providerId());
        });
        report.info("6. allocation per received message (JPA path, calling thread)", String.format("%,d B", ours),
                String.format("%,d B", baseline), String.format("%.1f×", (double) ours / baseline));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static long allocatedPerCall(com.sun.management.ThreadMXBean threads, int calls, Call call) throws Exception {
        for (int i = 0; i < calls / 2; i++) {
            call.run();
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        return (threads.getThreadAllocatedBytes(id) - before) / calls;
    }

    private static MessageManager manager(JpaConversationStore store, MessagingEventBus events) {
        return MessageManager.builder().store(store).outbox(store).eventBus(events).build();
    }

    private static int randomCustomer() {
        return ThreadLocalRandom.current().nextInt(CUSTOMERS);
    }

    private static String providerId() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private InboundMessage inbound(int customer) {
        return InboundMessage.builder(tenant, ChannelId.SMS).customerPhone(phones[customer]).ourAddress(OUR_NUMBER)
                .body(BODY).providerMessageId(providerId()).generateAiReply(false).build();
    }
}
