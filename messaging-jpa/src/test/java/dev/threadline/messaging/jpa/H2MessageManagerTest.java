package dev.threadline.messaging.jpa;

import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.testkit.MessageManagerContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2MessageManagerTest extends MessageManagerContract {

    @RegisterExtension
    static final SharedStore shared = new SharedStore(TestDatabase::h2);

    @Override
    protected ConversationStore createStore(Clock clock, IdGenerator ids) {
        return shared.fresh(clock, ids);
    }
}
