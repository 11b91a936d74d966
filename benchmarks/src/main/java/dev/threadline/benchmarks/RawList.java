package dev.threadline.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The baseline list query: a hand-written keyset query on the same indexes, reading the same columns the
 * API shows (customer, unread count, last message preview) into plain rows.
 */
final class RawList {

    /** One row of a page. */
    record Row(String id, String channel, @Nullable String customerName, @Nullable String lastMessage, Instant lastActivityAt,
               long messageCount, long unreadCount) {
    }

    private static final String COLUMNS = "id, channel, contact_id, customer_name, customer_phone, customer_email, subject, headline,"
            + " status, initiated_at, last_activity_at, message_count, unread_count, last_message_preview, version";
    private static final String TEXT = " AND (lower(customer_name) LIKE ? OR lower(customer_phone) LIKE ? OR lower(customer_email) LIKE ?"
            + " OR lower(subject) LIKE ? OR id IN (SELECT m.conversation_id FROM messages m WHERE m.tenant_id = ?"
            + " AND lower(m.body) LIKE ?))";

    private final DataSource pool;

    RawList(DataSource pool) {
        this.pool = pool;
    }

    /** Binds the text filter's parameters from index {@code p}; returns the next index. */
    private static int bindText(PreparedStatement st, int p, String tenant, String text) throws SQLException {
        String like = "%" + text + "%";
        for (int i = 0; i < 4; i++) {
            st.setString(p++, like);
        }
        st.setString(p++, tenant);
        st.setString(p++, like);
        return p;
    }

    /** The number of conversations matching the filters: what the API's {@code total} costs on its own. */
    long count(String tenant, @Nullable String channel, @Nullable String text) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM conversations c WHERE tenant_id = ?");
        if (channel != null) {
            sql.append(" AND channel = ?");
        }
        if (text != null) {
            sql.append(TEXT);
        }
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(sql.toString())) {
            int p = 1;
            st.setString(p++, tenant);
            if (channel != null) {
                st.setString(p++, channel);
            }
            if (text != null) {
                bindText(st, p, tenant, text);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A page of {@code size} (one more row is read to know whether a next page exists, as the library does). */
    List<Row> page(String tenant, @Nullable String channel, @Nullable String text, @Nullable Instant afterAt, @Nullable String afterId,
                   int size) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM conversations c WHERE tenant_id = ?");
        if (channel != null) {
            sql.append(" AND channel = ?");
        }
        if (text != null) {
            sql.append(TEXT);
        }
        if (afterAt != null) {
            sql.append(" AND (last_activity_at, id) < (?, ?)");
        }
        sql.append(" ORDER BY last_activity_at DESC, id DESC LIMIT ?");
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(sql.toString())) {
            int p = 1;
            st.setString(p++, tenant);
            if (channel != null) {
                st.setString(p++, channel);
            }
            if (text != null) {
                p = bindText(st, p, tenant, text);
            }
            if (afterAt != null) {
                st.setTimestamp(p++, Timestamp.from(afterAt));
                st.setString(p++, afterId);
            }
            st.setInt(p, size + 1);
            List<Row> rows = new ArrayList<>(size + 1);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString("id"), rs.getString("channel"), rs.getString("customer_name"),
                            rs.getString("last_message_preview"), rs.getTimestamp("last_activity_at").toInstant(),
                            rs.getLong("message_count"), rs.getLong("unread_count")));
                }
            }
            return rows;
        }
    }

    /** The position {@code offset} rows down the unfiltered list, for the deep-page cursor. */
    Row rowAt(String tenant, int offset) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS
                + " FROM conversations WHERE tenant_id = ? ORDER BY last_activity_at DESC, id DESC OFFSET ? LIMIT 1")) {
            st.setString(1, tenant);
            st.setInt(2, offset);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Row(rs.getString("id"), rs.getString("channel"), rs.getString("customer_name"),
                        rs.getString("last_message_preview"), rs.getTimestamp("last_activity_at").toInstant(),
                        rs.getLong("message_count"), rs.getLong("unread_count"));
            }
        }
    }
}
