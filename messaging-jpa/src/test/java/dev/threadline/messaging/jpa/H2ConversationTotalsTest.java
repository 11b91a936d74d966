package dev.threadline.messaging.jpa;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2ConversationTotalsTest extends ConversationTotalsTest {

    private static TestDatabase database;
    private static SharedStore shared;

    @BeforeAll
    static void startStore() {
        database = TestDatabase.h2();
        shared = new SharedStore(database);
    }

    @Override
    protected JpaConversationStore freshStore() {
        return shared.fresh();
    }

    @Override
    protected DataSource dataSource() {
        return database.dataSource();
    }

    @AfterAll
    static void stopStore() {
        if (shared != null) {
            shared.close();
        }
    }
}
