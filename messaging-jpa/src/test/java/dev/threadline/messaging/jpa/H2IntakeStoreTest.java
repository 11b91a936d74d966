package dev.threadline.messaging.jpa;

import dev.threadline.messaging.intake.IntakeStore;
import dev.threadline.messaging.testkit.IntakeStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2IntakeStoreTest extends IntakeStoreContract {

    private static SharedStore shared;

    @BeforeAll
    static void startStore() {
        shared = new SharedStore(TestDatabase.h2());
    }

    @Override
    protected IntakeStore createStore() {
        return shared.fresh().intakeStore();
    }

    @AfterAll
    static void stopStore() {
        if (shared != null) {
            shared.close();
        }
    }
}
