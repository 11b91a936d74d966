package dev.threadline.messaging.testkit;

import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;

class InMemoryConversationStoreTest extends ConversationStoreContract<InMemoryConversationStore> {

    @Override
    protected InMemoryConversationStore createStore() {
        Clock clock = Clock.systemUTC();
        return new InMemoryConversationStore(new TimeOrderedIdGenerator(clock), clock);
    }
}
