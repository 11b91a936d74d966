package dev.threadline.messaging.jpa;

import dev.threadline.messaging.intake.IntakeStore;
import dev.threadline.messaging.testkit.IntakeStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

@RequiresPostgres
class PostgresIntakeStoreTest extends IntakeStoreContract {

    private static SharedStore shared;

    @BeforeAll
    static void startStore() {
        shared = new SharedStore(TestDatabase.postgres());
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
