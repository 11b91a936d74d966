package dev.threadline.messaging.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.jpa.internal.DatabaseVendor;
import dev.threadline.messaging.jpa.internal.SchemaMigrations;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
    void theTotalsMigrationCountsTheConversationsAlreadyThereOnH2() {
        assertTotalsMigrationCountsExistingConversations(TestDatabase::h2, DatabaseVendor.H2);
    }

    @Test
    @RequiresPostgres
    void theTotalsMigrationCountsTheConversationsAlreadyThereOnPostgres() {
        assertTotalsMigrationCountsExistingConversations(TestDatabase::postgres, DatabaseVendor.POSTGRESQL);
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
            assertThat(SchemaMigrations.migrate(database.dataSource(), vendor)).isEqualTo(migrationFiles(vendor));
        }
    }

    /** The vendor's versioned migration scripts, as the build put them on the class path. */
    private static int migrationFiles(DatabaseVendor vendor) {
        String folder = vendor.migrations().substring("classpath:".length());
        try (Stream<Path> files = Files.list(Path.of(SchemaMigrationsTest.class.getClassLoader().getResource(folder).toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the migrations in " + folder, e);
        }
    }

    private static void assertRestartAppliesNothing(Supplier<TestDatabase> databases, DatabaseVendor vendor) {
        try (TestDatabase database = databases.get()) {
            SchemaMigrations.migrate(database.dataSource(), vendor);
            assertThat(SchemaMigrations.migrate(database.dataSource(), vendor)).isZero();
        }
    }

    /**
     * A database at V1 with conversations in two tenants, on three channels, in every status, some unread,
     * migrates to V2: the store's totals then equal the counts, and every count row what a recount writes.
     */
    private static void assertTotalsMigrationCountsExistingConversations(Supplier<TestDatabase> databases, DatabaseVendor vendor) {
        List<ChannelId> channels = List.of(ChannelId.SMS, ChannelId.EMAIL, ChannelId.WHATSAPP);
        List<ConversationStatus> statuses = List.of(ConversationStatus.values());
        try (TestDatabase database = databases.get()) {
            DataSource dataSource = database.dataSource();
            Flyway.configure().dataSource(dataSource).locations(vendor.migrations()).table(SchemaMigrations.HISTORY_TABLE)
                    .target("1").load().migrate();
            for (int i = 0; i < 60; i++) {
                TotalsCheck.insertConversation(dataSource, i % 2 == 0 ? "acme" : "globex", "existing-" + i, channels.get(i % 3),
                        statuses.get(i % 9 / 3), i % 4);
            }

            assertThat(SchemaMigrations.migrate(dataSource, vendor)).as("every migration after V1").isEqualTo(migrationFiles(vendor) - 1);

            try (JpaConversationStore store = JpaConversationStore.builder().dataSource(dataSource).build()) {
                for (String tenant : List.of("acme", "globex")) {
                    TotalsCheck.assertTotalsMatchCounts(store, dataSource, tenant);
                    Map<String, List<Long>> migrated = TotalsCheck.totalsRows(dataSource, tenant);
                    store.recountTotals(tenant);
                    assertThat(migrated).isEqualTo(TotalsCheck.totalsRows(dataSource, tenant));
                }
            }
        }
    }
}
