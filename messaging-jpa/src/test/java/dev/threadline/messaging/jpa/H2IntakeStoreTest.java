package dev.threadline.messaging.jpa;

import dev.threadline.messaging.intake.IntakeStore;
import dev.threadline.messaging.testkit.IntakeStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2IntakeStoreTest extends IntakeStoreContract {

    @RegisterExtension
    static final SharedStore shared = new SharedStore(TestDatabase::h2);

    @Override
    protected IntakeStore createStore() {
        return shared.fresh().intakeStore();
    }
}
