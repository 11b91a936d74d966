package dev.threadline.messaging.jpa;

import dev.threadline.messaging.spi.StaffStore;
import dev.threadline.messaging.testkit.StaffStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2StaffStoreTest extends StaffStoreContract {

    private static SharedStore shared;

    @BeforeAll
    static void startStore() {
        shared = new SharedStore(TestDatabase.h2());
    }

    @Override
    protected StaffStore createStore() {
        return shared.fresh();
    }

    @AfterAll
    static void stopStore() {
        if (shared != null) {
            shared.close();
        }
    }
}
