package dev.threadline.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.jpa.JpaConversationStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The benchmark database on the local PostgreSQL: created when missing, migrated by the store itself,
 * and kept between runs so the large list seed is made once.
 */
final class BenchDatabase {

    static final String HOST = "127.0.0.1:5432";
    static final String USER = "postgres";
    /**
     * {@code -Dbench.db} names another database: {@link #prepare()} deletes every tenant but the list seeds, so two
     * people running the harness on one PostgreSQL at once would delete each other's rows.
     */
    static final String NAME = System.getProperty("bench.db", "threadline_bench");

    private BenchDatabase() {
    }

    static String url(String database) {
        return "jdbc:postgresql://" + HOST + "/" + database;
    }

    /** Tables holding tenants' rows, children before parents. */
    private static final List<String> TENANT_TABLES = List.of("conversation_events", "outbox", "processed_keys",
            "messages", "conversation_totals", "conversations", "contacts");

    /**
     * Creates the database and the trigram extension when missing, runs the store's migrations, and removes
     * what earlier runs' benchmarks wrote beside the list seed: each outbox run alone adds 420,000 messages,
     * and a messages table grown run after run made every later run slower than the one before.
     */
    static void prepare() throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
             Statement st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + NAME);
                }
            }
        }
        try (HikariDataSource pool = pool(2, "bench-migrate")) {
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            }
            JpaConversationStore.builder().dataSource(pool).build().close();
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                for (String table : TENANT_TABLES) {
                    st.execute("DELETE FROM " + table + " WHERE tenant_id NOT LIKE 'list-%'");
                }
            }
            vacuumAnalyze(pool, TENANT_TABLES.toArray(String[]::new));
        }
    }

    /** A pool as a host would configure it; both sides of a comparison get one of the same size. */
    static HikariDataSource pool(int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(NAME));
        config.setUsername(USER);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }

    /** Reclaims space and refreshes planner statistics after a benchmark wrote many rows. */
    static void vacuumAnalyze(HikariDataSource pool, String... tables) throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String table : tables) {
                st.execute("VACUUM ANALYZE " + table);
            }
        }
    }
}
