package dev.threadline.messaging.jpa;

import dev.threadline.messaging.testkit.ConversationStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

@RequiresPostgres
class PostgresConversationStoreTest extends ConversationStoreContract<JpaConversationStore> {

    @RegisterExtension
    static final SharedStore shared = new SharedStore(TestDatabase::postgres);

    @Override
    protected JpaConversationStore createStore() {
        return shared.fresh();
    }
}
