package dev.threadline.messaging.jpa;

import dev.threadline.messaging.jpa.automation.JpaAutomationStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2AutomationStoresTest extends AutomationStoresContracts {

    private static TestDatabase database;
    private static JpaAutomationStores stores;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.h2();
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
