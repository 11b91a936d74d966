package dev.threadline.messaging.jpa.internal;

import java.sql.Connection;
import java.sql.SQLException;
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
