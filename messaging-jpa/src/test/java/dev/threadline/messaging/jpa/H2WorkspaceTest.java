package dev.threadline.messaging.jpa;

import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.testkit.WorkspaceContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2WorkspaceTest extends WorkspaceContract {

    private static SharedStore shared;

    @BeforeAll
    static void startStore() {
        shared = new SharedStore(TestDatabase.h2());
    }

    @Override
    protected ConversationStore createStore(Clock clock, IdGenerator ids) {
        return shared.fresh(clock, ids);
    }

    @AfterAll
    static void stopStore() {
        if (shared != null) {
            shared.close();
        }
    }
}
