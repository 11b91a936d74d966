package dev.threadline.messaging.testkit;

import dev.threadline.messaging.intake.IntakeStore;
import dev.threadline.messaging.memory.InMemoryIntakeStore;

class InMemoryIntakeStoreTest extends IntakeStoreContract {

    @Override
    protected IntakeStore createStore() {
        return new InMemoryIntakeStore();
    }
}
