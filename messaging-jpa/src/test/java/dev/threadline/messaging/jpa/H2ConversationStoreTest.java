package dev.threadline.messaging.jpa;

import dev.threadline.messaging.testkit.ConversationStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2ConversationStoreTest extends ConversationStoreContract<JpaConversationStore> {

    private static TestDatabase database;
    private static JpaConversationStore shared;

    @BeforeAll
    static void startStore() {
        database = TestDatabase.h2();
        shared = JpaConversationStore.builder().dataSource(database.dataSource()).build();
    }

    @Override
    protected JpaConversationStore createStore() {
        database.clear();
        return shared;
    }

    @AfterAll
    static void stopStore() {
        shared.close();
        database.close();
    }
}
