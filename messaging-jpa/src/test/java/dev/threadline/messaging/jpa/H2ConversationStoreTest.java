package dev.threadline.messaging.jpa;

import dev.threadline.messaging.testkit.ConversationStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2ConversationStoreTest extends ConversationStoreContract<JpaConversationStore> {

    @RegisterExtension
    static final SharedStore shared = new SharedStore(TestDatabase::h2);

    @Override
    protected JpaConversationStore createStore() {
        return shared.fresh();
    }
}
