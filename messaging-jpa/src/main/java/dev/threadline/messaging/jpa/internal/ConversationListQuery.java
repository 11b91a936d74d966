package dev.threadline.messaging.jpa.internal;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.spi.ConversationCursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * The conversation list: one query for the page (keyset on last activity and id when a cursor is given)
 * and, when the page cannot tell, one or two for the total. Search lower-cases both sides and matches with {@code LIKE}, which PostgreSQL
 * serves from its trigram indexes on the same {@code lower(...)} expressions.
 *
 * <p>Without a text search, a first page's total is a sum over the few rows of {@link ConversationTotals}
 * (0.06 ms on PostgreSQL for a tenant of 100,000 conversations, where {@code count(*)} took 6 to 17 ms). A
 * text search counts its matches, which no maintained count can know: first in the conversations' own columns,
 * then, below the maximum, with the messages too (see {@link #textMatches}). A last page counts nothing (its rows
 * are the rest), nor does a cursor page: it carries the total of the first page, as {@link ConversationPage#total()}
 * promises.
 *
 * <p>Plain JDBC, read into the entity {@link Records} maps: for a page of twenty, Hibernate's query and
 * entity machinery cost three times the database's time for the keyset query.
 *
 * <p>Two shapes matter for speed. The keyset is a row comparison, which the list index serves as a range
 * start; the equivalent {@code a < x or (a = x and id < y)} is only a filter, so a deep page scanned
 * every row above it. Message text is matched by an uncorrelated {@code in (select ...)}, looked up once
 * through the trigram index and hashed, where a correlated {@code exists} was estimated per row (costly
 * enough to switch on PostgreSQL's JIT for the total).
 */
final class ConversationListQuery {

    /** The escape character of {@link #containing} patterns. */
    static final char ESCAPE = '!';
    private static final String MATCHES = " like ? escape '" + ESCAPE + "'";
    /** The conversation columns a text search matches, besides the text of the conversation's messages. */
    private static final List<String> SEARCHED_COLUMNS = List.of("c.customer_name", "c.customer_phone", "c.customer_email", "c.subject");
    /** Any searched column matches; its parameters are the pattern per column. */
    private static final String COLUMNS_MATCH = SEARCHED_COLUMNS.stream().map(column -> "lower(" + column + ")" + MATCHES)
            .collect(Collectors.joining(" or "));
    /** The page's text condition; its parameters are the pattern per searched column, the tenant, the pattern. */
    private static final String TEXT_CONDITION = " and (" + COLUMNS_MATCH + " or c.id in (select m.conversation_id from messages m"
            + " where m.tenant_id = ? and lower(m.body)" + MATCHES + "))";
    private static final String SELECT_CONVERSATIONS = "select " + EntityRows.columns("c", EntityRows.CONVERSATION_COLUMNS);

    private final String tenantId;
    private final ConversationQuery query;
    private final ConversationTotals totals;
    /** The filters other than the text search, and their parameters. */
    private final StringBuilder where = new StringBuilder(" where c.tenant_id = ?");
    private final List<Object> parameters = new ArrayList<>();
    /** The text search's pattern, or null. */
    private final @Nullable String pattern;

    ConversationListQuery(String tenantId, ConversationQuery query, ConversationTotals totals) {
        this.tenantId = tenantId;
        this.query = query;
        this.totals = totals;
        parameters.add(tenantId);
        if (query.channel() != null) {
            where.append(" and c.channel = ?");
            parameters.add(query.channel().value());
        }
        if (query.status() != null) {
            where.append(" and c.status = ?");
            parameters.add(query.status().wireName());
        } else {
            // Spam is listed only when asked for.
            where.append(" and c.status <> 'spam'");
        }
        if (query.unreadOnly()) {
            where.append(" and c.unread_count > 0");
        }
        if (query.inboxIds() != null) {
            where.append(" and c.inbox_id = any(?)");
            parameters.add(query.inboxIds().toArray(String[]::new));
        }
        if (query.assigneeId() != null) {
            where.append(" and c.assignee_id = ?");
            parameters.add(query.assigneeId());
        } else if (query.unassignedOnly()) {
            where.append(" and c.assignee_id is null");
        }
        if (query.contextType() != null) {
            where.append(" and c.context_type = ?");
            parameters.add(query.contextType());
            if (query.contextId() != null) {
                where.append(" and c.context_id = ?");
                parameters.add(query.contextId());
            }
        }
        if (query.awaitingReplyOnly() || query.longestWaitingFirst()) {
            where.append(" and c.awaiting_reply_since is not null");
        }
        if (query.draftsOnly()) {
            // Drafts are few: the drafts index finds their conversations without reading any other message.
            where.append(" and c.id in (select m.conversation_id from messages m where m.tenant_id = ? and m.status = 'draft')");
            parameters.add(tenantId);
        }
        pattern = query.text() == null ? null : containing(query.text());
    }

    /** The page's filter: the text search as one condition, which the walk down the list index checks row by row. */
    private String pageWhere(List<Object> into) {
        into.addAll(parameters);
        if (pattern == null) {
            return where.toString();
        }
        into.addAll(Collections.nCopies(SEARCHED_COLUMNS.size(), pattern));
        into.addAll(List.of(tenantId, pattern));
        return where + TEXT_CONDITION;
    }

    /**
     * The matches of a text search, to count: one branch per searched column, each served by its trigram
     * index, united. Counting the page's single condition scanned every conversation of the tenant and
     * matched four columns of each (50 to 65 ms for 100,000 conversations, against 14 ms for the branches).
     */
    private String textMatches(List<Object> into) {
        List<String> branches = new ArrayList<>();
        for (String column : SEARCHED_COLUMNS) {
            branches.add("select c.id from conversations c" + where + " and lower(" + column + ")" + MATCHES);
            into.addAll(parameters);
            into.add(pattern);
        }
        branches.add("select c.id from conversations c join messages m on m.tenant_id = c.tenant_id and m.conversation_id = c.id"
                + where + " and lower(m.body)" + MATCHES);
        into.addAll(parameters);
        into.add(pattern);
        return String.join(" union ", branches);
    }

    /** The conversations the filters other than text search let through, to count. */
    private String filtered(List<Object> into) {
        into.addAll(parameters);
        return "select c.id from conversations c" + where;
    }

    /** A {@code LIKE} pattern, escaped with {@link #ESCAPE}, matching lower-cased text that contains {@code text}. */
    static String containing(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
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
        ConversationCursor cursor = query.cursor() == null ? null : ConversationCursor.decode(query.cursor());
        // A first page without a text search reads its total from the counts in the same statement; the counts are
        // kept per channel, status and unread, so a filter by inbox or assignee counts its rows instead.
        boolean totalInPage = cursor == null && query.text() == null && !query.countsItsTotal();
        List<Object> pageParameters = new ArrayList<>();
        StringBuilder page = new StringBuilder(SELECT_CONVERSATIONS);
        if (totalInPage) {
            page.append(", (").append(ConversationTotals.totalQuery(query.channel(), query.status(), query.unreadOnly()))
                    .append(") as list_total");
            pageParameters.add(tenantId);
            if (query.channel() != null) {
                pageParameters.add(query.channel().value());
            }
        }
        page.append(" from conversations c").append(pageWhere(pageParameters));
        boolean waiting = query.longestWaitingFirst();
        if (cursor != null) {
            page.append(waiting ? " and (c.awaiting_reply_since, c.id) > (?, ?)" : " and (c.last_activity_at, c.id) < (?, ?)");
            pageParameters.add(cursor.position().atOffset(ZoneOffset.UTC));
            pageParameters.add(cursor.id());
        }
        page.append(waiting ? " order by c.awaiting_reply_since, c.id" : " order by c.last_activity_at desc, c.id desc")
                .append(" offset ? rows fetch next ? rows only");
        pageParameters.add(cursor == null ? query.offset() : 0L);
        pageParameters.add(query.pageSize() + 1);
        Rows rows = session.doReturningWork(connection -> {
            try (PreparedStatement select = prepared(connection, page.toString(), pageParameters); ResultSet rs = select.executeQuery()) {
                List<Conversation> read = new ArrayList<>(query.pageSize() + 1);
                long total = -1;
                while (rs.next()) {
                    read.add(Records.conversation(EntityRows.conversation(rs, 1)));
                    total = totalInPage ? rs.getLong("list_total") : total;
                }
                return new Rows(read, total);
            }
        });
        boolean more = rows.conversations().size() > query.pageSize();
        List<Conversation> items = more ? rows.conversations().subList(0, query.pageSize()) : rows.conversations();
        // Counting is what costs on a large list; a cursor page reuses the count of the page it came from, a last page
        // knows its total from its own rows, and only a page with more after it (or one past the end) counts.
        long total = cursor != null ? cursor.total() : rows.total() >= 0 ? rows.total()
                : !more && (!items.isEmpty() || query.offset() == 0) ? query.offset() + items.size() : total(session);
        String next = more ? ConversationCursor.after(items.get(items.size() - 1), total, query).encode() : null;
        return ConversationPage.of(items, total, query, next);
    }

    /** A page's rows, and the total read with them (-1 when it was not). */
    private record Rows(List<Conversation> conversations, long total) {
    }

    private long total(Session session) {
        if (query.text() == null && !query.countsItsTotal()) {
            return totals.total(session, tenantId, query.channel(), query.status(), query.unreadOnly());
        }
        if (query.text() == null) {
            List<Object> countParameters = new ArrayList<>();
            return count(session, filtered(countParameters), countParameters);
        }
        // A text search stops counting one match over the maximum (ConversationPage.of reports it as "more than"). A
        // common name reaches that in the conversations' own columns: one bitmap over their trigram indexes, read only
        // until the maximum (2.5 ms for 4,000 matches in 100,000 conversations, where uniting every branch took 60).
        List<Object> columnParameters = new ArrayList<>();
        long inColumns = count(session, capped(columnMatches(columnParameters)), columnParameters);
        if (inColumns > ConversationPage.MAX_COUNTED_MATCHES) {
            return inColumns;
        }
        List<Object> countParameters = new ArrayList<>();
        return count(session, capped(textMatches(countParameters)), countParameters);
    }

    /** The conversations whose own searched columns match, as one condition the trigram indexes serve together. */
    private String columnMatches(List<Object> into) {
        into.addAll(parameters);
        into.addAll(Collections.nCopies(SEARCHED_COLUMNS.size(), pattern));
        return "select c.id from conversations c" + where + " and (" + COLUMNS_MATCH + ")";
    }

    private static String capped(String matches) {
        return "select id from (" + matches + ") matched fetch first " + (ConversationPage.MAX_COUNTED_MATCHES + 1) + " rows only";
    }

    private static long count(Session session, String matches, List<Object> parameters) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement count = prepared(connection, "select count(*) from (" + matches + ") matches", parameters);
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static PreparedStatement prepared(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            Object parameter = parameters.get(i);
            if (parameter instanceof String[] values) {
                statement.setArray(i + 1, connection.createArrayOf("varchar", values));
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
        return statement;
    }
}
