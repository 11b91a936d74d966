package dev.threadline.benchmarks;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The baseline for storing an inbound message: the least a hand-written JDBC store must do, which is
 * to insert the message row and move the conversation's counters in one transaction, given the
 * conversation id. Same tables, same ids, same pool as the library.
 */
final class RawAppend {

    private static final String INSERT = "INSERT INTO messages (tenant_id, id, conversation_id, channel, direction, author, body,"
            + " provider_message_id, status, created_at, status_at) VALUES (?, ?, ?, 'sms', 'inbound', 'customer', ?, ?, 'received', ?, ?)";
    private static final String COUNTERS = "UPDATE conversations SET message_count = message_count + 1, unread_count = unread_count + 1,"
            + " last_activity_at = greatest(last_activity_at, ?), last_message_preview = ?, version = version + 1"
            + " WHERE tenant_id = ? AND id = ?";

    private final DataSource pool;
    private final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator();

    RawAppend(DataSource pool) {
        this.pool = pool;
    }

    /** Appends one inbound message; returns its id. */
    String append(String tenantId, String conversationId, String body, String providerMessageId) throws SQLException {
        String id = ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(INSERT); PreparedStatement counters = c.prepareStatement(COUNTERS)) {
                insert.setString(1, tenantId);
                insert.setString(2, id);
                insert.setString(3, conversationId);
                insert.setString(4, body);
                insert.setString(5, providerMessageId);
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.executeUpdate();
                counters.setTimestamp(1, now);
                counters.setString(2, Conversation.preview(body, Conversation.PREVIEW_LENGTH));
                counters.setString(3, tenantId);
                counters.setString(4, conversationId);
                if (counters.executeUpdate() != 1) {
                    throw new IllegalStateException("no conversation " + conversationId);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return id;
    }
}
