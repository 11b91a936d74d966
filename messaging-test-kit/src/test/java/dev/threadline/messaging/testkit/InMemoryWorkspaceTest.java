package dev.threadline.messaging.testkit;

import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import java.time.Clock;

class InMemoryWorkspaceTest extends WorkspaceContract {

    @Override
    protected ConversationStore createStore(Clock clock, IdGenerator ids) {
        return new InMemoryConversationStore(ids, clock);
    }
}
