package dev.threadline.messaging.jpa;

import dev.threadline.messaging.intake.IntakeStore;
import dev.threadline.messaging.testkit.IntakeStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

@RequiresPostgres
class PostgresIntakeStoreTest extends IntakeStoreContract {

    @RegisterExtension
    static final SharedStore shared = new SharedStore(TestDatabase::postgres);

    @Override
    protected IntakeStore createStore() {
        return shared.fresh().intakeStore();
    }
}
