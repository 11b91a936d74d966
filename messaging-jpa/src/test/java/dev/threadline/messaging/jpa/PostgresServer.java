package dev.threadline.messaging.jpa;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL the tests use: {@code THREADLINE_TEST_PG_URL} (default the local server's
 * {@code threadline_test} database, user {@code postgres}). Tests that use it carry {@link RequiresPostgres}.
 */
final class PostgresServer {

    static final String URL = Objects.requireNonNullElse(System.getenv("THREADLINE_TEST_PG_URL"),
            "jdbc:postgresql://127.0.0.1:5432/threadline_test");
    static final String USER = Objects.requireNonNullElse(System.getenv("THREADLINE_TEST_PG_USER"), "postgres");
    static final String PASSWORD = Objects.requireNonNullElse(System.getenv("THREADLINE_TEST_PG_PASSWORD"), "");

    private static @Nullable String reachability;

    private PostgresServer() {
    }

    /** Whether the environment says this is CI, where PostgreSQL tests must run. */
    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Why PostgreSQL cannot be used, or null when it can; checked once per test run. */
    static synchronized @Nullable String unreachableReason() {
        if (reachability == null) {
            try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
                reachability = "";
            } catch (SQLException e) {
                reachability = "PostgreSQL is not reachable at " + URL + " as " + USER + ": " + e.getMessage();
            }
        }
        return reachability.isEmpty() ? null : reachability;
    }

    static Connection connect() {
        try {
            return DriverManager.getConnection(URL, USER, PASSWORD);
        } catch (SQLException e) {
            String reason = "PostgreSQL is not reachable at " + URL + " as " + USER + ": " + e.getMessage();
            return fail(onCi() ? reason + " (CI=true: PostgreSQL tests must run)" : reason);
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
