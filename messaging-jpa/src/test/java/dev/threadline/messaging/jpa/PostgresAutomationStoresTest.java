package dev.threadline.messaging.jpa;

@RequiresPostgres
class PostgresAutomationStoresTest extends AutomationStoresContracts {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
