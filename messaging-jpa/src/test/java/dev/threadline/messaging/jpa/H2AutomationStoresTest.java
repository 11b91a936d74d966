package dev.threadline.messaging.jpa;

class H2AutomationStoresTest extends AutomationStoresContracts {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
