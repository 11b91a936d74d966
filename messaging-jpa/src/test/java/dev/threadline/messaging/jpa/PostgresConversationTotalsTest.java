package dev.threadline.messaging.jpa;

@RequiresPostgres
class PostgresConversationTotalsTest extends ConversationTotalsTest {

    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.postgres();
    }
}
