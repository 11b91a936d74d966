package dev.threadline.messaging.jpa.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the current version with Flyway. The history lives in its own table so a host
 * that runs Flyway for its own tables in the same schema is not disturbed; rerunning is a no-op.
 */
public final class SchemaMigrations {

    /** Flyway's record of the applied migrations. */
    public static final String HISTORY_TABLE = "threadline_schema_history";

    private SchemaMigrations() {
    }

    /** Applies pending migrations; returns how many ran. */
    public static int migrate(DataSource dataSource, DatabaseVendor vendor) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(vendor.migrations())
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
