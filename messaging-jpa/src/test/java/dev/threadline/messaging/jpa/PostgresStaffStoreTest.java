package dev.threadline.messaging.jpa;

import dev.threadline.messaging.spi.StaffStore;
import dev.threadline.messaging.testkit.StaffStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

@RequiresPostgres
class PostgresStaffStoreTest extends StaffStoreContract {

    @RegisterExtension
    static final SharedStore shared = new SharedStore(TestDatabase::postgres);

    @Override
    protected StaffStore createStore() {
        return shared.fresh();
    }
}
