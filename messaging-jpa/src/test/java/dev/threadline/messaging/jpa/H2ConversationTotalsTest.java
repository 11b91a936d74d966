package dev.threadline.messaging.jpa;

class H2ConversationTotalsTest extends ConversationTotalsTest {

    @Override
    protected TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
