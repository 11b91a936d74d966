package dev.threadline.messaging.jpa.automation;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.RetriableMessagingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Plain JDBC for the automation stores: every call is one transaction, and a database that cannot be reached
 * is a retriable {@code store_unavailable}, as it is for the conversation store.
 */
final class Database {

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** SQLSTATE class 23: a unique key or foreign key refused the write. */
    private static final String INTEGRITY_VIOLATION = "23";

    private final DataSource dataSource;

    Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RetriableMessagingException(ErrorCode.STORE_UNAVAILABLE, "the automation store failed: " + e.getMessage(),
                    null, e);
        }
    }

    int update(String sql, @Nullable Object... parameters) {
        return inTransaction(c -> update(c, sql, parameters));
    }

    <T> List<T> query(String sql, Row<T> row, @Nullable Object... parameters) {
        return inTransaction(c -> query(c, sql, row, parameters));
    }

    <T> Optional<T> queryOne(String sql, Row<T> row, @Nullable Object... parameters) {
        return query(sql, row, parameters).stream().findFirst();
    }

    static int update(Connection c, String sql, @Nullable Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, @Nullable Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, parameters); ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        }
    }

    /** {@link #upsert(Connection, String, Object[], String, Object[])} in a transaction of its own. */
    void upsert(String update, @Nullable Object[] updateParameters, String insert, @Nullable Object[] insertParameters) {
        inTransaction(c -> {
            upsert(c, update, updateParameters, insert, insertParameters);
            return null;
        });
    }

    /** Inserts the row unless its key exists; true when this call inserted it. */
    boolean insertIfAbsent(String insert, @Nullable Object... parameters) {
        return inTransaction(c -> {
            try {
                return update(c, insert, parameters) == 1;
            } catch (SQLException e) {
                if (isIntegrityViolation(e)) {
                    // PostgreSQL refuses every later statement of a transaction with a failed one, the commit too.
                    c.rollback();
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * Replaces a row or inserts it. Update first, since replacing is the common case; when two writers insert the
     * same new key at once, the loser's insert is refused by the primary key and it updates the winner's row.
     */
    static void upsert(Connection c, String update, @Nullable Object[] updateParameters, String insert,
                       @Nullable Object[] insertParameters) throws SQLException {
        if (update(c, update, updateParameters) > 0) {
            return;
        }
        var savepoint = c.setSavepoint();
        try {
            update(c, insert, insertParameters);
        } catch (SQLException e) {
            if (!isIntegrityViolation(e)) {
                throw e;
            }
            c.rollback(savepoint);
            update(c, update, updateParameters);
        }
    }

    private static boolean isIntegrityViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_VIOLATION);
    }

    /** An instant as both databases store it: UTC, to the microsecond. */
    static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static PreparedStatement prepare(Connection c, String sql, @Nullable Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
