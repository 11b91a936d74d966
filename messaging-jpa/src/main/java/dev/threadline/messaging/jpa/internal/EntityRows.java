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
            "satisfaction_sentiment", "satisfaction_outcome", "satisfaction_reason", "metadata", "version");
    static final List<String> CONTACT_COLUMNS = List.of("tenant_id", "id", "name", "phone", "email", "opted_out_channels",
            "created_at");

    /** Inserts a message; {@link #bindMessage} binds its parameters. */
    static final String INSERT_MESSAGE = "insert into messages (" + String.join(", ", MESSAGE_COLUMNS) + ") values ("
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

    /** A select list of the table alias's columns, each labelled with {@code alias_column}. */
    static String selectList(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + c + " as " + alias + "_" + c).collect(Collectors.joining(", "));
    }

    /** A message from the columns labelled {@code prefix + column}. */
    static MessageEntity message(ResultSet rs, String prefix) throws SQLException {
        MessageEntity e = new MessageEntity();
        e.tenantId = rs.getString(prefix + "tenant_id");
        e.id = rs.getString(prefix + "id");
        e.conversationId = rs.getString(prefix + "conversation_id");
        e.channel = rs.getString(prefix + "channel");
        e.direction = rs.getString(prefix + "direction");
        e.author = rs.getString(prefix + "author");
        e.body = rs.getString(prefix + "body");
        e.subject = rs.getString(prefix + "subject");
        e.mediaUrls = rs.getString(prefix + "media_urls");
        e.providerMessageId = rs.getString(prefix + "provider_message_id");
        e.threadRef = rs.getString(prefix + "thread_ref");
        e.status = rs.getString(prefix + "status");
        e.createdAt = instant(rs, prefix + "created_at");
        e.statusAt = instant(rs, prefix + "status_at");
        e.errorCode = rs.getString(prefix + "error_code");
        e.errorMessage = rs.getString(prefix + "error_message");
        e.metadata = rs.getString(prefix + "metadata");
        return e;
    }

    /** A conversation from the columns labelled {@code prefix + column}. */
    static ConversationEntity conversation(ResultSet rs, String prefix) throws SQLException {
        ConversationEntity e = new ConversationEntity();
        e.tenantId = rs.getString(prefix + "tenant_id");
        e.id = rs.getString(prefix + "id");
        e.channel = rs.getString(prefix + "channel");
        e.contactId = rs.getString(prefix + "contact_id");
        e.customerName = rs.getString(prefix + "customer_name");
        e.customerPhone = rs.getString(prefix + "customer_phone");
        e.customerEmail = rs.getString(prefix + "customer_email");
        e.ourAddress = rs.getString(prefix + "our_address");
        e.threadKey = rs.getString(prefix + "thread_key");
        e.status = rs.getString(prefix + "status");
        e.subject = rs.getString(prefix + "subject");
        e.headline = rs.getString(prefix + "headline");
        e.initiatedAt = instant(rs, prefix + "initiated_at");
        e.lastActivityAt = instant(rs, prefix + "last_activity_at");
        e.messageCount = rs.getLong(prefix + "message_count");
        e.unreadCount = rs.getLong(prefix + "unread_count");
        e.lastMessagePreview = rs.getString(prefix + "last_message_preview");
        double score = rs.getDouble(prefix + "satisfaction_score");
        e.satisfactionScore = rs.wasNull() ? null : score;
        e.satisfactionSentiment = rs.getString(prefix + "satisfaction_sentiment");
        e.satisfactionOutcome = rs.getString(prefix + "satisfaction_outcome");
        e.satisfactionReason = rs.getString(prefix + "satisfaction_reason");
        e.metadata = rs.getString(prefix + "metadata");
        e.version = rs.getLong(prefix + "version");
        return e;
    }

    /** A contact from the columns labelled {@code prefix + column}. */
    static ContactEntity contact(ResultSet rs, String prefix) throws SQLException {
        ContactEntity e = new ContactEntity();
        e.tenantId = rs.getString(prefix + "tenant_id");
        e.id = rs.getString(prefix + "id");
        e.name = rs.getString(prefix + "name");
        e.phone = rs.getString(prefix + "phone");
        e.email = rs.getString(prefix + "email");
        e.optedOutChannels = rs.getString(prefix + "opted_out_channels");
        e.createdAt = instant(rs, prefix + "created_at");
        return e;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
