package dev.threadline.messaging.jpa.internal;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.spi.ConversationCursor;
import dev.threadline.messaging.spi.ConversationPage;
import dev.threadline.messaging.spi.ConversationQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * The conversation list: one query for the page (keyset on last activity and id when a cursor is given)
 * and one for the total. Search lower-cases both sides and matches with {@code LIKE}, which PostgreSQL
 * serves from its trigram indexes on the same {@code lower(...)} expressions.
 *
 * <p>Without a text search, a first page's total is a sum over the few rows of {@link ConversationTotals}
 * (0.06 ms on PostgreSQL for a tenant of 100,000 conversations, where {@code count(*)} took 6 to 17 ms). A
 * text search counts its matches, which no maintained count can know. A cursor page counts nothing: it
 * carries the total of the first page, as {@link ConversationPage#total()} promises.
 *
 * <p>Two shapes matter for speed. The keyset is a row comparison, which the list index serves as a range
 * start; the equivalent {@code a < x or (a = x and id < y)} is only a filter, so a deep page scanned
 * every row above it. Message text is matched by an uncorrelated {@code in (select ...)}, looked up once
 * through the trigram index and hashed, where a correlated {@code exists} was estimated per row (costly
 * enough to switch on PostgreSQL's JIT for the total).
 */
final class ConversationListQuery {

    private static final char ESCAPE = '!';

    private final String tenantId;
    private final ConversationQuery query;
    private final ConversationTotals totals;
    private final StringBuilder where = new StringBuilder(" where c.tenantId = :tenant");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    ConversationListQuery(String tenantId, ConversationQuery query, ConversationTotals totals) {
        this.tenantId = tenantId;
        this.query = query;
        this.totals = totals;
        parameters.put("tenant", tenantId);
        if (query.channel() != null) {
            where.append(" and c.channel = :channel");
            parameters.put("channel", query.channel().value());
        }
        if (query.status() != null) {
            where.append(" and c.status = :status");
            parameters.put("status", query.status().wireName());
        }
        if (query.unreadOnly()) {
            where.append(" and c.unreadCount > 0");
        }
        if (query.text() != null) {
            String matches = " like :text escape '" + ESCAPE + "'";
            where.append(" and (lower(c.customerName)" + matches + " or lower(c.customerPhone)" + matches
                    + " or lower(c.customerEmail)" + matches + " or lower(c.subject)" + matches
                    + " or c.id in (select m.conversationId from MessageEntity m where m.tenantId = :tenant"
                    + " and lower(m.body)" + matches + "))");
            parameters.put("text", "%" + escape(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (ch == ESCAPE || ch == '%' || ch == '_') {
                escaped.append(ESCAPE);
            }
            escaped.append(ch);
        }
        return escaped.toString();
    }

    ConversationPage run(Session session) {
        String pageWhere = where.toString();
        Map<String, Object> pageParameters = new LinkedHashMap<>(parameters);
        ConversationCursor cursor = query.cursor() == null ? null : ConversationCursor.decode(query.cursor());
        if (cursor != null) {
            pageWhere += " and (c.lastActivityAt, c.id) < (:cursorAt, :cursorId)";
            pageParameters.put("cursorAt", cursor.lastActivityAt());
            pageParameters.put("cursorId", cursor.id());
        }
        SelectionQuery<ConversationEntity> page = session.createSelectionQuery(
                "from ConversationEntity c" + pageWhere + " order by c.lastActivityAt desc, c.id desc", ConversationEntity.class);
        pageParameters.forEach(page::setParameter);
        if (cursor == null) {
            page.setFirstResult(Math.toIntExact(query.offset()));
        }
        List<Conversation> rows = page.setMaxResults(query.pageSize() + 1).getResultList().stream()
                .map(Records::conversation).toList();
        boolean more = rows.size() > query.pageSize();
        List<Conversation> items = more ? rows.subList(0, query.pageSize()) : rows;
        // Counting is what costs on a large list; a cursor page reuses the count of the page it came from.
        long total = cursor != null ? cursor.total() : total(session);
        String next = more ? ConversationCursor.after(items.get(items.size() - 1), total).encode() : null;
        return new ConversationPage(items, total, query.page(), query.pageSize(), next);
    }

    private long total(Session session) {
        if (query.text() == null) {
            return totals.total(session, tenantId, query.channel(), query.status(), query.unreadOnly());
        }
        SelectionQuery<Long> count = session.createSelectionQuery("select count(c) from ConversationEntity c" + where, Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }
}
