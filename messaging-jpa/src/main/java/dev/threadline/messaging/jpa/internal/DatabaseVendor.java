package dev.threadline.messaging.jpa.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/** The databases the store has migrations for. */
public enum DatabaseVendor {
    H2("h2"), POSTGRESQL("postgresql");

    private final String migrationFolder;

    DatabaseVendor(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** Flyway location of this vendor's migrations. */
    public String migrations() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /**
     * Makes a committed transaction reach the database file before the commit returns. PostgreSQL does so by
     * default. H2 keeps commits in memory and writes them in the background up to half a second later, so a
     * process killed in that time (kill -9, the OOM killer) loses transactions it reported committed, such as
     * webhooks already acknowledged; {@code WRITE_DELAY 0} writes each commit at once. H2 still does not fsync:
     * a power cut can lose the last commits, which a process kill cannot.
     */
    public void makeCommitsDurable(DataSource dataSource) {
        if (this != H2) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make H2 write each commit at once", e);
        }
    }

    /** Asks the database which it is. */
    public static DatabaseVendor of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgresql")) {
                return POSTGRESQL;
            }
            if (product.contains("h2")) {
                return H2;
            }
            throw new IllegalArgumentException("unsupported database: " + product + " (use H2 or PostgreSQL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database", e);
        }
    }
}
