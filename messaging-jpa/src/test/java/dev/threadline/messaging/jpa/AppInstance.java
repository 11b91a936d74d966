package dev.threadline.messaging.jpa;

import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.MessagingEventBus;
import java.time.Duration;

/**
 * One simulated app instance: its own connection pool, Hibernate and manager over the shared database,
 * as separate processes would have.
 */
final class AppInstance implements AutoCloseable {

    /** Short, so that a killed worker's claims come back within the test's patience on the wall clock. */
    static final Duration IN_DOUBT_GRACE = Duration.ofSeconds(1);

    final HikariDataSource pool;
    final JpaConversationStore store;
    final MessageManager manager;

    AppInstance(TestDatabase database, Channel channel, MessagingEventBus events) {
        this.pool = database.anotherPool();
        this.store = JpaConversationStore.builder().dataSource(pool).build();
        this.manager = MessageManager.builder()
                .store(store)
                .channel(channel)
                .eventBus(events)
                .pollInterval(Duration.ofMillis(50))
                .inDoubtGrace(IN_DOUBT_GRACE)
                .build();
    }

    @Override
    public void close() {
        manager.close();
        store.close();
        pool.close();
    }
}
