package dev.threadline.messaging.jpa;

import dev.threadline.messaging.testkit.ConversationStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

@RequiresPostgres
class PostgresConversationStoreTest extends ConversationStoreContract<JpaConversationStore> {

    private static SharedStore shared;

    @BeforeAll
    static void startStore() {
        shared = new SharedStore(TestDatabase.postgres());
    }

    @Override
    protected JpaConversationStore createStore() {
        return shared.fresh();
    }

    @AfterAll
    static void stopStore() {
        if (shared != null) {
            shared.close();
        }
    }
}
