package dev.threadline.messaging.jpa;

import dev.threadline.messaging.testkit.ConversationStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresConversationStoreTest extends ConversationStoreContract<JpaConversationStore> {

    private static TestDatabase database;
    private static JpaConversationStore shared;

    @BeforeAll
    static void startStore() {
        database = TestDatabase.postgres();
        shared = JpaConversationStore.builder().dataSource(database.dataSource()).build();
    }

    @Override
    protected JpaConversationStore createStore() {
        database.clear();
        return shared;
    }

    @AfterAll
    static void stopStore() {
        if (shared != null) {
            shared.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
