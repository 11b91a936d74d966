package dev.threadline.messaging.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.jpa.internal.DatabaseVendor;
import dev.threadline.messaging.jpa.internal.SchemaMigrations;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    @Test
    void migrationsRunCleanlyOnAnEmptyH2Database() {
        assertFirstRunAppliesEveryMigration(TestDatabase::h2, DatabaseVendor.H2);
    }

    @Test
    void migrationsAreANoOpOnRestartOnH2() {
        assertRestartAppliesNothing(TestDatabase::h2, DatabaseVendor.H2);
    }

    @Test
    @RequiresPostgres
    void migrationsRunCleanlyOnAnEmptyPostgresSchema() {
        assertFirstRunAppliesEveryMigration(TestDatabase::postgres, DatabaseVendor.POSTGRESQL);
    }

    @Test
    @RequiresPostgres
    void migrationsAreANoOpOnRestartOnPostgres() {
        assertRestartAppliesNothing(TestDatabase::postgres, DatabaseVendor.POSTGRESQL);
    }

    @Test
    @RequiresPostgres
    void aStoreStartsAgainOnAnExistingPostgresSchemaAndKeepsItsData() {
        try (TestDatabase database = TestDatabase.postgres()) {
            String contactId;
            try (JpaConversationStore first = JpaConversationStore.builder().dataSource(database.dataSource()).build()) {
                contactId = first.upsertContact("acme", "+15551234567", null, "Ana").id();
            }
            try (JpaConversationStore restarted = JpaConversationStore.builder().dataSource(database.dataSource()).build()) {
                assertThat(restarted.findContact("acme", contactId)).isPresent();
            }
        }
    }

    private static void assertFirstRunAppliesEveryMigration(Supplier<TestDatabase> databases, DatabaseVendor vendor) {
        try (TestDatabase database = databases.get()) {
            assertThat(SchemaMigrations.migrate(database.dataSource(), vendor)).isEqualTo(1);
        }
    }

    private static void assertRestartAppliesNothing(Supplier<TestDatabase> databases, DatabaseVendor vendor) {
        try (TestDatabase database = databases.get()) {
            SchemaMigrations.migrate(database.dataSource(), vendor);
            assertThat(SchemaMigrations.migrate(database.dataSource(), vendor)).isZero();
        }
    }
}
