package dev.threadline.messaging.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.jpa.JpaConversationStore;
import dev.threadline.messaging.jpa.PostgresEventBus;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.MessagingEventBus;
import dev.threadline.messaging.spring.MessagingAutoConfiguration;
import dev.threadline.messaging.spring.MessagingJpaAutoConfiguration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Two app instances on one PostgreSQL share conversations and see each other's events. */
class PostgresInstancesTest {

    /**
     * Own schema, so other modules' tests on the same database never touch these rows; pg_trgm stays in public.
     * Made anew for each run: a schema an earlier build migrated may hold another version of the migrations.
     */
    private static final String SCHEMA = "threadline_starter_test";

    /** Each instance has its own pool, closed with its context. */
    private final ApplicationContextRunner instance = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MessagingJpaAutoConfiguration.class, MessagingAutoConfiguration.class))
            .withPropertyValues("messaging.delivery.enabled=false")
            .withBean(DataSource.class, PostgresInstancesTest::pool);

    @BeforeAll
    static void schema() throws SQLException {
        try (HikariDataSource pool = pool(); Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    private static HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/threadline_test?currentSchema=" + SCHEMA + ",public");
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(4);
        return pool;
    }

    @Test
    void onPostgresTheStoreIsJpaAndEventsUseListenNotify() {
        instance.run(context -> {
            assertThat(context).getBean(ConversationStore.class).isInstanceOf(JpaConversationStore.class);
            assertThat(context).getBean(MessagingEventBus.class).isInstanceOf(PostgresEventBus.class);
        });
    }

    @Test
    void anEventOfOneInstanceReachesTheOtherInstancesSubscribers() {
        String tenant = "pg-" + UUID.randomUUID();
        instance.run(first -> instance.run(second -> {
            BlockingQueue<MessagingEvent> seenBySecond = new LinkedBlockingQueue<>();
            second.getBean(MessageManager.class).subscribe(event -> {
                if (event.tenantId().equals(tenant)) {
                    seenBySecond.add(event);
                }
            });

            ReceiveResult received = first.getBean(MessageManager.class).receive(InboundMessage.builder(tenant, ChannelId.SMS)
                    .customerName("Ana").customerPhone("+14155550123").body("hello from instance one").generateAiReply(false).build());

            MessagingEvent event = seenBySecond.poll(10, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            assertThat(event.type()).isEqualTo(MessagingEvent.MESSAGE_CREATED);
            assertThat(event.messageId()).isEqualTo(received.message().id());
            assertThat(second.getBean(MessageManager.class).getConversation(tenant, received.conversation().id()).messages())
                    .extracting(m -> m.body()).containsExactly("hello from instance one");
        }));
    }

    @Test
    void listenNotifyCanBeSwitchedOff() {
        instance.withPropertyValues("messaging.jpa.listen-notify=false")
                .run(context -> assertThat(context).getBean(MessagingEventBus.class).isNotInstanceOf(PostgresEventBus.class));
    }
}
