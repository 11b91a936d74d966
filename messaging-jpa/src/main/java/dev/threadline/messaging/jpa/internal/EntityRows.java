package dev.threadline.messaging.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Rows of the hot paths (receiving, delivering, listing) read and written with plain JDBC as the entities,
 * which {@link Records} turns into records and back. Hibernate's per-row work for native queries
 * (resolving the result mapping, initializing managed entities) and its flush of a persisted message cost
 * more CPU than the database spent on the statements. Column names are those of the entities' mappings.
 */
final class EntityRows {

    static final List<String> MESSAGE_COLUMNS = List.of("tenant_id", "id", "conversation_id", "channel", "direction", "author",
            "body", "subject", "media_urls", "provider_message_id", "thread_ref", "status", "created_at", "status_at", "error_code",
            "error_message", "metadata");
    static final List<String> CONVERSATION_COLUMNS = List.of("tenant_id", "id", "channel", "contact_id", "customer_name",
            "customer_phone", "customer_email", "our_address", "thread_key", "status", "subject", "headline", "initiated_at",
            "last_activity_at", "message_count", "unread_count", "last_message_preview", "satisfaction_score",
            "satisfaction_sentiment", "satisfaction_outcome", "satisfaction_reason", "inbox_id", "assignee_id", "awaiting_reply_since", "context_type", "context_id",
            "context_title", "context_url", "metadata",
            "version");
    static final List<String> CONTACT_COLUMNS = List.of("tenant_id", "id", "name", "phone", "email", "opted_out_channels",
            "created_at");

    /** Inserts a message; {@link #bindMessage} binds its parameters. */
    static final String INSERT_MESSAGE = "insert into messages (" + columns(MESSAGE_COLUMNS) + ") values ("
            + String.join(", ", Collections.nCopies(MESSAGE_COLUMNS.size(), "?")) + ")";

    private EntityRows() {
    }

    /** Reads an entity from the current row of a result set. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The first row of {@code sql} with the string {@code parameters}, or null when there is none. */
    static <T> @Nullable T firstRow(Connection connection, String sql, RowReader<T> reader, String... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? reader.read(rs) : null;
            }
        }
    }

    /** Binds {@link #INSERT_MESSAGE}'s parameters, in {@link #MESSAGE_COLUMNS} order. */
    static void bindMessage(PreparedStatement insert, MessageEntity e) throws SQLException {
        int i = 1;
        insert.setString(i++, e.tenantId);
        insert.setString(i++, e.id);
        insert.setString(i++, e.conversationId);
        insert.setString(i++, e.channel);
        insert.setString(i++, e.direction);
        insert.setString(i++, e.author);
        insert.setString(i++, e.body);
        insert.setString(i++, e.subject);
        insert.setString(i++, e.mediaUrls);
        insert.setString(i++, e.providerMessageId);
        insert.setString(i++, e.threadRef);
        insert.setString(i++, e.status);
        insert.setObject(i++, e.createdAt.atOffset(ZoneOffset.UTC));
        insert.setObject(i++, e.statusAt.atOffset(ZoneOffset.UTC));
        insert.setString(i++, e.errorCode);
        insert.setString(i++, e.errorMessage);
        insert.setString(i, e.metadata);
    }

    /**
     * The select list of {@code columns} of the table {@code alias}, in their order: the readers below read
     * by position (by label, each of the forty-odd columns of a delivery batch's row cost a lookup).
     */
    static String columns(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    /** The select list of {@code columns}, unqualified, for statements on one table. */
    static String columns(List<String> columns) {
        return String.join(", ", columns);
    }

    /** A message from the {@link #MESSAGE_COLUMNS}, starting at column {@code first}. */
    static MessageEntity message(ResultSet rs, int first) throws SQLException {
        int i = first;
        MessageEntity e = new MessageEntity();
        e.tenantId = rs.getString(i++);
        e.id = rs.getString(i++);
        e.conversationId = rs.getString(i++);
        e.channel = rs.getString(i++);
        e.direction = rs.getString(i++);
        e.author = rs.getString(i++);
        e.body = rs.getString(i++);
        e.subject = rs.getString(i++);
        e.mediaUrls = rs.getString(i++);
        e.providerMessageId = rs.getString(i++);
        e.threadRef = rs.getString(i++);
        e.status = rs.getString(i++);
        e.createdAt = instant(rs, i++);
        e.statusAt = instant(rs, i++);
        e.errorCode = rs.getString(i++);
        e.errorMessage = rs.getString(i++);
        e.metadata = rs.getString(i++);
        return e;
    }

    /** A conversation from the {@link #CONVERSATION_COLUMNS}, starting at column {@code first}. */
    static ConversationEntity conversation(ResultSet rs, int first) throws SQLException {
        int i = first;
        ConversationEntity e = new ConversationEntity();
        e.tenantId = rs.getString(i++);
        e.id = rs.getString(i++);
        e.channel = rs.getString(i++);
        e.contactId = rs.getString(i++);
        e.customerName = rs.getString(i++);
        e.customerPhone = rs.getString(i++);
        e.customerEmail = rs.getString(i++);
        e.ourAddress = rs.getString(i++);
        e.threadKey = rs.getString(i++);
        e.status = rs.getString(i++);
        e.subject = rs.getString(i++);
        e.headline = rs.getString(i++);
        e.initiatedAt = instant(rs, i++);
        e.lastActivityAt = instant(rs, i++);
        e.messageCount = rs.getLong(i++);
        e.unreadCount = rs.getLong(i++);
        e.lastMessagePreview = rs.getString(i++);
        double score = rs.getDouble(i++);
        e.satisfactionScore = rs.wasNull() ? null : score;
        e.satisfactionSentiment = rs.getString(i++);
        e.satisfactionOutcome = rs.getString(i++);
        e.satisfactionReason = rs.getString(i++);
        e.inboxId = rs.getString(i++);
        e.assigneeId = rs.getString(i++);
        e.awaitingReplySince = instant(rs, i++);
        e.contextType = rs.getString(i++);
        e.contextId = rs.getString(i++);
        e.contextTitle = rs.getString(i++);
        e.contextUrl = rs.getString(i++);
        e.metadata = rs.getString(i++);
        e.version = rs.getLong(i++);
        return e;
    }

    /** A contact from the {@link #CONTACT_COLUMNS}, starting at column {@code first}. */
    static ContactEntity contact(ResultSet rs, int first) throws SQLException {
        int i = first;
        ContactEntity e = new ContactEntity();
        e.tenantId = rs.getString(i++);
        e.id = rs.getString(i++);
        e.name = rs.getString(i++);
        e.phone = rs.getString(i++);
        e.email = rs.getString(i++);
        e.optedOutChannels = rs.getString(i++);
        e.createdAt = instant(rs, i++);
        return e;
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
