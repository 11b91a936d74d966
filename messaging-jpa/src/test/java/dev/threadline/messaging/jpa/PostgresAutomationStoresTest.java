package dev.threadline.messaging.jpa;

import dev.threadline.messaging.jpa.automation.JpaAutomationStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

@RequiresPostgres
class PostgresAutomationStoresTest extends AutomationStoresContracts {

    private static TestDatabase database;
    private static JpaAutomationStores stores;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.postgres();
        stores = JpaAutomationStores.on(database.dataSource());
    }

    @Override
    protected JpaAutomationStores freshStores() {
        database.clear();
        return stores;
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
