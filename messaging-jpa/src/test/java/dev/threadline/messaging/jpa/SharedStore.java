package dev.threadline.messaging.jpa;

import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One store per test class (starting Hibernate per test would dominate the run time), emptied before
 * each test and pointed at that test's clock and id generator. Register it on a static field with
 * {@code @RegisterExtension}: it opens its database before the class's tests and closes it after, and is not
 * opened at all for a class a condition skips (no PostgreSQL).
 */
final class SharedStore implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<TestDatabase> databases;
    private final SwitchableClock clock = new SwitchableClock();
    private volatile IdGenerator ids = new TimeOrderedIdGenerator();
    private @Nullable TestDatabase database;
    private @Nullable JpaConversationStore store;
    /** Containers open now: nested test classes call back too, and share the outer class's store. */
    private int openContainers;

    SharedStore(Supplier<TestDatabase> databases) {
        this.databases = databases;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (openContainers++ > 0) {
            return;
        }
        database = databases.get();
        store = JpaConversationStore.builder().dataSource(database.dataSource())
                .clock(clock).idGenerator(() -> ids.newId()).build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--openContainers > 0) {
            return;
        }
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** The store, emptied, stamping with {@code testClock} and {@code testIds}. */
    JpaConversationStore fresh(Clock testClock, IdGenerator testIds) {
        Objects.requireNonNull(database, "not started: register the store with @RegisterExtension on a static field").clear();
        clock.target = testClock;
        ids = testIds;
        return Objects.requireNonNull(store);
    }

    /** The database under the store, for tests that read or load it directly. */
    DataSource dataSource() {
        return Objects.requireNonNull(database, "not started").dataSource();
    }

    /** The store, emptied, on the system clock. */
    JpaConversationStore fresh() {
        return fresh(Clock.systemUTC(), new TimeOrderedIdGenerator());
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
