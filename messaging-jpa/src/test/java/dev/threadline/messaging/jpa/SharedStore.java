package dev.threadline.messaging.jpa;

import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * One store per test class (starting Hibernate per test would dominate the run time), emptied before
 * each test and pointed at that test's clock and id generator.
 */
final class SharedStore implements AutoCloseable {

    private final TestDatabase database;
    private final SwitchableClock clock = new SwitchableClock();
    private volatile IdGenerator ids = new TimeOrderedIdGenerator();
    private final JpaConversationStore store;

    SharedStore(TestDatabase database) {
        this.database = database;
        this.store = JpaConversationStore.builder().dataSource(database.dataSource())
                .clock(clock).idGenerator(() -> ids.newId()).build();
    }

    /** The store, emptied, stamping with {@code testClock} and {@code testIds}. */
    JpaConversationStore fresh(Clock testClock, IdGenerator testIds) {
        database.clear();
        clock.target = testClock;
        ids = testIds;
        return store;
    }

    /** The store, emptied, on the system clock. */
    JpaConversationStore fresh() {
        return fresh(Clock.systemUTC(), new TimeOrderedIdGenerator());
    }

    @Override
    public void close() {
        store.close();
        database.close();
    }

    private static final class SwitchableClock extends Clock {
        volatile Clock target = Clock.systemUTC();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return target.withZone(zone);
        }

        @Override
        public Instant instant() {
            return target.instant();
        }
    }
}
