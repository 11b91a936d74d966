package dev.threadline.messaging.testkit;

import dev.threadline.messaging.memory.InMemoryStaffStore;
import dev.threadline.messaging.spi.StaffStore;

class InMemoryStaffStoreTest extends StaffStoreContract {

    @Override
    protected StaffStore createStore() {
        return new InMemoryStaffStore();
    }
}
