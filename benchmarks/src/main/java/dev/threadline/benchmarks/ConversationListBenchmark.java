package dev.threadline.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.jpa.JpaConversationStore;
import dev.threadline.messaging.spi.ConversationCursor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Item 2: a page of 20 conversations (unread counts and last message preview, newest first) through
 * {@link MessageManager#listConversations}, against {@link RawList}'s keyset query: the first page, a
 * channel filter, a text search, and a page half-way down the list reached by cursor.
 */
final class ConversationListBenchmark {

    private static final int PAGE = 20;

    private final Scale scale;
    private final Report report;

    ConversationListBenchmark(Scale scale, Report report) {
        this.scale = scale;
        this.report = report;
    }

    void run() throws Exception {
        System.out.println("Conversation list");
        String tenant = ListSeed.tenant(scale.listConversations());
        try (HikariDataSource pool = BenchDatabase.pool(4, "bench-list");
             JpaConversationStore store = JpaConversationStore.builder().dataSource(pool).build();
             MessageManager manager = MessageManager.builder().store(store).outbox(store).build()) {
            ListSeed.ensure(pool, store, scale.listConversations());
            RawList raw = new RawList(pool);
            RawList.Row deep = raw.rowAt(tenant, scale.listConversations() / 2);
            // As the API hands it out: the cursor carries the total counted for the first page.
            long total = manager.listConversations(tenant, ConversationQuery.all()).total();
            String cursor = new ConversationCursor(deep.lastActivityAt(), deep.id(), total).encode();
            ConversationQuery first = ConversationQuery.all();
            compare("first page", tenant, manager, raw, first, null, null, null);
            compare("channel = email", tenant, manager, raw, first.withChannel(ChannelId.EMAIL), "email", null, null);
            compare("text search \"" + ListSeed.SEARCH_TERM + "\"", tenant, manager, raw, first.withText(ListSeed.SEARCH_TERM), null,
                    ListSeed.SEARCH_TERM, null);
            compare("deep page by cursor (row " + String.format("%,d", scale.listConversations() / 2) + ")", tenant, manager, raw,
                    first.withCursor(cursor), null, null, deep);
        }
    }

    private void compare(String figure, String tenant, MessageManager manager, RawList raw, ConversationQuery query,
                         @Nullable String channel, @Nullable String text, RawList.@Nullable Row after) throws Exception {
        System.out.println(" " + figure);
        ConversationPage ourPage = manager.listConversations(tenant, query);
        List<RawList.Row> rawPage = raw.page(tenant, channel, text, after == null ? null : after.lastActivityAt(),
                after == null ? null : after.id(), PAGE);
        List<String> ourIds = ourPage.conversations().stream().map(c -> c.id()).toList();
        List<String> rawIds = rawPage.stream().limit(PAGE).map(RawList.Row::id).toList();
        if (!ourIds.equals(rawIds)) {
            throw new IllegalStateException(figure + ": the library and the raw query disagree on the page: " + ourIds + " vs " + rawIds);
        }
        List<Measured> m = Comparison.latency(scale, List.of(
                new Side("listConversations", t -> manager.listConversations(tenant, query)),
                new Side("raw keyset query", t -> raw.page(tenant, channel, text, after == null ? null : after.lastActivityAt(),
                        after == null ? null : after.id(), PAGE)),
                new Side("raw keyset query + count(*)", t -> {
                    raw.page(tenant, channel, text, after == null ? null : after.lastActivityAt(), after == null ? null : after.id(), PAGE);
                    raw.count(tenant, channel, text);
                })));
        Measured ours = m.get(0);
        Measured base = m.get(1);
        report.row("2. list, " + figure + ": p99", Report.millis(ours.p99()), Report.millis(base.p99()), ours.p99() / base.p99(),
                "≤ 1.5×", ours.p99() / base.p99() <= 1.5);
        report.info("2. list, " + figure + ": p50", Report.millis(ours.p50()), Report.millis(base.p50()),
                String.format("%.2f×", ours.p50() / base.p50()));
        Measured withCount = m.get(2);
        report.info("2. list, " + figure + ": p50 / p99 against raw keyset + count(*) (the API's total)",
                Report.millis(ours.p50()) + " / " + Report.millis(ours.p99()),
                Report.millis(withCount.p50()) + " / " + Report.millis(withCount.p99()),
                String.format("%.2f× / %.2f×", ours.p50() / withCount.p50(), ours.p99() / withCount.p99()));
    }
}
