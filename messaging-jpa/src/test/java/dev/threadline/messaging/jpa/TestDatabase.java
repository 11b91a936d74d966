package dev.threadline.messaging.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A database for one test class: a private H2 in-memory database, or a fresh PostgreSQL schema that is
 * dropped on close. {@link #clear()} empties the store's tables between tests.
 */
final class TestDatabase implements AutoCloseable {

    /** Children first, so foreign keys never block a delete. */
    private static final List<String> TABLES = List.of("outbox", "conversation_events", "messages", "conversations",
            "conversation_totals", "contacts", "processed_keys", "webhook_intake", "automation_campaign_recipients",
            "automation_campaigns", "automation_campaign_conversations", "automation_contact_tags", "automation_contact_profiles",
            "automation_templates", "automation_staff", "automation_job_runs", "automation_send_slots", "inbox_members",
            "staff_users", "inbox_addresses", "inboxes");

    private final HikariDataSource dataSource;
    private final Runnable onClose;

    private TestDatabase(HikariDataSource dataSource, Runnable onClose) {
        this.dataSource = dataSource;
        this.onClose = onClose;
    }

    /** A private in-memory H2 database; it disappears when its pool closes. */
    static TestDatabase h2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:threadline-" + UUID.randomUUID());
        config.setMaximumPoolSize(8);
        return new TestDatabase(new HikariDataSource(config), () -> { });
    }

    /**
     * A new schema in the test PostgreSQL database, with a pool whose connections use it; skips the
     * calling test (or fails it on CI) when PostgreSQL is unreachable.
     */
    static TestDatabase postgres() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        PostgresServer.execute("CREATE SCHEMA " + schema);
        return new TestDatabase(PostgresServer.pool(schema, 10), () -> PostgresServer.execute("DROP SCHEMA " + schema + " CASCADE"));
    }

    /** Another pool on the same database and schema, as another app instance would have. */
    HikariDataSource anotherPool() {
        HikariConfig config = new HikariConfig();
        dataSource.copyStateTo(config);
        config.setPoolName("instance-" + UUID.randomUUID());
        return new HikariDataSource(config);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Deletes every row the store keeps, leaving the schema and its migration history. */
    void clear() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the test database", e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
        onClose.run();
    }
}
