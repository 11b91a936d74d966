package dev.threadline.messaging.jpa;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the tests use: {@code THREADLINE_TEST_PG_URL} (default the local server's
 * {@code threadline_test} database, user {@code postgres}). Unreachable means skip, except on CI
 * ({@code CI=true}), where PostgreSQL tests must run and therefore fail.
 */
final class PostgresServer {

    static final String URL = Objects.requireNonNullElse(System.getenv("THREADLINE_TEST_PG_URL"),
            "jdbc:postgresql://127.0.0.1:5432/threadline_test");
    static final String USER = Objects.requireNonNullElse(System.getenv("THREADLINE_TEST_PG_USER"), "postgres");
    static final String PASSWORD = Objects.requireNonNullElse(System.getenv("THREADLINE_TEST_PG_PASSWORD"), "");

    private PostgresServer() {
    }

    static Connection connect() {
        try {
            return DriverManager.getConnection(URL, USER, PASSWORD);
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + URL + " as " + USER + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(reason + " (CI=true: PostgreSQL tests must run)");
            }
            Assumptions.abort(reason + " — skipping PostgreSQL tests");
            throw new IllegalStateException("unreachable");
        }
    }

    static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /** A pool whose connections look in {@code schema} first, then {@code public} (where pg_trgm lives). */
    static HikariDataSource pool(String schema, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public");
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(size);
        // Tests need no crash durability; not waiting for the WAL flush on every commit keeps them quick.
        config.setConnectionInitSql("SET synchronous_commit = off");
        return new HikariDataSource(config);
    }
}
